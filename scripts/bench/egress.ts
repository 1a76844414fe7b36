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
 * 4. A corpus of small captures (the first capture cut into 200-packet files): one `egress analyze`
 *    process for all of them vs one tshark per file, start-up included either way.
 * 5. 1M distinct SYNs (generated): peak RSS stays within the stated bound (MAX_FLOWS connections
 *    tracked one by one, the rest counted per destination), against the same file's first 100k.
 *
 *   sudo npm run bench -- egress      (BENCH_SCALE=0.25 for a quicker, smaller run;
 *                                      BENCH_PARTS=overhead for one section;
 *                                      BENCH_CLI=path/to/cli.js to time another build than dist/;
 *                                      BENCH_KEEP=/tmp/bulk.pcap keeps the analysis capture)
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createWorld, worldSkipReason } from '../../test/harness/world.ts';
import { startCapture } from '../../test/harness/capture.ts';
import { repoRoot } from '../../test/harness/runner.ts';
import { OTHER_RUNTIMES_HINT, runtimes } from '../lib/runtimes.ts';

const run = promisify(execFile);
const scale = Number(process.env.BENCH_SCALE ?? '1');
// BENCH_PARTS=analysis,overhead,rate picks sections (default: all).
const parts = new Set((process.env.BENCH_PARTS ?? 'analysis,overhead,rate,corpus,syns').split(','));
const skip = worldSkipReason();
if (skip) {
  process.stdout.write(`skipped: ${skip}\n`);
  process.exit(0);
}
const cli = process.env.BENCH_CLI ?? path.join(repoRoot, 'dist', 'cli', 'index.js');
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
    // BENCH_KEEP=path keeps the capture (for profiling the analyzer on it afterwards).
    if (process.env.BENCH_KEEP) copyFileSync(file, process.env.BENCH_KEEP);
    const half = path.join(dir, 'half.pcap');
    await run('editcap', ['-r', file, half, `1-${await packetCount(file, 0.5)}`]);

    const fields = ['ip.dst', 'ipv6.dst', 'tcp.dstport', 'udp.dstport', 'tls.handshake.extensions_server_name',
    'http.host', 'dns.qry.name', 'dns.a', 'dns.aaaa', 'dns.cname']; // prettier-ignore
    const tsharkArgs = (f: string) => ['-r', f, '-n', '-T', 'fields', ...fields.flatMap((x) => ['-e', x])];
    // Three runs each, alternating, medians: one run of either swings by a third on a shared host.
    // telltale is timed under each Node runtime it is used on (scripts/lib/runtimes.ts).
    const nodes = runtimes(repoRoot);
    const oursRuns = nodes.map(() => [] as { seconds: number; rssKiB: number }[]);
    const tsharkRuns: { seconds: number; rssKiB: number }[] = [];
    for (let i = 0; i < 3; i++) {
      for (const [k, n] of nodes.entries()) {
        oursRuns[k]!.push(await measure(n.node, [cli, 'egress', 'analyze', file, '--format', 'json']));
      }
      tsharkRuns.push(await measure('tshark', tsharkArgs(file)));
    }
    const middle = (runs: { seconds: number; rssKiB: number }[]) =>
      [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
    const tshark = middle(tsharkRuns);
    const oursHalf = await measure(process.execPath, [cli, 'egress', 'analyze', half, '--format', 'json']);
    line(
      `analysis of a ${mb(size)} capture (${downloads} bulk HTTPS downloads + ${Math.round(1500 * scale)} connections), medians of 3 alternating runs:`,
    );
    line(
      `  tshark -T fields                 ${tshark.seconds.toFixed(2)} s   peak RSS ${(tshark.rssKiB / 1024).toFixed(0)} MiB`,
    );
    const ours = middle(oursRuns[0]!);
    for (const [k, n] of nodes.entries()) {
      const r = middle(oursRuns[k]!);
      const start = (await measure(n.node, ['-e', '0'])).seconds;
      line(
        `  telltale on ${n.label.padEnd(42)} ${r.seconds.toFixed(2)} s   peak RSS ${(r.rssKiB / 1024).toFixed(0)} MiB   ${(tshark.seconds / r.seconds).toFixed(1)}x tshark   (node -e 0 alone ${start.toFixed(2)} s)`,
      );
    }
    if (nodes.length === 1) line(`  (${OTHER_RUNTIMES_HINT})`);
    line(
      `  memory vs file size      half file ${(oursHalf.rssKiB / 1024).toFixed(0)} MiB, whole file ${(ours.rssKiB / 1024).toFixed(0)} MiB`,
    );
    if (parts.has('corpus')) {
      // --- 4. hundreds of small captures: start-up dominates ------------------------------------
      const corpus = path.join(dir, 'corpus');
      await run('mkdir', ['-p', corpus]);
      await run('editcap', ['-c', '200', half, path.join(corpus, 'part.pcap')]);
      const files = readdirSync(corpus)
        .map((f) => path.join(corpus, f))
        .slice(0, 200);
      const started = process.hrtime.bigint();
      await run(process.execPath, [cli, 'egress', 'analyze', ...files, '--format', 'json'], { maxBuffer: 1 << 30 });
      const oneProcess = Number(process.hrtime.bigint() - started) / 1e9;
      const tsharkStarted = process.hrtime.bigint();
      for (const f of files) await run('tshark', tsharkArgs(f), { maxBuffer: 1 << 28 });
      const perFile = Number(process.hrtime.bigint() - tsharkStarted) / 1e9;
      line(`a corpus of ${files.length} small captures (200 packets each), start-up included:`);
      line(`  telltale egress analyze FILE…  ${oneProcess.toFixed(2)} s  (one process)`);
      line(`  tshark per file                ${perFile.toFixed(2)} s`);
      line(`  speed-up                       ${(perFile / oneProcess).toFixed(1)}x`);
    }
  }
  if (parts.has('syns')) {
    // --- 5. 1M distinct SYNs: memory bounded -----------------------------------------------------
    const full = path.join(dir, 'syns-1m.pcap');
    const small = path.join(dir, 'syns-100k.pcap');
    writeFileSync(full, synCapture(Math.round(1_000_000 * Math.max(scale, 0.25))));
    writeFileSync(small, synCapture(100_000));
    const big = await measure(process.execPath, [cli, 'egress', 'analyze', full, '--format', 'json']);
    const base = await measure(process.execPath, [cli, 'egress', 'analyze', small, '--format', 'json']);
    line(`distinct SYNs (raw IPv4, distinct sources, 256 destinations):`);
    line(`  100k SYNs  ${base.seconds.toFixed(2)} s   peak RSS ${(base.rssKiB / 1024).toFixed(0)} MiB`);
    line(
      `  ${(Math.round(1_000_000 * Math.max(scale, 0.25)) / 1e6).toFixed(2)}M SYNs  ${big.seconds.toFixed(2)} s   peak RSS ${(big.rssKiB / 1024).toFixed(0)} MiB (the report says the rest were counted by destination)`,
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

/** A pcap (LINKTYPE_RAW) of `n` SYNs from distinct sources and ports to 256 destinations. */
function synCapture(n: number): Buffer {
  const record = 16 + 40;
  const out = Buffer.alloc(24 + n * record);
  out.writeUInt32LE(0xa1b2c3d4, 0);
  out.writeUInt16LE(2, 4);
  out.writeUInt16LE(4, 6);
  out.writeUInt32LE(65535, 16);
  out.writeUInt32LE(101, 20);
  for (let i = 0; i < n; i++) {
    const o = 24 + i * record;
    out.writeUInt32LE(1_700_000_000 + Math.floor(i / 10_000), o);
    out.writeUInt32LE((i % 10_000) * 100, o + 4);
    out.writeUInt32LE(40, o + 8);
    out.writeUInt32LE(40, o + 12);
    const p = o + 16;
    out[p] = 0x45;
    out.writeUInt16BE(40, p + 2);
    out[p + 8] = 64;
    out[p + 9] = 6;
    out.set([10, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff], p + 12);
    out.set([198, 18, (i >> 8) & 0xff, 1], p + 16);
    out.writeUInt16BE(1024 + (i % 60_000), p + 20);
    out.writeUInt16BE(443, p + 22);
    out.writeUInt32BE((i * 7919) >>> 0, p + 24);
    out[p + 32] = 0x50;
    out[p + 33] = 0x02;
  }
  return out;
}

/** The packet number at `fraction` of a capture (capinfos counts them). */
async function packetCount(f: string, fraction: number): Promise<number> {
  const { stdout } = await run('capinfos', ['-c', '-M', f], { encoding: 'utf8' });
  const total = Number(/Number of packets:\s+(\d+)/.exec(stdout)?.[1] ?? '0');
  return Math.max(1, Math.floor(total * fraction));
}
