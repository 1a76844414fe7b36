// The house's layering (README "Layout"), checked over the real import graph, and the checker shown
// to catch each kind of violation on a small tree written for the purpose.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../harness/runner.ts';
import { checkLayering, eagerClosure, importsOf, readImportGraph } from './import-graph.ts';

describe('the layering of this repository', () => {
  const graph = readImportGraph(repoRoot);

  test('has the three capabilities, each behind its own front door', () => {
    assert.deepEqual(graph.capabilities, ['audit', 'cloudtrail', 'egress']);
    assert.ok(graph.edges.length > 100, `only ${graph.edges.length} imports read: is the parser finding them?`);
  });

  test('has no upward import, no cross-capability import, no cycle, thin entries and a lazy CLI', () => {
    const violations = checkLayering(graph);
    assert.deepEqual(
      violations.map((v) => v.message),
      [],
    );
  });

  test('telltale --version loads no capability and no GitHub code before it answers', () => {
    const eager = [...eagerClosure(graph, 'cli/index.ts')];
    assert.ok(eager.includes('cli/program.ts') && eager.includes('cli/commands/egress.ts'), eager.join(', '));
    assert.deepEqual(
      eager.filter((f) => /^shared\/(egress|audit|cloudtrail|github)\//.test(f)),
      [],
    );
  });
});

describe('the layering checker', () => {
  let root: string;
  const files: Record<string, string> = {
    // A capability whose core posts to GitHub itself, and that reaches into another capability.
    'shared/alpha/action.ts': "import { run } from './run.ts';\nexport const go = run;\n",
    'shared/alpha/run.ts':
      "import { post } from '../github/comments.ts';\nimport type { B } from '../beta/model.ts';\nexport const run = post;\n",
    // A cycle inside a capability.
    'shared/beta/action.ts': "import { a } from './a.ts';\nexport const go = a;\n",
    'shared/beta/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
    'shared/beta/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\nexport type B = string;\n",
    'shared/beta/model.ts': 'export type B = string;\n',
    // shared/github/ reaching up into a capability, for a type (still a dependency).
    'shared/github/action.ts': 'export async function runAction(f: () => Promise<void>) { await f(); }\n',
    'shared/github/comments.ts': "export type { B } from '../beta/model.ts';\nexport const post = () => 1;\n",
    // An entry with logic of its own instead of one front door.
    'actions/alpha/main.ts':
      "import { runAction } from '../../shared/github/action.ts';\nimport { run } from '../../shared/alpha/run.ts';\nawait runAction(async () => void run());\n",
    'actions/beta/main.ts':
      "import { runAction } from '../../shared/github/action.ts';\nimport { go } from '../../shared/beta/action.ts';\nawait runAction(async () => void go());\n",
    // A CLI that loads a capability eagerly, and one command that does it right.
    'cli/index.ts': "import { register } from './commands.ts';\nregister();\n",
    'cli/commands.ts':
      "import { go } from '../shared/alpha/action.ts';\nexport function register() {\n  return async () => (await import('../shared/beta/action.ts')).go() ?? go;\n}\n",
  };

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'telltale-layering-'));
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
  });
  after(() => rm(root, { recursive: true, force: true }));

  test('tells static, type-only and dynamic imports apart', () => {
    assert.deepEqual(importsOf('x.ts', files['cli/commands.ts']!), [
      { specifier: '../shared/alpha/action.ts', kind: 'static' },
      { specifier: '../shared/beta/action.ts', kind: 'dynamic' },
    ]);
    assert.deepEqual(
      importsOf('x.ts', "import { type A, type B } from './a.ts';\nexport type { C } from './c.ts';\nimport 'yaml';\n"),
      [
        { specifier: './a.ts', kind: 'type' },
        { specifier: './c.ts', kind: 'type' },
      ],
    );
  });

  test('reports every kind of violation in a tree that has each', () => {
    const violations = checkLayering(readImportGraph(root));
    const byRule = (rule: string) =>
      violations
        .filter((v) => v.rule === rule)
        .map((v) => v.message)
        .sort();
    assert.deepEqual(byRule('github-imports-capability'), [
      'shared/github/comments.ts imports shared/beta/model.ts: shared/github/ is cross-cutting and imports no capability',
    ]);
    assert.deepEqual(byRule('capability-imports-capability'), [
      'shared/alpha/run.ts imports shared/beta/model.ts: one capability never imports another (shared/alpha -> shared/beta)',
    ]);
    assert.deepEqual(byRule('core-talks-to-github'), [
      'shared/alpha/run.ts imports shared/github/comments.ts: only shared/alpha/action.ts, the adapter, talks to GitHub',
    ]);
    assert.deepEqual(byRule('entry-imports'), [
      'actions/alpha/main.ts imports shared/github/action.ts, shared/alpha/run.ts: an action entry imports ' +
        'shared/github/action.ts (runAction) and exactly one shared/<capability>/action.ts',
    ]);
    // alpha -> github -> beta is a chain, not a cycle; a <-> b is one.
    assert.deepEqual(byRule('cycle'), ['import cycle: shared/beta/a.ts <-> shared/beta/b.ts']);
    assert.deepEqual(byRule('cli-eager'), [
      "cli/index.ts loads shared/alpha/action.ts at start-up: import it inside the command's handler (await import(…))",
      "cli/index.ts loads shared/alpha/run.ts at start-up: import it inside the command's handler (await import(…))",
      "cli/index.ts loads shared/github/comments.ts at start-up: import it inside the command's handler (await import(…))",
    ]);
  });

  test('tolerates a known cycle only when it is exactly that cycle', () => {
    const graph = readImportGraph(root);
    const cycles = (known: string[][]) =>
      checkLayering(graph, { knownCycles: known }).filter((v) => v.rule === 'cycle').length;
    assert.equal(cycles([['shared/beta/a.ts', 'shared/beta/b.ts']]), 0);
    assert.equal(cycles([['shared/beta/a.ts', 'shared/beta/b.ts', 'shared/beta/model.ts']]), 1);
    assert.equal(cycles([['shared/beta/b.ts']]), 1);
  });
});
