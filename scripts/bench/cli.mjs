#!/usr/bin/env node
/**
 * CLI start-up: `telltale --version` from the CLI bundle against bare `node -e 0`, median of RUNS
 * alternating runs each, as a ratio (issue 9's target: within 2×). The bundle is built fresh from
 * the sources into a temporary folder with the same ncc call `npm run build` makes (scripts/lib/bundle.mjs),
 * so the figure is of this checkout, not of a stale dist/. Also shown, for reference only: the same
 * command from the sources through tsx (what `npm run telltale` does), which pays for compiling.
 *
 *   npm run bench -- cli            BENCH_RUNS=31 to tighten the medians
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../lib/bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function once(args) {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const out = mkdtempSync(path.join(tmpdir(), 'telltale-bench-cli-'));
try {
  const t0 = performance.now();
  await bundle(path.join(root, 'cli', 'index.ts'), out);
  const chunks = readdirSync(out).filter((f) => f.endsWith('.js'));
  process.stdout.write(
    `built cli/index.ts in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${chunks.length} file(s) (index.js + lazily loaded chunks)\n`,
  );
  const cli = path.join(out, 'index.js');
  const commands = {
    'node -e 0': ['-e', '0'],
    'telltale --version (bundle)': [cli, '--version'],
    'telltale --help (bundle)': [cli, '--help'],
    'telltale --version (sources via tsx)': ['--import', 'tsx', path.join(root, 'cli', 'index.ts'), '--version'],
  };
  // The bundle in dist/, when there is one: until `npm run build` it is the start-up this checkout replaces.
  const onDisk = path.join(root, 'dist', 'cli', 'index.js');
  if (existsSync(onDisk)) commands['telltale --version (dist/ as on disk)'] = [onDisk, '--version'];
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const args of Object.values(commands)) once(args); // warm the page cache
  // Alternating, so a slower moment of a shared machine hits every command alike.
  for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(commands)) times[name].push(once(args));
  const base = median(times['node -e 0']);
  process.stdout.write(`median of ${RUNS} runs each:\n`);
  for (const [name, xs] of Object.entries(times)) {
    const m = median(xs);
    process.stdout.write(`  ${name.padEnd(42)} ${m.toFixed(1).padStart(7)} ms  ${(m / base).toFixed(2)}× node -e 0\n`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
