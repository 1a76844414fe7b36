// The built-in correlation rules (shared/cloudtrail/rules/builtin/correlation/) are written to Sigma's
// v2 correlation specification (sigma-correlation-rules-specification.md: `correlation.type`,
// `rules`, `group-by`, `timespan`, `condition`). They are not in the built-in pack until the
// evaluator runs correlations; until then this checks that each is well formed and has fixtures
// whose counts sit on both sides of its threshold.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../harness/runner.ts';

const dir = path.join(repoRoot, 'shared', 'cloudtrail', 'rules', 'builtin', 'correlation');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'cloudtrail', 'rules', 'correlation');

interface Correlation {
  type: string;
  rules: string[];
  'group-by': string[];
  timespan: string;
  condition: Record<string, number | string>;
}

describe('built-in correlation rules (Sigma v2), pending the correlation evaluator', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
    test(`${file}: a base rule and a correlation that names it, with fixtures on both sides of the threshold`, () => {
      const docs = parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((d) => {
        assert.deepEqual(d.errors, []);
        return d.toJS() as Record<string, unknown>;
      });
      const bases = docs.filter((d) => d.detection);
      const correlations = docs.filter((d) => d.correlation);
      assert.equal(correlations.length, 1);
      const c = correlations[0]!.correlation as Correlation;
      assert.ok(['event_count', 'value_count', 'temporal', 'temporal_ordered'].includes(c.type));
      for (const name of c.rules)
        assert.ok(
          bases.some((b) => b.name === name),
          `${file}: base rule ${name} is in the file`,
        );
      assert.match(c.timespan, /^\d+[smhd]$/);
      assert.ok(c['group-by'].length >= 1);
      const threshold = Number(c.condition.gte ?? c.condition.gt);
      assert.ok(threshold > 1);
      if (c.type === 'value_count') assert.equal(typeof c.condition.field, 'string');
      const fixture = JSON.parse(readFileSync(path.join(fixtures, file.replace(/\.yml$/, '.json')), 'utf8')) as {
        positive: unknown[];
        negative: unknown[];
      };
      assert.ok(fixture.positive.length >= threshold, 'the positive fixture reaches the threshold');
      assert.ok(fixture.negative.length > 0);
      assert.ok(
        (correlations[0]!.tags as string[]).some((t) => /^attack\.t\d{4}/.test(t)),
        'an ATT&CK technique tag',
      );
    });
  }
});
