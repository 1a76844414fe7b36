// Users bring SigmaHQ's CloudTrail rules and their own. Every rule is either loaded whole or reported
// with the line to fix; a construct telltale does not understand never silently weakens a rule.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  isCloudTrailRule,
  parseSigmaRules,
  REGEX_MAX_LENGTH,
  ruleLink,
  ruleProblemError,
} from '../../shared/cloudtrail/rules/sigma/index.ts';
import { repoRoot } from '../harness/runner.ts';

const lookalikes = path.join(repoRoot, 'test/fixtures/sigma/lookalikes');

function withDetection(detection: string, extra = ''): string {
  const body = detection
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return `title: Probe\nid: probe-1\nlogsource: {product: aws, service: cloudtrail}\n${extra}detection:\n${body}\n`;
}

function problemsOf(detection: string, extra = ''): string[] {
  const { rules, problems } = parseSigmaRules(withDetection(detection, extra), 'probe.yml');
  assert.equal(rules.length, 0, 'a rule with a problem is not loaded');
  assert.ok(problems.length > 0);
  return problems.map((p) => p.message);
}

describe('the SigmaHQ CloudTrail constructs load', () => {
  const files = readdirSync(lookalikes).filter((f) => f.endsWith('.yml'));
  test('there are look-alike rule files', () => assert.ok(files.length >= 10));
  for (const file of files) {
    test(`${file} parses with zero problems`, () => {
      const { rules, problems } = parseSigmaRules(readFileSync(path.join(lookalikes, file), 'utf8'), file);
      assert.deepEqual(problems, []);
      assert.ok(rules.length >= 1);
      for (const rule of rules) assert.ok(isCloudTrailRule(rule), rule.title);
    });
  }
});

describe('rule metadata', () => {
  const text = `title: Trail Stopped
id: 0f1e2d3c-0000-4000-8000-000000000001
status: test
description: A trail stopped logging.
author: Jane Doe, John Roe
date: 2026-01-02
references:
  - https://example.invalid/trail-stopped
tags: [attack.defense-evasion, attack.t1562.008]
level: high
falsepositives: Maintenance
fields: [userIdentity.arn]
x-telltale:
  owner: platform
logsource:
  product: aws
  service: cloudtrail
detection:
  sel:
    eventName: StopLogging
  condition: sel
`;
  test('author, id, references and level survive for findings and the DRL attribution', () => {
    const [rule] = parseSigmaRules(text, 'rules/trail.yml').rules;
    assert.ok(rule);
    assert.equal(rule.author, 'Jane Doe, John Roe');
    assert.equal(rule.id, '0f1e2d3c-0000-4000-8000-000000000001');
    assert.equal(rule.level, 'high');
    assert.equal(rule.date, '2026-01-02');
    assert.deepEqual(rule.references, ['https://example.invalid/trail-stopped']);
    assert.equal(ruleLink(rule), 'https://example.invalid/trail-stopped');
    assert.deepEqual(rule.tags, ['attack.defense-evasion', 'attack.t1562.008']);
    assert.deepEqual(rule.falsepositives, ['Maintenance']);
    assert.deepEqual(rule.fields, ['userIdentity.arn']);
    assert.deepEqual(rule.custom, { 'x-telltale': { owner: 'platform' } });
    assert.deepEqual(rule.source, { file: 'rules/trail.yml', line: 1 });
    assert.deepEqual(rule.detection.conditionText, ['sel']);
  });

  test('several documents in one file are several rules; a bad one does not hide the good ones', () => {
    const bad = withDetection('sel:\n  eventName|expand: "%names%"\ncondition: sel').replace('Probe', 'Bad');
    const { rules, problems } = parseSigmaRules(
      `${text}---\n${bad}---\n${text.replace('Trail Stopped', 'Again')}`,
      'multi.yml',
    );
    assert.deepEqual(
      rules.map((r) => r.title),
      ['Trail Stopped', 'Again'],
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.rule, 'Bad');
    assert.equal(problems[0]!.line, 28, 'the line of the offending key in the file');
    assert.equal(problems[0]!.file, 'multi.yml');
  });

  test('a non-CloudTrail rule parses but is recognisably not for CloudTrail', () => {
    const { rules } = parseSigmaRules(
      'title: w\nlogsource: {product: windows}\ndetection: {sel: {EventID: 1}, condition: sel}\n',
      'w.yml',
    );
    assert.equal(isCloudTrailRule(rules[0]!), false);
  });
});

describe('unsupported or wrong constructs are reported per rule, with a location', () => {
  test('keyword searches that cannot mean anything (spec v2 "Lists"; supported keywords: sigma-conformance)', () => {
    assert.match(problemsOf("sel:\n  '|exists': true\ncondition: sel")[0]!, /keyword search cannot take `\|exists`/);
    assert.match(problemsOf('keywords:\n  - StopLogging\n  - {eventName: A}\ncondition: keywords')[0]!, /mixes/);
    assert.match(problemsOf("keywords:\n  '|all': StopLogging\ncondition: keywords")[0]!, /two or more values/);
  });

  test('|expand placeholders and time-part modifiers', () => {
    assert.match(problemsOf("sel:\n  sourceIPAddress|expand: '%admin_ips%'\ncondition: sel")[0]!, /expand/);
    assert.match(problemsOf('sel:\n  eventTime|hour: 3\ncondition: sel')[0]!, /time-part/);
  });

  test('unknown modifiers and contradictory ones', () => {
    assert.match(problemsOf('sel:\n  eventName|containz: Stop\ncondition: sel')[0]!, /unknown modifier `containz`/);
    assert.match(problemsOf('sel:\n  eventName|contains|startswith: Stop\ncondition: sel')[0]!, /exclude/);
    assert.match(problemsOf('sel:\n  eventName|i: Stop\ncondition: sel')[0]!, /flag of `\|re`/);
    assert.match(problemsOf('sel:\n  sourceIPAddress|cidr: 10.0.0.0/33\ncondition: sel')[0]!, /CIDR/);
    assert.match(problemsOf('sel:\n  requestParameters.toPort|gt: many\ncondition: sel')[0]!, /number/);
    assert.match(problemsOf('sel:\n  x|base64offset: curl\ncondition: sel')[0]!, /contains/);
  });

  test('regular expressions outside the linear-time flavour (lookaround, backreferences) are problems', () => {
    assert.match(problemsOf("sel:\n  userAgent|re: 'a(?<!b)c'\ncondition: sel")[0]!, /linear time/);
    assert.match(problemsOf("sel:\n  userAgent|re: '(a)\\1'\ncondition: sel")[0]!, /linear time/);
    assert.match(problemsOf("sel:\n  userAgent|re: 'a(b'\ncondition: sel")[0]!, /linear time/);
    // Nested repetition is no danger to a linear-time engine, so it loads (see sigma-regex tests).
    assert.deepEqual(
      parseSigmaRules(withDetection("sel:\n  userAgent|re: '^(a+)+$'\ncondition: sel"), 'r.yml').problems,
      [],
    );
    assert.match(
      problemsOf(`sel:\n  userAgent|re: '${'a'.repeat(REGEX_MAX_LENGTH + 1)}'\ncondition: sel`)[0]!,
      /longer than/,
    );
  });

  test('conditions: unknown names, empty globs, aggregations, stray tokens', () => {
    assert.match(problemsOf('sel:\n  eventName: A\ncondition: sel and filter')[0]!, /`filter` is not a selection/);
    assert.match(problemsOf('sel:\n  eventName: A\ncondition: 1 of filter_*')[0]!, /matches no selection/);
    assert.match(problemsOf('sel:\n  eventName: A\ncondition: sel | count() > 5')[0]!, /aggregation/);
    assert.match(problemsOf('sel:\n  eventName: A\ncondition: sel and (sel')[0]!, /missing `\)`/);
    assert.match(problemsOf('sel:\n  eventName: A\ncondition: 2 of sel')[0]!, /only `1 of` and `all of`/);
    assert.match(problemsOf('sel:\n  eventName: A')[0]!, /condition` is missing/);
  });

  test('correlation rules, timeframes, v1 collections', () => {
    assert.match(problemsOf('sel:\n  eventName: A\ntimeframe: 5m\ncondition: sel')[0]!, /timeframe/);
    const correlation = parseSigmaRules('title: c\ncorrelation: {type: event_count, rules: [x]}\n', 'c.yml');
    assert.match(correlation.problems[0]!.message, /correlation/);
    const global = parseSigmaRules('action: global\ntitle: g\n', 'g.yml');
    assert.match(global.problems[0]!.message, /collections/);
  });

  test('the problem points at the line and column of the offending key', () => {
    const { problems } = parseSigmaRules(withDetection('sel:\n  eventName|containz: A\ncondition: sel'), 'p.yml');
    assert.deepEqual({ line: problems[0]!.line, column: problems[0]!.column }, { line: 6, column: 5 });
  });

  test('the condition problem points into the condition text', () => {
    const { problems } = parseSigmaRules(withDetection('sel:\n  eventName: A\ncondition: sel and nope'), 'p.yml');
    assert.deepEqual({ line: problems[0]!.line, column: problems[0]!.column }, { line: 7, column: 22 });
  });

  test('YAML syntax errors and missing parts are problems, not exceptions', () => {
    const broken = parseSigmaRules('title: [unclosed\n', 'b.yml');
    assert.equal(broken.rules.length, 0);
    assert.match(broken.problems[0]!.message, /^YAML/);
    assert.ok(broken.problems[0]!.line, 'YAML errors carry a line');
    const noTitle = parseSigmaRules('logsource: {product: aws}\ndetection: {sel: {a: b}, condition: sel}\n', 'n.yml');
    assert.match(noTitle.problems[0]!.message, /title/);
    const badLevel = parseSigmaRules(withDetection('sel:\n  a: b\ncondition: sel', 'level: severe\n'), 'l.yml');
    assert.match(badLevel.problems[0]!.message, /level: severe/);
    assert.deepEqual(parseSigmaRules('', 'empty.yml'), { rules: [], correlations: [], filters: [], problems: [] });
  });

  test('a problem converts to an InputError for strict callers', () => {
    const { problems } = parseSigmaRules(withDetection('sel:\n  eventName|containz: A\ncondition: sel'), 'p.yml');
    const error = ruleProblemError(problems[0]!);
    assert.match(
      error.describe(),
      /^p\.yml:6:5: rule "Probe": selection `sel`: `eventName\|containz`: unknown modifier/,
    );
  });
});

describe('YAML anchors', () => {
  test('an alias reuses a value list; a recursive anchor is a problem, not a hang', () => {
    const shared = parseSigmaRules(
      withDetection(
        'sel:\n  eventName: &names [StopLogging, DeleteTrail]\nsel2:\n  eventName: *names\ncondition: sel2',
      ),
      'a.yml',
    );
    assert.deepEqual(shared.problems, []);
    const values = shared.rules[0]!.detection.selections.sel2!.anyOf[0]![0]!.values;
    assert.equal(values.length, 2);
    const recursive = parseSigmaRules(withDetection('sel: &x\n  eventName: [a, *x]\ncondition: sel'), 'r.yml');
    assert.equal(recursive.rules.length, 0);
    assert.match(recursive.problems[0]!.message, /alias/);
  });
});
