/**
 * Preflight wall time against the way people check endpoints by hand: a curl loop with the same
 * timeout, one endpoint after another. Loopback only (no root): 40 HTTPS endpoints that answer and
 * 4 that accept TCP but never finish the TLS handshake (a stalled middlebox), so the loop pays the
 * timeout four times and preflight once.
 *
 *   npm run bench -- egress-preflight
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ANSWERING = 40;
const STALLED = 4;
const TIMEOUT_S = 2;

// The servers live in this process: every child is awaited (never spawnSync), so the event loop
// keeps serving while the child measures.
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'telltale-bench-preflight-'));
const servers: (Server | TcpServer)[] = [];
const held: Socket[] = [];
try {
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost',
    '-keyout',
    `${dir}/key.pem`,
    '-out',
    `${dir}/cert.pem`,
  ]);
  const tls = { key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) };
  const listen = (server: Server | TcpServer) =>
    new Promise<number>((resolve) => {
      servers.push(server);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
  const ports: number[] = [];
  for (let i = 0; i < ANSWERING; i++) ports.push(await listen(createHttpsServer(tls, (_req, res) => res.end('ok'))));
  for (let i = 0; i < STALLED; i++) ports.push(await listen(createTcpServer((s) => void held.push(s))));
  const entries = ports.map((p) => `  - host: localhost\n    ports: [${p}]\n    probe: https://localhost:${p}/\n`);
  writeFileSync(`${dir}/egress.yml`, `version: 1\nallow:\n${entries.join('')}`);

  // NODE_EXTRA_CA_CERTS is read at start-up, so the CLI runs as a child that trusts the test CA.
  const t0 = Date.now();
  const cli = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      'cli/index.ts',
      'egress',
      'preflight',
      '--manifest',
      `${dir}/egress.yml`,
      '--timeout',
      `${TIMEOUT_S}s`,
      '--concurrency',
      '64',
      '--format',
      'json',
    ],
    { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: `${dir}/cert.pem` } },
  ).catch((e: { stdout: string }) => e); // exit 1: the stalled endpoints are not ok
  const preflightMs = Date.now() - t0;
  const results = (JSON.parse(cli.stdout) as { results: { status: string }[] }).results;
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;

  // Node start-up + tsx alone, to read the figure above without it.
  const s0 = Date.now();
  await run(process.execPath, ['--import', 'tsx', 'cli/index.ts', '--version']);
  const startupMs = Date.now() - s0;

  const c0 = Date.now();
  let curlOk = 0;
  for (const p of ports) {
    const args = [
      '-s',
      '-o',
      '/dev/null',
      '--max-time',
      String(TIMEOUT_S),
      '--cacert',
      `${dir}/cert.pem`,
      `https://localhost:${p}/`,
    ];
    if (
      await run('curl', args).then(
        () => true,
        () => false,
      )
    )
      curlOk++;
  }
  const curlMs = Date.now() - c0;

  process.stdout.write(
    [
      `endpoints: ${ANSWERING} answering + ${STALLED} stalled TLS handshakes, timeout ${TIMEOUT_S}s`,
      `telltale egress preflight (CLI, --concurrency 64): ${preflightMs} ms wall, of which ~${startupMs} ms Node+tsx start-up; verdicts ${JSON.stringify(counts)}`,
      `reference: curl loop, --max-time ${TIMEOUT_S}: ${curlMs} ms (${curlOk} ok)`,
      `ratio curl loop / preflight: ${(curlMs / preflightMs).toFixed(1)}x`,
      '',
    ].join('\n'),
  );
} finally {
  for (const s of held) s.destroy();
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
}
