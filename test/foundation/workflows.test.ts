// Security rules for every workflow we ship or run (brief: "Security is part of done"):
// least-privilege permissions, third-party actions pinned by full commit SHA, and no `${{ }}`
// expression inside a `run:` script (values reach scripts through `env:` instead).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../harness/runner.ts';

const folders = ['.github/workflows', 'docs/examples'];
const files = folders.flatMap((folder) => {
  const dir = path.join(repoRoot, folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => path.join(folder, f))
    : [];
});

interface Step {
  uses?: string;
  run?: string;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
  uses?: string;
}

describe('workflow security', () => {
  test('there are workflows to check', () => assert.ok(files.length >= 2, files.join(', ')));
  for (const file of files) {
    test(`${file}: least privilege, pinned actions, no expressions in scripts`, () => {
      const workflow = parse(readFileSync(path.join(repoRoot, file), 'utf8')) as {
        permissions?: unknown;
        jobs: Record<string, Job>;
      };
      for (const [name, job] of Object.entries(workflow.jobs)) {
        assert.ok(
          workflow.permissions !== undefined || job.permissions !== undefined,
          `job ${name} has no permissions: set them at the top or on the job`,
        );
        if (workflow.permissions !== undefined && typeof workflow.permissions === 'string') {
          assert.notEqual(workflow.permissions, 'write-all', 'write-all is never least privilege');
        }
        for (const step of job.steps ?? []) {
          // Third-party actions are pinned by SHA. Telltale's own appear in the examples as the moving
          // major tag with the pin-by-SHA advice beside them (release.test.ts checks the tag is one the
          // release process makes): a SHA written here could not be one of a release yet.
          const ours = step.uses?.startsWith('telltale-dev/telltale/') && file.startsWith('docs/examples/');
          if (step.uses && !ours && !step.uses.startsWith('./') && !step.uses.startsWith('docker://')) {
            assert.match(step.uses, /@[0-9a-f]{40}$/, `job ${name}: '${step.uses}' must be pinned to a commit SHA`);
          }
          if (step.run) {
            assert.doesNotMatch(step.run, /\$\{\{/, `job ${name}: a run script interpolates an expression`);
          }
        }
      }
    });
  }
});
