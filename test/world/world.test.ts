// The network world harness itself: real clients in the runner namespace reach real servers in the
// internet namespace by name, over IPv4 and IPv6, and nothing is left behind afterwards.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startCapture } from '../harness/capture.ts';
import { createWorld, namespaceExists, worldSkipReason, type World } from '../harness/world.ts';

const skip = worldSkipReason();

describe('the network world', { skip }, () => {
  let world: World;
  let staticDir = '';

  before(async () => {
    staticDir = mkdtempSync(path.join(tmpdir(), 'telltale-world-static-'));
    // A bare repository served over git's dumb HTTP protocol.
    const work = path.join(staticDir, 'work');
    mkdirSync(work);
    const git = (cwd: string, ...args: string[]) => {
      const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    };
    git(work, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(work, 'README'), 'hello\n');
    git(work, '-c', 'user.email=t@example.test', '-c', 'user.name=t', 'add', '.');
    git(work, '-c', 'user.email=t@example.test', '-c', 'user.name=t', 'commit', '-qm', 'first');
    git(staticDir, 'clone', '-q', '--bare', work, 'repo.git');
    git(path.join(staticDir, 'repo.git'), 'update-server-info');
    world = await createWorld({
      staticDir,
      hosts: [
        { name: 'registry.example.test', drop: [9001], reject: [9002] },
        { name: 'v6only.example.test', v4: false },
        { name: 'edge.cdn.example.test' },
        { name: 'moved.example.test', redirectTo: 'https://registry.example.test/landing' },
        { name: 'git.example.test' },
      ],
      cnames: { 'assets.example.test': 'alias.cdn.example.test', 'alias.cdn.example.test': 'edge.cdn.example.test' },
    });
  });
  after(async () => {
    await world?.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  test('dig follows a CNAME chain to the address of the host behind it', async () => {
    const r = await world.exec('dig', ['+short', 'assets.example.test', 'A']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'alias.cdn.example.test.',
      'edge.cdn.example.test.',
      world.addressOf('edge.cdn.example.test').v4,
    ]);
  });

  test('an unknown name under .test is NXDOMAIN, over UDP and over TCP', async () => {
    for (const transport of ['+notcp', '+tcp']) {
      const r = await world.exec('dig', [transport, 'nope.example.test', 'A']);
      assert.match(r.stdout, /status: NXDOMAIN/, transport);
    }
  });

  test('curl completes an HTTPS fetch by name and trusts the world CA', async () => {
    const r = await world.exec('curl', ['-sS', '--max-time', '10', 'https://registry.example.test/'], {
      env: world.clientEnv(),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'hello from registry.example.test\n');
  });

  test('an IPv6-only name is reached over IPv6', async () => {
    const r = await world.exec(
      'curl',
      ['-sS', '-w', '%{remote_ip}', '-o', '/dev/null', 'https://v6only.example.test/'],
      {
        env: world.clientEnv(),
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, world.addressOf('v6only.example.test').v6);
  });

  test('wget, node fetch and python3 reach the same host', async () => {
    const url = 'https://registry.example.test/';
    const env = world.clientEnv();
    const wget = await world.exec('wget', ['-qO-', `--ca-certificate=${world.caFile}`, url], { env });
    assert.equal(wget.stdout, 'hello from registry.example.test\n', wget.stderr);
    const node = await world.exec(
      process.execPath,
      ['-e', `fetch('${url}').then(r => r.text()).then(t => process.stdout.write(t))`],
      {
        env,
      },
    );
    assert.equal(node.stdout, 'hello from registry.example.test\n', node.stderr);
    const python = await world.exec(
      'python3',
      ['-c', `import urllib.request;print(urllib.request.urlopen('${url}').read().decode(),end='')`],
      {
        env,
      },
    );
    assert.equal(python.stdout, 'hello from registry.example.test\n', python.stderr);
  });

  test('openssl s_client names the server by SNI with no DNS at all', async () => {
    const ip = world.addressOf('registry.example.test').v4!;
    const r = await world.exec(
      'openssl',
      [
        's_client',
        '-connect',
        `${ip}:443`,
        '-servername',
        'registry.example.test',
        '-CAfile',
        world.caFile,
        '-verify_return_error',
        '-brief',
      ],
      { input: '' },
    );
    assert.match(r.stderr + r.stdout, /Verification: OK/);
  });

  test('git clones over https', async () => {
    const into = path.join(world.dir, 'clone');
    const r = await world.exec('git', ['clone', '-q', 'https://git.example.test/repo.git', into], {
      env: world.clientEnv(),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(path.join(into, 'README')));
  });

  test('nc reaches a bare IP, a REJECT rule resets and a DROP rule times out', async () => {
    const ip = world.addressOf('registry.example.test').v4!;
    const open = await world.exec('nc', ['-z', '-w', '3', ip, '80']);
    assert.equal(open.code, 0, open.stderr);
    const rejected = await world.exec('nc', ['-vz', '-w', '3', ip, '9002']);
    assert.match(rejected.stderr, /refused/i);
    const dropped = await world.exec('nc', ['-vz', '-w', '2', ip, '9001']);
    assert.match(dropped.stderr, /timed out/i);
  });

  test('a redirect to another host is followed by curl', async () => {
    const r = await world.exec('curl', ['-sSL', '-w', '\n%{url_effective}', 'https://moved.example.test/old'], {
      env: world.clientEnv(),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'hello from registry.example.test\n\nhttps://registry.example.test/landing');
  });

  test('HTTPS_PROXY sends a CONNECT through the proxy to the real destination', async () => {
    const r = await world.exec('curl', ['-sS', '-v', 'https://registry.example.test/'], {
      env: world.clientEnv({ HTTPS_PROXY: world.proxyUrl }),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /CONNECT registry\.example\.test:443/);
    assert.equal(r.stdout, 'hello from registry.example.test\n');
  });

  test('the capture helper records DNS and TLS packets of a real client, drained at stop', async () => {
    const file = path.join(world.dir, 'capture.pcap');
    const capture = await startCapture(world, { file });
    await world.exec('curl', ['-sS', 'https://registry.example.test/'], { env: world.clientEnv() });
    await world.exec('dig', ['+tcp', '+short', 'edge.cdn.example.test']);
    const { stderr } = await capture.stop();
    assert.match(stderr, /packets captured/);
    const read = spawnSync('tcpdump', ['-nn', '-r', file], { encoding: 'utf8' });
    assert.match(read.stdout, /\.443: Flags \[S\]/, 'the TLS connection SYN');
    assert.match(read.stdout, /\.53: Flags \[S\]/, 'the DNS-over-TCP SYN, in the last moment of the capture');
    assert.match(read.stderr, /LINUX_SLL2/);
  });
});

describe('tearing the world down', { skip }, () => {
  test('after close no namespace, /etc/netns entry, process or temp folder remains', async () => {
    const world = await createWorld({ hosts: [{ name: 'one.example.test' }] });
    const { runnerNs, internetNs, dir } = world;
    assert.ok(namespaceExists(runnerNs) && namespaceExists(internetNs));
    await world.close();
    assert.equal(namespaceExists(runnerNs), false);
    assert.equal(namespaceExists(internetNs), false);
    assert.equal(existsSync(path.join('/etc/netns', runnerNs)), false);
    assert.equal(existsSync(dir), false);
    const leftovers = spawnSync('pgrep', ['-f', dir]).stdout.toString().trim();
    assert.equal(leftovers, '', 'no process of the world is still running');
  });
});
