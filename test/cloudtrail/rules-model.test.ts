// One model for every rule (rules/model.ts): a correlation rule is an ordinary member of the rule
// set — listed like the others, switched off by --no-builtin-rules like the others.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../cli/program.ts';
import { repoRoot } from '../harness/runner.ts';
import { builtinRules, capture } from './helpers.ts';

const samples = path.join(repoRoot, 'samples', 'cloudtrail');
let dir: string;

const ROUTE_RULE = [
  'title: Route deleted (our own rule)',
  'id: 7d1e4c2a-0b9f-4e8d-a6c5-3f2e1d0c9b8a',
  'author: Platform team',
  'logsource: {product: aws, service: cloudtrail}',
  'detection:',
  '  sel: {eventName: [DeleteRoute, CreateRoute, ReplaceRoute]}',
  '  condition: sel',
  'level: low',
].join('\n');

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'telltale-ct-model-'));
  writeFileSync(path.join(dir, 'route.yml'), ROUTE_RULE);
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Loaded {
  id: string;
  slug: string;
  title: string;
  origin: string;
  findings: number;
}

async function scanJson(...args: string[]) {
  const { out, io } = capture();
  const code = await runCli(
    ['cloudtrail', 'scan', '--source', samples, '--since', 'all', '--format', 'json', ...args],
    io,
  );
  assert.ok(code === 0 || code === 1, out.stderr);
  return JSON.parse(out.stdout) as {
    findings: { ruleId: string; ruleSlug: string }[];
    rules: { loaded: Loaded[]; problems: unknown[] };
  };
}

describe('one rule model: correlation rules are rules like the others', () => {
  test('--no-builtin-rules with one custom rule on the bundled samples: only its findings, and it is the rule listed', async () => {
    const report = await scanJson('--no-builtin-rules', '--rules', path.join(dir, 'route.yml'));
    assert.ok(report.findings.length > 0, 'the samples hold route changes');
    assert.deepEqual([...new Set(report.findings.map((f) => f.ruleId))], ['7d1e4c2a-0b9f-4e8d-a6c5-3f2e1d0c9b8a']);
    assert.deepEqual(
      report.rules.loaded.map((r) => [r.id, r.origin, r.findings]),
      [['7d1e4c2a-0b9f-4e8d-a6c5-3f2e1d0c9b8a', 'custom', report.findings.length]],
    );
    assert.deepEqual(report.rules.problems, []);
  });

  test('with the pack, every rule that ran is listed, the AccessDenied burst correlation among them', async () => {
    const report = await scanJson('--rules', path.join(dir, 'route.yml'));
    const rules = await builtinRules();
    const listed = report.rules.loaded.map((r) => r.id).sort();
    assert.deepEqual(listed, [...rules.all.map((r) => r.id), '7d1e4c2a-0b9f-4e8d-a6c5-3f2e1d0c9b8a'].sort());
    const burst = report.rules.loaded.find((r) => r.slug === 'access-denied-burst');
    assert.ok(burst, 'the burst rule is listed');
    assert.equal(burst.origin, 'builtin');
    // Every finding comes from a listed rule.
    const ids = new Set(listed);
    for (const f of report.findings) assert.ok(ids.has(f.ruleId), `${f.ruleSlug} is listed`);
  });

  test('the burst is a Sigma correlation in the pack; the rule it counts runs without reporting', async () => {
    const rules = await builtinRules();
    const burst = rules.all.find((r) => r.slug === 'access-denied-burst')!;
    assert.equal(burst.kind, 'correlation');
    assert.equal(burst.generates, true);
    const counted = rules.all.find((r) => r.slug === 'access-denied-burst/telltale_access_denied')!;
    assert.equal(counted.kind, 'event');
    assert.equal(counted.generates, false, 'Sigma `generate` defaults to false');
    assert.equal(rules.correlations[0]!.timespan.text, '15m');
  });
});
