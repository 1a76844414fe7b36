// Block mode as a user runs it: `telltale egress run --manifest M --policy block -- CMD` inside the
// world's runner namespace (the firewall lives there, never on the test host), with real clients.
// What the manifest allows works — curl, node, git, python, IPv4 and IPv6, UDP 443 —; what it does
// not is refused at once, named, and tied to the process that tried; nothing of the firewall remains.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import { buildRuleset, entryKeys, planBlock, queueRules } from '../../shared/egress/block/ruleset.ts';
import { parseNameservers } from '../../shared/egress/block/resolvers.ts';
import { runnerEndpoints } from '../../shared/egress/block/runner-endpoints.ts';
import { parseManifest } from '../../shared/egress/manifest/manifest.ts';
import { createWorld, worldSkipReason, type World } from '../harness/world.ts';
import { repoRoot } from '../harness/runner.ts';

const MANIFEST = `version: 1
allow:
  - host: allowed.test
    ports: [443]
  - host: git.test
    ports: [443]
    transport: tcp
`;

describe('the block-mode ruleset, as text', () => {
  const manifest = parseManifest(
    `version: 1\nallow:\n  - host: a.test\n    ports: [443, "8000-8100"]\n  - host: "*.b.test"\n  - cidr: 10.9.0.0/16\n    transport: tcp\n  - cidr: fd00::/8\n    ports: [22]\n`,
    'm.yml',
  );
  const plan = planBlock(
    'telltale_0000abcd',
    manifest.entries,
    { v4: ['10.77.0.2'], v6: ['fd77::2'] },
    { logGroup: 7, dnsQueue: 70, connectionQueue: 71 },
  );

  test('an entry without transport allows both, without ports every port', () => {
    assert.deepEqual(entryKeys({ ports: [{ from: 443, to: 443 }] }), ['tcp . 443', 'udp . 443']);
    assert.deepEqual(entryKeys({ transport: 'tcp' }), ['tcp . 0-65535']);
    assert.deepEqual(plan.hosts[0]!.elements, ['tcp . 443', 'tcp . 8000-8100', 'udp . 443', 'udp . 8000-8100']);
    assert.deepEqual(plan.static4, ['10.9.0.0/16 . tcp . 0-65535']);
    assert.deepEqual(plan.static6, ['fd00::/8 . tcp . 22', 'fd00::/8 . udp . 22']);
  });

  test('what is not allowed is logged and rejected, never silently dropped', () => {
    const text = buildRuleset(plan);
    assert.match(
      text,
      /log group 7 queue-threshold 1 prefix "telltale:output"\n\s+meta l4proto tcp reject with tcp reset\n\s+reject with icmpx admin-prohibited/,
    );
    assert.match(text, /log group 7 queue-threshold 1 prefix "telltale:forward"/);
    assert.doesNotMatch(text, /\bdrop\b/);
    assert.match(text, /oifname "lo" accept/);
    assert.match(text, /set resolvers4 {\n\s+type ipv4_addr\n\s+elements = { 10.77.0.2 }/);
  });

  test('DNS answers and new flows are steered to the follower, with bypass, and all of it comes off again', () => {
    const { setup, teardown } = queueRules(plan);
    const lines = setup.map((c) => c.join(' '));
    assert.ok(
      lines.includes(
        'iptables -t mangle -A TELLTALE-0000abcd-IN -s 10.77.0.2 -p udp --sport 53 -j NFQUEUE --queue-num 70 --queue-bypass',
      ),
    );
    assert.ok(
      lines.includes(
        'ip6tables -t mangle -A TELLTALE-0000abcd-IN -s ::1/128 -p tcp --sport 53 -j NFQUEUE --queue-num 70 --queue-bypass',
      ),
    );
    assert.ok(lines.some((l) => /FWD -p udp -m conntrack --ctstate NEW -j NFQUEUE --queue-num 71/.test(l)));
    for (const tool of ['iptables', 'ip6tables'])
      for (const hook of ['OUTPUT', 'INPUT', 'FORWARD'])
        assert.ok(
          teardown.some((c) => c[0] === tool && c.includes('-D') && c.includes(hook)),
          `${tool} ${hook}`,
        );
  });

  test("resolv.conf's nameservers are read, zone indexes dropped", () => {
    assert.deepEqual(
      parseNameservers('# x\nnameserver 127.0.0.53\nnameserver fe80::1%eth0\nnameserver bogus\noptions edns0\n'),
      ['127.0.0.53', 'fe80::1'],
    );
  });

  test("the runner's own endpoints are HTTPS only and marked as not the manifest's", () => {
    const entries = runnerEndpoints();
    assert.ok(entries.some((e) => e.host === '*.actions.githubusercontent.com'));
    for (const e of entries) {
      assert.ok(e.index < 0);
      assert.deepEqual(e.ports, [{ from: 443, to: 443 }]);
      assert.ok(e.reason, `${e.host} says why it is allowed`);
    }
  });
});

const skip =
  worldSkipReason() ||
  (spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump') ||
  (spawnSync('nft', ['--version']).status !== 0 && 'needs nft (scripts/install-system-deps.sh installs nftables)');

describe('block mode in the network world', { skip }, () => {
  let world: World;
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-block-'));
  const manifest = path.join(dir, 'egress.yml');

  before(async () => {
    const staticDir = path.join(dir, 'static');
    const work = path.join(dir, 'work');
    mkdirSync(work, { recursive: true });
    const git = (cwd: string, ...args: string[]) => {
      const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    };
    git(work, 'init', '-q');
    writeFileSync(path.join(work, 'README'), 'hello\n');
    git(work, 'add', 'README');
    git(work, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'first');
    mkdirSync(staticDir);
    git(staticDir, 'clone', '-q', '--bare', work, 'repo.git');
    git(path.join(staticDir, 'repo.git'), 'update-server-info');
    writeFileSync(manifest, MANIFEST);
    world = await createWorld({
      hosts: [
        { name: 'allowed.test' },
        { name: 'git.test' },
        { name: 'denied.test' },
        { name: 'v6only.test', v4: false },
      ],
      staticDir,
    });
  });
  after(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[]) =>
    world.exec(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'cli/index.ts'), ...args], {
      cwd: repoRoot,
      env: world.clientEnv(),
      timeoutMs: 120_000,
    });
  const leftovers = async () => {
    const tables = await world.exec('nft', ['list', 'tables']);
    const chains = await world.exec('sh', ['-c', 'iptables -t mangle -S; ip6tables -t mangle -S']);
    return [...tables.stdout.split('\n'), ...chains.stdout.split('\n')].filter((l) => /telltale/i.test(l));
  };

  // Each line prints "name=<exit code> <milliseconds>", so the test sees what worked and how fast.
  const timed = (name: string, command: string) =>
    `s=$(date +%s%3N); ${command} >/dev/null 2>"$OUT/${name}.err"; echo "${name}=$? $(( $(date +%s%3N) - s ))"`;
  const udp = (host: string) =>
    `python3 -c "
import socket,sys
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.settimeout(2); s.connect((socket.gethostbyname('${host}'),443))
try:
    s.send(b'x'*1200); s.recv(10)
except OSError as e: print(e.errno)"`;

  test('allowed clients succeed, refused ones fail at once, and the report names both', async () => {
    const out = path.join(dir, 'run');
    mkdirSync(out, { recursive: true });
    const script = [
      `OUT=${out}`,
      timed('curl-allowed', 'curl -sS https://allowed.test/'),
      timed('curl-allowed-v6', 'curl -sS -6 https://allowed.test/'),
      timed(
        'node-allowed',
        `node -e "fetch('https://allowed.test/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"`,
      ),
      timed('git-allowed', `git clone -q https://git.test/repo.git ${path.join(out, 'clone')}`),
      timed('curl-denied', 'curl -sS https://denied.test/'),
      timed('curl-denied-port', 'curl -sS http://allowed.test/'),
      timed(
        'python-denied',
        `python3 -c "import urllib.request; urllib.request.urlopen('https://denied.test/', timeout=10)"`,
      ),
      timed('curl-denied-v6', 'curl -sS https://v6only.test/'),
      `echo "udp-allowed=$(${udp('allowed.test')})"`,
      `echo "udp-denied=$(${udp('denied.test')})"`,
    ].join('\n');
    const run = await cli([
      'egress',
      'run',
      '--manifest',
      manifest,
      '--policy',
      'block',
      '--out',
      out,
      '--format',
      'json',
      '--',
      'sh',
      '-c',
      script,
    ]);
    const results = Object.fromEntries(
      [...run.stdout.matchAll(/^([a-z0-9-]+)=(\S*) ?(\d*)$/gm)].map((m) => [m[1]!, { code: m[2]!, ms: Number(m[3]) }]),
    );
    const why = `${run.stdout}\n${run.stderr}`;
    for (const name of ['curl-allowed', 'curl-allowed-v6', 'node-allowed', 'git-allowed'])
      assert.equal(results[name]?.code, '0', `${name} works: ${why}`);
    for (const name of ['curl-denied', 'curl-denied-port', 'python-denied', 'curl-denied-v6']) {
      assert.notEqual(results[name]?.code, '0', `${name} is refused: ${why}`);
      assert.ok(results[name]!.ms < 1000, `${name} fails within a second, not at a timeout (${results[name]!.ms} ms)`);
    }
    for (const name of ['curl-denied', 'curl-denied-v6'])
      assert.match(readFileSync(path.join(out, `${name}.err`), 'utf8'), /Failed to connect|Couldn't connect/);
    // UDP: the allowed datagram reaches the host (nothing listens: port unreachable, ECONNREFUSED 111);
    // the refused one meets the firewall's "administratively prohibited" (EHOSTUNREACH 113 / EACCES 13).
    assert.equal(results['udp-allowed']?.code, '111', why);
    assert.match(results['udp-denied']?.code ?? '', /^(113|13)$/, why);

    assert.match(
      run.stderr,
      /telltale: blocked denied\.test:443\/tcp \(\S+\) by \/usr\/bin\/curl \(pid \d+\).*; to allow it: - \{ host: denied\.test, ports: \[443\] \}/,
    );
    const report = JSON.parse(readFileSync(path.join(out, 'egress-report.json'), 'utf8')) as EgressReport;
    // The shipped schema describes block mode's fields too (blocked, block, processes).
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'egress-report.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormatsModule as unknown as { default: (a: Ajv2020) => void }).default(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.ok(report.block && report.blocked?.length, 'block mode wrote its own record');
    const blocked = (report.blocked ?? []).map((b) => `${b.host}:${b.port}/${b.transport} ${b.namedBy}`).sort();
    // One row per refused address: curl tries IPv6 and IPv4 (happy eyeballs), so a name may have two.
    assert.deepEqual(
      [...new Set(blocked)],
      ['allowed.test:80/tcp dns', 'denied.test:443/tcp dns', 'denied.test:443/udp dns', 'v6only.test:443/tcp dns'],
      JSON.stringify(report.blocked, null, 1),
    );
    const exe = (host: string, port: number, transport = 'tcp') =>
      (report.blocked ?? [])
        .filter((b) => b.host === host && b.port === port && b.transport === transport)
        .flatMap((b) => (b.processes ?? []).map((p) => path.basename(p.exe ?? '?')))
        .sort();
    assert.ok(exe('denied.test', 443).includes('curl'), 'curl is named as the process that tried');
    assert.ok(
      exe('denied.test', 443).some((e) => e.startsWith('python3')),
      'and python3',
    );
    assert.ok(exe('denied.test', 443, 'udp').some((e) => e.startsWith('python3')));
    for (const b of report.blocked ?? []) {
      assert.equal(b.origin, 'output');
      assert.ok(!b.unattributed, `${b.host}:${b.port} has its process`);
      assert.ok(
        b.processes?.every((p) => p.pid > 0 && p.cmdline),
        JSON.stringify(b.processes),
      );
    }
    const endpoint = (host: string) =>
      report.endpoints.find((e) => e.host === host && e.port === 443 && e.transport === 'tcp');
    assert.deepEqual(
      [...new Set(endpoint('allowed.test')?.processes?.map((p) => path.basename(p.exe ?? '?')))].sort(),
      ['curl', path.basename(process.execPath)],
    );
    assert.ok(
      endpoint('git.test')?.processes?.some((p) => /git/.test(p.cmdline ?? '')),
      'git reached git.test',
    );
    assert.equal(report.block?.attributed, report.block?.connections, 'every connection has its process');
    assert.deepEqual(report.block?.leftovers, []);
    assert.deepEqual(await leftovers(), [], 'no telltale table, set or chain is left');
  });

  test('a run stopped by SIGTERM between start and stop leaves no firewall behind', async () => {
    const out = path.join(dir, 'cancelled');
    const start = await cli(['egress', 'start', '--manifest', manifest, '--policy', 'block', '--out', out]);
    assert.equal(start.code, 0, start.stderr);
    assert.ok((await leftovers()).length > 0, 'block mode is up');
    const refused = await world.exec('curl', ['-sS', 'https://denied.test/'], { env: world.clientEnv() });
    assert.notEqual(refused.code, 0);
    // The runner cancels the job: the follower (the one process block mode leaves running) gets SIGTERM.
    const handle = JSON.parse(readFileSync(path.join(out, 'block.json'), 'utf8')) as { followerPid: number };
    process.kill(handle.followerPid, 'SIGTERM');
    for (let i = 0; i < 100 && (await leftovers()).length; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(await leftovers(), [], 'the follower took the firewall down itself');
    const allowedAgain = await world.exec('curl', ['-sS', 'https://denied.test/'], { env: world.clientEnv() });
    assert.equal(allowedAgain.code, 0, 'the network is as it was');
    // And post still reports (what was blocked while it was up) and finds nothing to remove.
    const stop = await cli(['egress', 'stop', '--out', out, '--format', 'json']);
    assert.equal(stop.code, 0, stop.stderr);
    const report = JSON.parse(readFileSync(path.join(out, 'egress-report.json'), 'utf8')) as EgressReport;
    assert.ok(
      report.blocked?.some((b) => b.host === 'denied.test'),
      JSON.stringify(report.blocked),
    );
    assert.ok(
      report.warnings.some((w) => /follower had stopped before the job ended/.test(w)),
      JSON.stringify(report.warnings),
    );
    assert.deepEqual(await leftovers(), []);
  });

  test('--policy block without a manifest is an input error', async () => {
    const r = await cli(['egress', 'run', '--policy', 'block', '--out', path.join(dir, 'x'), '--', 'true']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--policy block needs --manifest/);
  });
});
