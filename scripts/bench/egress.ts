/**
 * Egress figures, each against a reference measured in the same run, in a network world (root):
 *
 * 1. Analysis speed and memory: a real capture of bulk HTTPS downloads (offloads off, so packets are
 *    MTU sized) plus many short connections, analysed by the bundled CLI vs `tshark -r … -T fields`
 *    extracting the same naming fields. Peak RSS on the whole file and on its first half shows
 *    whether memory grows with the file.
 * 2. Capture overhead: wall time of a 1 GB HTTPS download over veth, with and without `egress run`
 *    (default `names` filter) around it.
 * 3. Connection rate: 2,000 new connections/s for 10 s under capture; how many the report counts.
 *
 *   sudo npm run bench -- egress      (BENCH_SCALE=0.25 for a quicker, smaller run;
 *                                      BENCH_PARTS=overhead for one section)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createWorld, worldSkipReason } from '../../test/harness/world.ts';
import { startCapture } from '../../test/harness/capture.ts';
import { repoRoot } from '../../test/harness/runner.ts';

const run = promisify(execFile);
const scale = Number(process.env.BENCH_SCALE ?? '1');
// BENCH_PARTS=analysis,overhead,rate picks sections (default: all).
const parts = new Set((process.env.BENCH_PARTS ?? 'analysis,overhead,rate').split(','));
const skip = worldSkipReason();
if (skip) {
  process.stdout.write(`skipped: ${skip}\n`);
  process.exit(0);
}
const cli = path.join(repoRoot, 'dist', 'cli', 'index.js');
const dir = mkdtempSync(path.join(tmpdir(), 'telltale-bench-egress-'));
const line = (text: string) => process.stdout.write(`${text}\n`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/** Wall seconds and peak RSS (KiB) of a command, from GNU time. */
async function measure(command: string, args: string[]): Promise<{ seconds: number; rssKiB: number }> {
  const started = process.hrtime.bigint();
  const { stderr } = await run('/usr/bin/time', ['-f', 'RSS %M', command, ...args], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /RSS (\d+)/.exec(stderr);
  return { seconds, rssKiB: rss ? Number(rss[1]) : NaN };
}

const ROUNDS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const world = await createWorld({
  offloads: false,
  hosts: [{ name: 'bulk.example.test' }, { name: 'many.example.test' }],
});
try {
  const env = world.clientEnv();
  if (parts.has('analysis')) {
    // --- 1. analysis vs tshark ------------------------------------------------------------------
    const file = path.join(dir, 'bulk.pcap');
    const capture = await startCapture(world, { file, filter: ['-s', '262144', '-B', '262144'] });
    const downloads = Math.max(1, Math.round(12 * scale));
    for (let i = 0; i < downloads; i++) {
      await world.exec('curl', ['-sS', '-o', '/dev/null', 'https://bulk.example.test/bytes/12000000'], { env });
    }
    const connectionScript = `
    const http = require('node:http');
    let left = ${Math.round(1500 * scale)}, open = 0;
    const next = () => { while (open < 32 && left > 0) { left--; open++;
      http.get({ host: 'many.example.test', path: '/', agent: false }, (r) => { r.resume(); r.on('end', () => { open--; next(); }); })
        .on('error', () => { open--; next(); }); } };
    next();`;
    await world.exec(process.execPath, ['-e', connectionScript], { env, timeoutMs: 120_000 });
    await capture.stop();
    const size = statSync(file).size;
    const half = path.join(dir, 'half.pcap');
    await run('editcap', ['-r', file, half, `1-${await packetCount(file, 0.5)}`]);

    const fields = ['ip.dst', 'ipv6.dst', 'tcp.dstport', 'udp.dstport', 'tls.handshake.extensions_server_name',
    'http.host', 'dns.qry.name', 'dns.a', 'dns.aaaa', 'dns.cname']; // prettier-ignore
    const tsharkArgs = (f: string) => ['-r', f, '-n', '-T', 'fields', ...fields.flatMap((x) => ['-e', x])];
    const ours = await measure(process.execPath, [cli, 'egress', 'analyze', file, '--format', 'json']);
    const oursHalf = await measure(process.execPath, [cli, 'egress', 'analyze', half, '--format', 'json']);
    const tshark = await measure('tshark', tsharkArgs(file));
    line(
      `analysis of a ${mb(size)} capture (${downloads} bulk HTTPS downloads + ${Math.round(1500 * scale)} connections):`,
    );
    line(`  telltale egress analyze  ${ours.seconds.toFixed(2)} s   peak RSS ${(ours.rssKiB / 1024).toFixed(0)} MiB`);
    line(
      `  tshark -T fields         ${tshark.seconds.toFixed(2)} s   peak RSS ${(tshark.rssKiB / 1024).toFixed(0)} MiB`,
    );
    line(`  speed-up                 ${(tshark.seconds / ours.seconds).toFixed(1)}x`);
    line(
      `  memory vs file size      half file ${(oursHalf.rssKiB / 1024).toFixed(0)} MiB, whole file ${(ours.rssKiB / 1024).toFixed(0)} MiB`,
    );
  }
  if (parts.has('overhead')) {
    // --- 2. capture overhead on a 1 GB transfer ----------------------------------------------------
    const bytes = Math.round(1e9 * scale);
    const download = ['-sS', '-o', '/dev/null', `https://bulk.example.test/bytes/${bytes}`];
    const plain: number[] = [];
    const captured: number[] = [];
    // The transfer is timed while a capture started by `egress start` runs (the action's situation:
    // tcpdump running alongside the job); starting and stopping it is a fixed cost, timed apart.
    for (let i = 0; i < ROUNDS; i++) {
      let t = Date.now();
      await world.exec('curl', download, { env, timeoutMs: 300_000 });
      plain.push((Date.now() - t) / 1000);
      const out = path.join(dir, `overhead-${i}`);
      await world.exec(process.execPath, [cli, 'egress', 'start', '--out', out], { env });
      t = Date.now();
      await world.exec('curl', download, { env, timeoutMs: 300_000 });
      captured.push((Date.now() - t) / 1000);
      await world.exec(process.execPath, [cli, 'egress', 'stop', '--out', out, '--format', 'json'], { env });
    }
    const fixedStart = Date.now();
    await world.exec(
      process.execPath,
      [cli, 'egress', 'run', '--out', path.join(dir, 'fixed'), '--format', 'json', '--', 'true'],
      { env },
    );
    const fixed = Date.now() - fixedStart;
    const overhead = ((median(captured) - median(plain)) / median(plain)) * 100;
    line(`capture overhead on a ${mb(bytes)} HTTPS download over veth (median of ${ROUNDS}, alternating):`);
    line(`  without capture      ${median(plain).toFixed(2)} s`);
    line(
      `  with egress capture  ${median(captured).toFixed(2)} s  (${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)}%)`,
    );
    line(`  fixed cost of egress run around \`true\` (start, stop, analyse, two Node starts): ${fixed} ms`);
  }
  if (parts.has('rate')) {
    // --- 3. 2,000 new connections per second for 10 s ---------------------------------------------
    const seconds = Math.max(1, Math.round(10 * scale));
    const target = 2000 * seconds;
    const rateScript = `
    const net = require('node:net');
    const host = process.argv[1]; let started = 0, ok = 0, failed = 0; const t0 = Date.now();
    const tick = setInterval(() => {
      const due = Math.min(${target}, Math.floor((Date.now() - t0) / 1000 * 2000));
      while (started < due) { started++;
        const s = net.connect(80, host, () => { ok++; s.end('GET / HTTP/1.1\\r\\nHost: many.example.test\\r\\nConnection: close\\r\\n\\r\\n'); s.resume(); });
        s.on('error', () => failed++); }
      if (started >= ${target}) { clearInterval(tick); const wait = setInterval(() => { if (ok + failed >= ${target}) { clearInterval(wait);
        console.log(JSON.stringify({ ok, failed, seconds: (Date.now() - t0) / 1000 })); } }, 50); }
    }, 5);`;
    const rateOut = path.join(dir, 'rate');
    const rate = await world.exec(
      process.execPath,
      [
        cli,
        'egress',
        'run',
        '--out',
        rateOut,
        '--format',
        'json',
        '--',
        process.execPath,
        '-e',
        rateScript,
        world.addressOf('many.example.test').v4!,
      ],
      { env, timeoutMs: 300_000 },
    );
    const client = JSON.parse(rate.stdout.split('\n').find((l) => l.startsWith('{"ok"')) ?? '{}') as {
      ok?: number;
      seconds?: number;
    };
    const report = JSON.parse(
      (await run('cat', [path.join(rateOut, 'egress-report.json')], { encoding: 'utf8', maxBuffer: 1 << 28 })).stdout,
    ) as { endpoints: { host: string; port: number; connections: number }[]; capture: { dropped?: number } };
    const counted = report.endpoints.filter((e) => e.port === 80).reduce((n, e) => n + e.connections, 0);
    line(
      `${target} new connections at 2,000/s (the client took ${client.seconds?.toFixed(1)} s, ${client.ok} connected):`,
    );
    line(`  connections in the report ${counted} of ${client.ok}; kernel drops ${report.capture.dropped}`);
  }
} finally {
  await world.close();
  rmSync(dir, { recursive: true, force: true });
}

/** The packet number at `fraction` of a capture (capinfos counts them). */
async function packetCount(f: string, fraction: number): Promise<number> {
  const { stdout } = await run('capinfos', ['-c', '-M', f], { encoding: 'utf8' });
  const total = Number(/Number of packets:\s+(\d+)/.exec(stdout)?.[1] ?? '0');
  return Math.max(1, Math.floor(total * fraction));
}
