/**
 * Goss's http options that need a server to show them (docs/gossfile.md "http"): `proxy` (plain
 * http through the proxy, https through a CONNECT tunnel) and `ca-file` for a private CA. All
 * traffic stays on loopback: the server, the proxy and the certificate are made here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseControls } from '../../shared/audit/controls.ts';
import { runAudit } from '../../shared/audit/phase.ts';
import { openTarget } from '../../shared/audit/targets/index.ts';

const port = (s: net.Server) => (s.address() as AddressInfo).port;
const listen = (s: net.Server) => new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));

describe('http proxy and ca-file (docs/gossfile.md "http")', () => {
  let dir: string;
  let plain: http.Server;
  let secure: https.Server;
  let proxy: http.Server;
  const seenByProxy: string[] = [];
  /** Every socket opened here, so the servers close even with a tunnel still open. */
  const sockets = new Set<net.Socket>();
  const track = (sock: net.Socket) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  };

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-goss-http-'));
    const gen = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ]);
    assert.equal(gen.status, 0, gen.stderr.toString());
    plain = http.createServer((_req, res) => res.end('hello from plain\n'));
    secure = https.createServer(
      { key: await readFile(path.join(dir, 'key.pem')), cert: await readFile(path.join(dir, 'cert.pem')) },
      (_req, res) => res.end('hello from tls\n'),
    );
    proxy = http.createServer((req, res) => {
      // An absolute-form request target (RFC 9112 §3.2.2), forwarded as is.
      seenByProxy.push(`GET ${req.url}`);
      const up = http.request(req.url!, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
    proxy.on('connect', (req, socket) => {
      seenByProxy.push(`CONNECT ${req.url}`);
      const [host, p] = req.url!.split(':');
      track(socket as net.Socket);
      const up = net.connect(Number(p), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        up.pipe(socket);
        socket.pipe(up);
      });
      track(up);
      up.on('error', () => socket.destroy());
      socket.on('error', () => up.destroy());
    });
    for (const srv of [plain, secure, proxy]) srv.on('connection', track);
    await Promise.all([listen(plain), listen(secure), listen(proxy)]);
  });
  after(async () => {
    for (const sock of sockets) sock.destroy();
    await Promise.all([plain, secure, proxy].map((srv) => new Promise((r) => srv.close(r))));
    await rm(dir, { recursive: true, force: true });
  });

  async function statuses(text: string): Promise<Record<string, string>> {
    const { controls } = parseControls(text, 'c.yaml');
    const target = await openTarget('host');
    try {
      const { results } = await runAudit(controls, target, () => {});
      return Object.fromEntries(results.map((r) => [`${r.id} ${r.property}`, `${r.status} ${r.actual ?? ''}`]));
    } finally {
      await target.close();
    }
  }

  it('proxy: a plain http URL is asked of the proxy, an https one through CONNECT, with the ca-file trusted', async () => {
    const p = `http://127.0.0.1:${port(proxy)}`;
    const r = await statuses(
      [
        'http:',
        `  http://127.0.0.1:${port(plain)}/x:`,
        '    status: 200',
        `    proxy: ${p}`,
        '    body: [hello from plain]',
        `  https://127.0.0.1:${port(secure)}/y:`,
        '    status: 200',
        `    proxy: ${p}`,
        `    ca-file: ${path.join(dir, 'cert.pem')}`,
        '    body: [hello from tls]',
      ].join('\n'),
    );
    assert.deepEqual(
      Object.values(r).map((v) => v.split(' ')[0]),
      ['passed', 'passed', 'passed', 'passed'],
      JSON.stringify(r),
    );
    assert.deepEqual(seenByProxy, [`GET http://127.0.0.1:${port(plain)}/x`, `CONNECT 127.0.0.1:${port(secure)}`]);
  });
  it('ca-file: without it a private CA is refused (a failure, not a pass); with it the status is read', async () => {
    const url = `https://127.0.0.1:${port(secure)}/`;
    const without = await statuses(`http:\n  ${url}:\n    status: 200\n`);
    assert.match(without[`${url} status`]!, /^failed .*no response/);
    const withCa = await statuses(`http:\n  ${url}:\n    status: 200\n    ca-file: ${path.join(dir, 'cert.pem')}\n`);
    assert.match(withCa[`${url} status`]!, /^passed/);
  });
});
