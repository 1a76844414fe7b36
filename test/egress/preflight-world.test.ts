/**
 * Preflight from a runner into a miniature internet: two network namespaces joined by a veth pair
 * (IPv4 and IPv6), dnsmasq answering for `.test`, a real HTTPS server with a test CA, and iptables
 * rules that DROP or REJECT (tcp-reset) particular ports. The `telltale egress preflight` CLI runs
 * inside the runner namespace exactly as a user would run it, and each endpoint gets the verdict an
 * operator needs.
 *
 * (Self-contained rather than on test/harness/world.ts, which was not there yet when this was
 * written; the layout is the same idea and can move onto it.)
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { node24, repoRoot, withAction } from '../harness/runner.ts';

const id = randomBytes(3).toString('hex');
const RUNNER = `tt-pf-r-${id}`;
const INET = `tt-pf-i-${id}`;
const V4 = { runner: '10.200.0.1', server: '10.200.0.2' };
const V6 = { runner: 'fd00:200::1', server: 'fd00:200::2' };

const missing = (['ip', 'iptables', 'dnsmasq', 'openssl'] as const).filter(
  (t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0,
);
const skip =
  process.getuid?.() !== 0
    ? 'needs root (network namespaces, iptables)'
    : missing.length
      ? `needs ${missing.join(', ')} (apt-get install iproute2 iptables dnsmasq-base openssl)`
      : false;

function sh(args: string[]): void {
  const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr || r.stdout}`);
}
const inNs = (ns: string, ...args: string[]) => sh(['ip', 'netns', 'exec', ns, ...args]);

const MANIFEST = `version: 1
allow:
  - host: open.test
    ports: [443]
  - host: v6only.test
    ports: [443]
  - host: dropped.test
    ports: [9001]
  - host: refused.test
    ports: [9002]
  - host: missing.test
    ports: [443]
  - host: redirect.test
    ports: [443]
  - host: hop.test
    ports: [443]
  - host: wrongname.test
    ports: [443]
  - host: "*.cdn.test"
    ports: [443]
  - host: noroute.test
    ports: [443]
`;

const SERVER = `
import https from 'node:https';
import net from 'node:net';
import { readFileSync } from 'node:fs';
const dir = process.argv[2];
const server = https.createServer({ key: readFileSync(dir + '/leaf.key'), cert: readFileSync(dir + '/leaf.crt') }, (req, res) => {
  const host = (req.headers.host || '').split(':')[0];
  if (host === 'redirect.test') { res.writeHead(302, { location: 'https://unlisted.test/download' }); return res.end(); }
  if (host === 'hop.test') { res.writeHead(301, { location: 'https://open.test/landing' }); return res.end(); }
  res.writeHead(200, { 'content-type': 'text/plain' }); res.end('ok ' + host + req.url);
});
let ready = 0;
const up = () => { if (++ready === 3) process.stdout.write('ready\\n'); };
server.listen({ port: 443, host: '::' }, up);
// Plain listeners behind the DROP and REJECT rules: without the rules these ports would answer.
for (const port of [9001, 9002]) net.createServer((s) => s.end()).listen({ port, host: '::' }, up);
`;

describe('telltale egress preflight in a miniature internet', { skip }, () => {
  let dir: string;
  const children: ChildProcess[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'telltale-preflight-'));
    // A test CA and one leaf certificate for the names that should verify (not wrongname.test).
    sh([
      'openssl',
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=telltale test CA',
      '-keyout',
      `${dir}/ca.key`,
      '-out',
      `${dir}/ca.crt`,
    ]);
    sh([
      'openssl',
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-subj',
      '/CN=open.test',
      '-keyout',
      `${dir}/leaf.key`,
      '-out',
      `${dir}/leaf.csr`,
    ]);
    writeFileSync(
      `${dir}/san.ext`,
      'subjectAltName=DNS:open.test,DNS:v6only.test,DNS:redirect.test,DNS:hop.test,DNS:unlisted.test\n',
    );
    sh([
      'openssl',
      'x509',
      '-req',
      '-in',
      `${dir}/leaf.csr`,
      '-CA',
      `${dir}/ca.crt`,
      '-CAkey',
      `${dir}/ca.key`,
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      `${dir}/san.ext`,
      '-out',
      `${dir}/leaf.crt`,
    ]);

    sh(['ip', 'netns', 'add', RUNNER]);
    sh(['ip', 'netns', 'add', INET]);
    sh(['ip', 'link', 'add', `r${id}`, 'type', 'veth', 'peer', 'name', `i${id}`]);
    sh(['ip', 'link', 'set', `r${id}`, 'netns', RUNNER]);
    sh(['ip', 'link', 'set', `i${id}`, 'netns', INET]);
    for (const [ns, dev, v4, v6] of [
      [RUNNER, `r${id}`, V4.runner, V6.runner],
      [INET, `i${id}`, V4.server, V6.server],
    ] as const) {
      inNs(ns, 'ip', 'link', 'set', 'lo', 'up');
      inNs(ns, 'ip', 'addr', 'add', `${v4}/24`, 'dev', dev);
      inNs(ns, 'ip', '-6', 'addr', 'add', `${v6}/64`, 'dev', dev, 'nodad');
      inNs(ns, 'ip', 'link', 'set', dev, 'up');
    }
    inNs(INET, 'iptables', '-A', 'INPUT', '-p', 'tcp', '--dport', '9001', '-j', 'DROP');
    inNs(INET, 'iptables', '-A', 'INPUT', '-p', 'tcp', '--dport', '9002', '-j', 'REJECT', '--reject-with', 'tcp-reset');

    // DNS: everything under .test is answered here; names not in the hosts file are NXDOMAIN.
    writeFileSync(
      `${dir}/hosts`,
      `${V4.server} open.test redirect.test hop.test dropped.test refused.test wrongname.test unlisted.test\n${V6.server} v6only.test\n10.99.0.1 noroute.test\n`,
    );
    mkdirSync(`/etc/netns/${RUNNER}`, { recursive: true });
    writeFileSync(`/etc/netns/${RUNNER}/resolv.conf`, `nameserver ${V4.server}\n`);
    const dns = spawn(
      'ip',
      [
        'netns',
        'exec',
        INET,
        'dnsmasq',
        '--keep-in-foreground',
        '--no-resolv',
        '--no-hosts',
        `--addn-hosts=${dir}/hosts`,
        '--local=/test/',
        `--listen-address=${V4.server}`,
        '--bind-interfaces',
        '--user=root',
        `--pid-file=${dir}/dnsmasq.pid`,
      ],
      { stdio: 'ignore' },
    );
    children.push(dns);

    writeFileSync(`${dir}/egress.yml`, MANIFEST);
    writeFileSync(`${dir}/server.mjs`, SERVER);
    const server = spawn('ip', ['netns', 'exec', INET, process.execPath, `${dir}/server.mjs`, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(server);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('test server did not start')), 10_000);
      server.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.once('exit', (code) => reject(new Error(`test server exited ${code}`)));
    });
  });

  after(() => {
    for (const child of children) child.kill('SIGTERM');
    spawnSync('ip', ['netns', 'del', RUNNER]);
    spawnSync('ip', ['netns', 'del', INET]);
    rmSync(`/etc/netns/${RUNNER}`, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives each endpoint its verdict in about one timeout', () => {
    const manifest = `${dir}/egress.yml`;
    const started = Date.now();
    const run = spawnSync(
      'ip',
      [
        'netns',
        'exec',
        RUNNER,
        process.execPath,
        '--import',
        'tsx',
        'cli/index.ts',
        'egress',
        'preflight',
        '--manifest',
        manifest,
        '--timeout',
        '2s',
        '--format',
        'json',
      ],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NODE_EXTRA_CA_CERTS: `${dir}/ca.crt` },
      },
    );
    const wall = Date.now() - started;
    assert.equal(run.status, 1, `exit 1 when any endpoint is not ok\n${run.stderr}`);
    const report = JSON.parse(run.stdout) as {
      results: {
        host: string;
        port: number;
        status: string;
        detail: string;
        redirects: string[];
        addresses: string[];
        ms: number;
      }[];
    };
    const by = (host: string) => report.results.find((r) => r.host === host)!;
    const verdicts = Object.fromEntries(report.results.map((r) => [r.host, r.status]));
    assert.deepEqual(verdicts, {
      'open.test': 'ok',
      'v6only.test': 'ok',
      'dropped.test': 'timeout',
      'refused.test': 'refused',
      'missing.test': 'dns-failed',
      'redirect.test': 'http-failed',
      'hop.test': 'ok',
      'wrongname.test': 'tls-failed',
      '*.cdn.test': 'skipped',
      'noroute.test': 'unreachable',
    });
    assert.deepEqual(by('v6only.test').addresses, [V6.server], 'reached over IPv6 only');
    assert.match(by('redirect.test').detail, /redirects to unlisted host unlisted\.test:443/);
    assert.deepEqual(by('redirect.test').redirects, ['https://unlisted.test/download']);
    assert.deepEqual(
      by('hop.test').redirects,
      ['https://open.test/landing'],
      'a redirect that stays in the manifest is fine',
    );
    assert.match(by('wrongname.test').detail, /ERR_TLS_CERT_ALTNAME_INVALID|altnames/i);
    assert.match(by('missing.test').detail, /NXDOMAIN/);
    // Parallel: the whole run took less than the endpoints' times added up (the dropped one alone
    // waits the full timeout).
    const sum = report.results.reduce((s, r) => s + r.ms, 0);
    assert.ok(by('dropped.test').ms >= 1900, `waited the timeout (${by('dropped.test').ms} ms)`);
    assert.ok(
      report.results.every((r) => r.ms < 2000 + 500),
      'no endpoint ran past its timeout',
    );
    assert.ok(wall < 2000 + sum, `wall ${wall} ms`);
  });
  it('actions/preflight, run by the runner inside the same namespace, fails the step and lists why', async (t) => {
    const root = process.env.TELLTALE_TEST_ROOT ?? repoRoot;
    if (!existsSync(path.join(root, 'dist', 'preflight', 'main', 'index.js'))) {
      return t.skip('bundle not built (npm run build, or set TELLTALE_TEST_ROOT)');
    }
    await withAction(
      {
        action: 'preflight',
        root,
        ...(node24() ? { node: node24()! } : {}),
        wrapper: ['ip', 'netns', 'exec', RUNNER],
        inputs: { manifest: `${dir}/egress.yml`, timeout: '2s' },
        env: { NODE_EXTRA_CA_CERTS: `${dir}/ca.crt` },
        timeoutMs: 60_000,
      },
      ({ main }) => {
        assert.equal(main.exitCode, 1, main.stdout);
        assert.equal(main.outputs.ok, 'false');
        assert.equal(main.outputs['failed-count'], '6');
        const results = JSON.parse(main.outputs.results!) as { host: string; status: string }[];
        assert.equal(results.find((r) => r.host === 'v6only.test')?.status, 'ok');
        assert.match(main.summary, /6 of 9 endpoints/);
        const errors = main.annotations.filter((a) => a.level === 'error').map((a) => a.message);
        assert.ok(
          errors.some((m) => m.startsWith('dropped.test:9001 timeout')),
          errors.join('\n'),
        );
      },
    );
  });
});
