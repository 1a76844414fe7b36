/**
 * The host target against this machine: listeners this test opens on loopback, files it writes,
 * the accounts, kernel parameters, processes, mounts and interfaces the kernel reports, commands it
 * runs, and a local HTTP server. Each resource has a control that must pass and one that must fail.
 */
import assert from 'node:assert/strict';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { performAudit } from '../../shared/audit/run.ts';
import type { ControlResult } from '../../shared/audit/model.ts';

function listen(server: Server | HttpServer, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

describe('the host target on this machine', () => {
  let dir: string;
  let tcp: Server;
  let tcp6: Server | undefined;
  let udp: UdpSocket;
  let web: HttpServer;
  let results: ControlResult[];
  let tcpPort: number;
  let closedPort: number;
  const find = (type: string, id: string, property: string) => {
    const r = results.find((x) => x.type === type && x.id === id && x.property === property);
    assert.ok(r, `no result for ${type} ${id} ${property}`);
    return r;
  };

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-host-'));
    await mkdir(path.join(dir, 'conf.d'));
    await writeFile(path.join(dir, 'app.conf'), 'listen = 8080\nuser = app\n');
    await chmod(path.join(dir, 'app.conf'), 0o600);
    await symlink('app.conf', path.join(dir, 'current.conf'));
    tcp = createServer();
    tcpPort = await listen(tcp, '127.0.0.1');
    // A port that was bound once and is closed now: nothing listens on it.
    const probe = createServer();
    closedPort = await listen(probe, '127.0.0.1');
    await new Promise((resolve) => probe.close(resolve));
    try {
      tcp6 = createServer();
      await listen(tcp6, '::1');
    } catch {
      tcp6 = undefined;
    }
    udp = createSocket('udp4');
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    web = createHttpServer((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/' }).end();
        return;
      }
      res.writeHead(200, { 'x-telltale': 'yes' }).end('hello from the audit test\n');
    });
    const webPort = await listen(web, '127.0.0.1');
    const tcp6Port = tcp6 ? (tcp6.address() as AddressInfo).port : 0;
    const content = await readFile(path.join(dir, 'app.conf'));
    const hash = (algo: string) => createHash(algo).update(content).digest('hex');
    const controls = `
file:
  ${dir}/app.conf:
    exists: true
    filetype: file
    mode: "0600"
    size: ${content.length}
    owner: root
    group: root
    uid: 0
    gid: 0
    contents: [listen = 8080, "/^user = app$/", "!debug"]
    md5: ${hash('md5')}
    sha256: ${hash('sha256')}
    sha512: ${hash('sha512')}
  ${dir}/current.conf:
    filetype: symlink
    linked-to: app.conf
    mode: "0777" # the link's own mode (lstat), as Goss reports a symlink
  ${dir}/conf.d:
    filetype: directory
  ${dir}/wrong-mode:
    exists: false
  ${dir}/app.conf.bak:
    title: must fail, the file is absent
    exists: true
port:
  tcp:${tcpPort}:
    listening: true
    ip: [127.0.0.1]
  tcp:${closedPort}:
    listening: false
  udp:${(udp.address() as AddressInfo).port}:
    listening: true
  ${tcp6 ? `tcp6:${tcp6Port}:\n    listening: true\n    ip: ["::1"]` : `tcp6:${tcpPort}:\n    listening: false`}
  udp6:${closedPort}:
    title: must fail, nothing listens there
    listening: true
user:
  root:
    exists: true
    uid: 0
    gid: 0
    home: /root
    groups: [root]
  telltale-nobody-here:
    exists: false
group:
  root:
    exists: true
    gid: 0
kernel-param:
  kernel.ostype:
    value: Linux
  net.ipv4.ip_forward:
    value: {match-regexp: "^[01]$"}
  kernel.telltale_not_a_param:
    value: "1"
command:
  echo out; echo err >&2; exit 3:
    exit-status: 3
    stdout: [out]
    stderr: ["/^err$/"]
  sleep 5:
    exit-status: 0
    timeout: 300
process:
  node:
    running: true
  telltale-nonexistent-process:
    running: false
mount:
  /:
    exists: true
    filesystem: {match-regexp: ".+"}
interface:
  lo:
    exists: true
    addrs: {contain-element: 127.0.0.1/8}
    mtu: {gt: 0}
http:
  http://127.0.0.1:${webPort}/moved:
    status: 200
    body: [hello from the audit test]
    headers: ["/(?i)^X-Telltale: yes$/"]
  http://127.0.0.1:${webPort}/moved#raw:
    url: http://127.0.0.1:${webPort}/moved
    no-follow-redirects: true
    status: 302
addr:
  tcp://127.0.0.1:${tcpPort}:
    reachable: true
  tcp://127.0.0.1:${closedPort}:
    reachable: false
dns:
  localhost:
    resolvable: true
    addrs: {contain-element: {match-regexp: "^(127\\\\.0\\\\.0\\\\.1|::1)$"}}
package:
  bash:
    installed: true
  telltale-no-such-package:
    installed: false
matching:
  version:
    content: 1.4.2
    matches: {semver-constraint: ">=1.2.0 <2.0.0"}
`;
    await writeFile(path.join(dir, 'controls.yaml'), controls);
    const outcome = await performAudit({
      controlsFile: path.join(dir, 'controls.yaml'),
      target: 'host',
      format: 'json',
      stdout: () => {},
    });
    results = outcome.report.results;
  });

  after(async () => {
    await Promise.all([tcp, tcp6, web].map((s) => s && new Promise((resolve) => s.close(resolve))));
    udp?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('every control meant to pass passes', () => {
    const failing = results.filter(
      (r) =>
        r.status !== 'passed' &&
        r.id !== `udp6:${closedPort}` &&
        !r.id.endsWith('.bak') &&
        !(r.type === 'command' && r.id === 'sleep 5') &&
        r.id !== 'kernel.telltale_not_a_param',
    );
    assert.deepEqual(
      failing.map((r) => `${r.type} ${r.id} ${r.property}: ${r.status} ${r.actual ?? r.reason ?? ''}`),
      [],
    );
  });

  it('a listener this test opened is seen on its address, and a closed port is reported closed', () => {
    assert.equal(find('port', `tcp:${tcpPort}`, 'ip').actual, '["127.0.0.1"]');
    assert.equal(find('port', `tcp:${closedPort}`, 'listening').status, 'passed');
    const closed = find('port', `udp6:${closedPort}`, 'listening');
    assert.equal(closed.status, 'failed');
    assert.equal(closed.actual, 'false');
  });

  it('an absent file fails with what was found', () => {
    const r = find('file', `${dir}/app.conf.bak`, 'exists');
    assert.equal(r.status, 'failed');
    assert.equal(r.actual, 'false');
  });

  it('a command killed at its timeout fails and says so', () => {
    const r = find('command', 'sleep 5', 'exit-status');
    assert.equal(r.status, 'failed');
    assert.match(r.actual ?? '', /timed out after 300 ms/);
  });

  it('a kernel parameter that does not exist fails', () => {
    const r = find('kernel-param', 'kernel.telltale_not_a_param', 'value');
    assert.equal(r.status, 'failed');
    assert.equal(r.actual, 'kernel-param does not exist');
  });

  it('200 host controls take well under a second', async () => {
    const lines = ['file:'];
    for (let i = 0; i < 100; i++) lines.push(`  ${dir}/app.conf#${i}:`, '    exists: false');
    lines.push('user:');
    for (let i = 0; i < 50; i++) lines.push(`  root${i % 2 ? '' : `-${i}`}#${i}:`, '    exists: false');
    lines.push('port:');
    for (let i = 0; i < 50; i++) lines.push(`  tcp:${20000 + i}:`, '    listening: {or: [true, false]}');
    await writeFile(path.join(dir, 'many.yaml'), `${lines.join('\n')}\n`);
    const t0 = performance.now();
    const outcome = await performAudit({
      controlsFile: path.join(dir, 'many.yaml'),
      target: 'host',
      format: 'json',
      stdout: () => {},
    });
    const ms = performance.now() - t0;
    assert.equal(outcome.report.results.length, 200);
    assert.equal(outcome.report.summary.passed, 200);
    assert.ok(ms < 1000, `200 controls took ${ms.toFixed(0)} ms`);
  });
});
