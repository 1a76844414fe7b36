/**
 * Block mode's cost and correctness, in the network world (root; the firewall lives in the world's
 * runner namespace only):
 * - the race: a client that connects right after its DNS answer, to 60 fresh names, with the follower
 *   holding DNS answers until the allow sets have them (the shipped design) and without (answers
 *   released at once, sets updated after): how many allowed connections were refused;
 * - overhead, as ratios vs the same command with no telltale, and vs passive capture: a 1 GB download
 *   and 1,000 short connections (each a new TCP connection, so each passes the attribution queue);
 * - process attribution accuracy with six real clients run concurrently, ten rounds each.
 *
 *   npm run bench -- egress-block
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RACE_HOSTS = 60;

// Inside the runner namespace: one race measurement with the follower holding answers or not.
if (process.argv[2] === '--inner-race') {
  const [mode, dir] = [process.argv[3]!, process.argv[4]!];
  const { startBlock, stopBlock } = await import('../../shared/egress/block/state.ts');
  const { parseManifest } = await import('../../shared/egress/manifest/manifest.ts');
  const manifest = parseManifest('version: 1\nallow:\n  - host: "*.race.test"\n    ports: [80]\n', 'bench.yml');
  const handle = await startBlock({
    dir,
    entries: manifest.entries,
    hold: mode === 'hold' || mode === 'hold-only',
    attribute: mode === 'hold' || mode === 'attribution-only',
  });
  let refused = 0;
  const lookups: number[] = [];
  try {
    for (let i = 0; i < RACE_HOSTS; i++) {
      const host = `r${i}.race.test`;
      const t = performance.now();
      const { address } = await lookup(host, { family: 4 });
      lookups.push(performance.now() - t);
      // connect at once, as a client does the moment its answer arrives
      const ok = await new Promise<boolean>((resolve) => {
        const socket = connect(80, address, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      if (!ok) refused++;
    }
  } finally {
    await stopBlock(handle);
  }
  lookups.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ refused, lookupMedianMs: lookups[lookups.length >> 1] }) + '\n');
  process.exit(0);
}

const { createWorld } = await import('../../test/harness/world.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'telltale-bench-block-'));
const world = await createWorld({
  hosts: [
    { name: 'big.test' },
    { name: 'short.test' },
    ...Array.from({ length: RACE_HOSTS }, (_, i) => ({ name: `r${i}.race.test` })),
    ...['curl', 'wget', 'node', 'python', 'openssl'].map((c) => ({ name: `${c}.allowed.test` })),
  ],
});
const tsx = ['--import', 'tsx'];
const cli = (args: string[]) =>
  world.exec(process.execPath, [...tsx, path.join(root, 'cli/index.ts'), ...args], {
    cwd: root,
    env: world.clientEnv(),
    timeoutMs: 600_000,
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

try {
  // --- the race -----------------------------------------------------------------------------------
  const raceModes: Record<string, string> = {
    hold: 'DNS answers held, new flows queued for attribution (shipped)',
    'hold-only': 'DNS answers held, no attribution queue',
    'attribution-only': 'answers released at once, new flows queued for attribution',
    none: 'answers released at once, sets updated after, no queue for new flows',
  };
  for (const mode of Object.keys(raceModes)) {
    const out = path.join(dir, `race-${mode}`);
    mkdirSync(out, { recursive: true });
    const r = await world.exec(process.execPath, [...tsx, fileURLToPath(import.meta.url), '--inner-race', mode, out], {
      cwd: root,
      timeoutMs: 120_000,
    });
    const result = JSON.parse(r.stdout.trim().split('\n').pop() || '{}') as { refused: number; lookupMedianMs: number };
    process.stdout.write(
      `race (${raceModes[mode]}): ${result.refused}/${RACE_HOSTS} allowed connections refused; ` +
        `median lookup ${result.lookupMedianMs?.toFixed(1)} ms\n`,
    );
  }

  // --- overhead -----------------------------------------------------------------------------------
  const manifest = path.join(dir, 'egress.yml');
  writeFileSync(manifest, 'version: 1\nallow:\n  - host: big.test\n  - host: short.test\n    ports: [80]\n');
  const shortScript = path.join(dir, 'short.mjs');
  writeFileSync(
    shortScript,
    `import http from 'node:http';
for (let i = 0; i < 1000; i++) await new Promise((resolve, reject) => http.get({ host: 'short.test', path: '/', agent: false }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject));`,
  );
  const workloads = {
    'download 1 GB': 'curl -sS -o /dev/null http://big.test/bytes/1000000000',
    '1,000 short connections': `${process.execPath} ${shortScript}`,
  };
  const timed = (command: string) =>
    `s=$(date +%s%N); ${command} || exit 9; echo "ms=$(( ($(date +%s%N) - s) / 1000000 ))"`;
  const ms = (stdout: string) => Number(/ms=(\d+)/.exec(stdout)?.[1] ?? NaN);
  for (const [name, command] of Object.entries(workloads)) {
    const times: Record<string, number[]> = { none: [], passive: [], block: [] };
    for (let round = 0; round < 3; round++) {
      times.none!.push(ms((await world.exec('sh', ['-c', timed(command)], { timeoutMs: 600_000 })).stdout));
      const out = path.join(dir, `${name.replace(/\W/g, '')}-${round}`);
      times.passive!.push(
        ms(
          (await cli(['egress', 'run', '--out', `${out}-p`, '--format', 'json', '--', 'sh', '-c', timed(command)]))
            .stdout,
        ),
      );
      times.block!.push(
        ms(
          (
            await cli([
              'egress',
              'run',
              '--manifest',
              manifest,
              '--policy',
              'block',
              '--out',
              `${out}-b`,
              '--format',
              'json',
              '--',
              'sh',
              '-c',
              timed(command),
            ])
          ).stdout,
        ),
      );
    }
    const none = median(times.none!);
    process.stdout.write(
      `${name}: no telltale ${none} ms; passive capture ${median(times.passive!)} ms (×${(median(times.passive!) / none).toFixed(2)}); ` +
        `block mode ${median(times.block!)} ms (×${(median(times.block!) / none).toFixed(2)})  [median of 3]\n`,
    );
  }

  // --- attribution accuracy -------------------------------------------------------------------------
  const clients: Record<string, [string, RegExp]> = {
    curl: ['curl -sS -o /dev/null https://curl.allowed.test/', /^curl$/],
    wget: [`wget -q -O /dev/null --ca-certificate=${world.caFile} https://wget.allowed.test/`, /^wget$/],
    node: [`node -e "fetch('https://node.allowed.test/').then(r=>r.text(),()=>0)"`, /^node/],
    python: [
      `python3 -c "import urllib.request; urllib.request.urlopen('https://python.allowed.test/').read()"`,
      /^python3/,
    ],
    openssl: [
      'openssl s_client -connect openssl.allowed.test:443 -servername openssl.allowed.test </dev/null',
      /^openssl$/,
    ],
  };
  const accuracyManifest = path.join(dir, 'accuracy.yml');
  writeFileSync(accuracyManifest, 'version: 1\nallow:\n  - host: "*.allowed.test"\n    ports: [443]\n');
  const jobs = Object.values(clients).flatMap(([command]) =>
    Array.from({ length: 10 }, () => `(${command}) >/dev/null 2>&1 &`),
  );
  const out = path.join(dir, 'accuracy');
  await cli([
    'egress',
    'run',
    '--manifest',
    accuracyManifest,
    '--policy',
    'block',
    '--out',
    out,
    '--format',
    'json',
    '--',
    'sh',
    '-c',
    `${jobs.join('\n')}\nwait`,
  ]);
  const owner = new Map<string, RegExp>();
  for (const [name, [, exe]] of Object.entries(clients)) {
    const a = world.addressOf(`${name}.allowed.test`);
    for (const address of [a.v4, a.v6]) if (address) owner.set(address, exe);
  }
  const records = readFileSync(path.join(out, 'block-connections.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { dst: string; process?: { exe?: string } })
    .filter((r) => owner.has(r.dst));
  const right = records.filter((r) => owner.get(r.dst)!.test(path.basename(r.process?.exe ?? ''))).length;
  const wrong = records.filter((r) => !owner.get(r.dst)!.test(path.basename(r.process?.exe ?? '')));
  const why = wrong.map((r) => `${r.dst}: ${r.process?.exe ?? 'unattributed'}`);
  process.stdout.write(
    `process attribution: ${right}/${records.length} connections of 5 clients × 10 concurrent runs named the right process ` +
      `(${((right / records.length) * 100).toFixed(1)} %)${why.length ? `; missed: ${why.join(', ')}` : ''}\n`,
  );
} finally {
  await world.close();
  rmSync(dir, { recursive: true, force: true });
}
