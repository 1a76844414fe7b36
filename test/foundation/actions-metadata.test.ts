// Every action.yml is what the runner and our users need: node24 (or composite), a bundle that
// exists, every input and output described.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../harness/runner.ts';

const actionsDir = path.join(repoRoot, 'actions');
const names = readdirSync(actionsDir).filter((n) => existsSync(path.join(actionsDir, n, 'action.yml')));

describe('action metadata', () => {
  test('there is at least one action', () => assert.ok(names.length > 0));
  for (const name of names) {
    test(`actions/${name}/action.yml runs on node24 from an existing bundle, with documented inputs`, () => {
      const meta = parse(readFileSync(path.join(actionsDir, name, 'action.yml'), 'utf8'));
      assert.ok(meta.name && meta.description, 'name and description');
      assert.ok(['node24', 'composite'].includes(meta.runs?.using), `runs.using is ${meta.runs?.using}`);
      for (const phase of ['pre', 'main', 'post']) {
        if (!meta.runs[phase]) continue;
        assert.ok(existsSync(path.resolve(actionsDir, name, meta.runs[phase])), `${phase} bundle exists`);
      }
      for (const [input, spec] of Object.entries<{ description?: string }>(meta.inputs ?? {})) {
        assert.ok(spec?.description?.trim(), `input ${input} has a description`);
      }
      for (const [output, spec] of Object.entries<{ description?: string }>(meta.outputs ?? {})) {
        assert.ok(spec?.description?.trim(), `output ${output} has a description`);
      }
      assert.ok(existsSync(path.join(repoRoot, 'action-docs', `${name}.md`)), 'generated docs exist');
    });
  }
});
