// Sigma correlation rules (correlation rules specification v2) judged over a stream of CloudTrail
// records: "20 distinct secrets by one principal in 10 minutes" is a rule file, not code.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import { CorrelationState, MAX_ENTRIES } from '../../shared/cloudtrail/rules/correlation.ts';
import { loadRuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { parseSigmaRules } from '../../shared/cloudtrail/rules/sigma/index.ts';
import { scanCloudTrail } from '../../shared/cloudtrail/scan.ts';
import { scanRecords } from './helpers.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A folder holding `yaml` as one rule file. */
function ruleDir(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-ct-corr-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'rules.yml'), yaml);
  return dir;
}

let serial = 0;
const T0 = Date.parse('2026-05-04T10:00:00Z');
function rec(minute: number, extra: Partial<CloudTrailRecord> & { user?: string } = {}): CloudTrailRecord {
  const { user = 'alice', ...rest } = extra;
  return {
    eventVersion: '1.10',
    eventID: `corr-${++serial}`,
    eventTime: new Date(T0 + minute * 60_000).toISOString().replace('.000Z', 'Z'),
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '198.51.100.9',
    userAgent: 'aws-cli/2.15.30',
    recipientAccountId: '111122223333',
    userIdentity: {
      type: 'IAMUser',
      userName: user,
      arn: `arn:aws:iam::111122223333:user/${user}`,
      accountId: '111122223333',
    },
    requestParameters: { secretId: `secret-${minute}` },
    ...rest,
  };
}

async function scanWith(yaml: string, records: CloudTrailRecord[]) {
  const rules = await loadRuleSet({ builtin: false, dirs: [ruleDir(yaml)] });
  const report = await scanCloudTrail(
    async (sink) => {
      for (const r of records) sink.record(r, { name: 'memory' });
      sink.fileDone({ name: 'memory' }, records.length);
      return { kind: 'files', location: 'memory', deliveries: false, notes: [] };
    },
    { window: {}, rules, deliveries: false, now: Date.parse('2026-05-05T00:00:00Z') },
  );
  return { rules, report };
}

const BASE = `
title: Secret read
id: 6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d
name: secret_read
logsource: {product: aws, service: cloudtrail}
detection:
  sel: {eventName: GetSecretValue}
  condition: sel
`;
const SECOND = `
title: Secret deleted
id: 7b2e3d4c-5f6a-4b7c-9d8e-0f1a2b3c4d5e
name: secret_deleted
logsource: {product: aws, service: cloudtrail}
detection:
  sel: {eventName: DeleteSecret}
  condition: sel
`;
const correlation = (body: string, extra = '') => `title: Correlated
id: 1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b
author: Tester
level: high
${extra}correlation:
${body}
---${BASE}---${SECOND}`;

describe('correlation rules specification v2, "Correlation Types"', () => {
  test('event_count ("Event Count"): counts within the timespan, not the whole scan window', async () => {
    const yaml = correlation(`  type: event_count
  rules: [secret_read]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {gte: 5}`);
    // Five reads spread over an hour: never five within ten minutes.
    const spread = await scanWith(
      yaml,
      [0, 15, 30, 45, 60].map((m) => rec(m)),
    );
    assert.deepEqual(spread.report.findings, []);
    // Five reads within four minutes, and one later that is not part of the burst.
    const burst = await scanWith(yaml, [...[0, 1, 2, 3, 4].map((m) => rec(m)), rec(50)]);
    assert.equal(burst.report.findings.length, 1);
    const f = burst.report.findings[0]!;
    assert.equal(f.rule, 'Correlated');
    assert.equal(f.count, 5);
    assert.equal(f.severity, 'high');
    assert.equal(f.ruleAuthor, 'Tester');
    assert.match(f.summary, /^5 events in 10m \(GetSecretValue\) by alice/);
  });

  test('event_count "Grouping": each group-by value is counted on its own', async () => {
    const yaml = correlation(`  type: event_count
  rules: [secret_read]
  group-by: [userIdentity.arn, awsRegion]
  timespan: 10m
  condition: {gte: 3}`);
    const records = [
      rec(0, { user: 'alice' }),
      rec(1, { user: 'bob' }),
      rec(2, { user: 'alice' }),
      rec(3, { user: 'bob' }),
      rec(4, { user: 'alice' }),
      rec(5, { user: 'bob', awsRegion: 'us-east-1' }),
    ];
    const { report } = await scanWith(yaml, records);
    assert.deepEqual(
      report.findings.map((f) => f.actor.name),
      ['alice'],
      'bob has 2 reads in eu-west-1 and 1 in us-east-1: two groups, neither reaches 3',
    );
  });

  test('value_count ("Value Count"): distinct values of condition.field per group', async () => {
    const yaml = correlation(`  type: value_count
  rules: [secret_read]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {field: requestParameters.secretId, gte: 4}`);
    const same = await scanWith(
      yaml,
      [0, 1, 2, 3, 4, 5].map((m) => rec(m, { requestParameters: { secretId: 'the-same-one' } })),
    );
    assert.deepEqual(same.report.findings, [], 'six reads of one secret are one distinct value');
    const many = await scanWith(
      yaml,
      [0, 1, 2, 3, 4].map((m) => rec(m)),
    );
    assert.equal(many.report.findings.length, 1);
    assert.equal(many.report.findings[0]!.count, 5);
    assert.match(many.report.findings[0]!.summary, /^5 distinct requestParameters\.secretId in 10m/);
  });

  test('temporal ("Temporal Proximity"): every referred rule within the timespan, in any order', async () => {
    const yaml = correlation(`  type: temporal
  rules: [secret_deleted, secret_read]
  group-by: [userIdentity.arn]
  timespan: 5m`);
    const near = await scanWith(yaml, [rec(3, { eventName: 'DeleteSecret' }), rec(1)]);
    assert.equal(near.report.findings.length, 1);
    const far = await scanWith(yaml, [rec(0), rec(30, { eventName: 'DeleteSecret' })]);
    assert.deepEqual(far.report.findings, []);
    const otherUser = await scanWith(yaml, [rec(0), rec(1, { eventName: 'DeleteSecret', user: 'bob' })]);
    assert.deepEqual(otherUser.report.findings, [], 'group-by: the same user must do both');
  });

  test('temporal_ordered ("Ordered Temporal Proximity"): the referred rules in the order given', async () => {
    const yaml = correlation(`  type: temporal_ordered
  rules: [secret_read, secret_deleted]
  group-by: [userIdentity.arn]
  timespan: 5m`);
    const inOrder = await scanWith(yaml, [rec(1), rec(2, { eventName: 'DeleteSecret' })]);
    assert.equal(inOrder.report.findings.length, 1);
    assert.match(inOrder.report.findings[0]!.summary, /secret_read → secret_deleted in order within 5m/);
    const reversed = await scanWith(yaml, [rec(1, { eventName: 'DeleteSecret' }), rec(2)]);
    assert.deepEqual(reversed.report.findings, []);
  });

  test('"Condition": gt/gte/lt/lte/eq/neq, and a range is their AND', async () => {
    const yamlFor = (cond: string) =>
      correlation(`  type: event_count
  rules: [secret_read]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: ${cond}`);
    const three = [0, 1, 2].map((m) => rec(m));
    const fires = async (cond: string) => (await scanWith(yamlFor(cond), three)).report.findings.length === 1;
    assert.equal(await fires('{gt: 2}'), true);
    assert.equal(await fires('{gt: 3}'), false);
    assert.equal(await fires('{gte: 3}'), true);
    assert.equal(await fires('{lt: 3}'), false);
    assert.equal(await fires('{lte: 3}'), true);
    assert.equal(await fires('{eq: 3}'), true);
    assert.equal(await fires('{eq: 2}'), false, 'judged on the busiest timespan: 3, not 2');
    assert.equal(await fires('{neq: 3}'), false);
    assert.equal(await fires('{gt: 1, lte: 3}'), true);
    assert.equal(await fires('{gt: 1, lte: 2}'), false);
  });

  test('"Related rules": referred to by id or by name; "Generate": referred rules are quiet unless generate: true', async () => {
    const byId = correlation(`  type: event_count
  rules: [6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {gte: 2}`);
    const quiet = await scanWith(byId, [rec(0), rec(1)]);
    assert.deepEqual(
      quiet.report.findings.map((f) => f.rule),
      ['Correlated'],
      'the base rule runs but reports nothing',
    );
    assert.ok(
      quiet.report.rules.loaded.some((r) => r.title === 'Secret read'),
      'the base rule is listed: it ran',
    );
    const loud = await scanWith(correlation(byId.split('correlation:\n')[1]!.split('---')[0]!, 'generate: true\n'), [
      rec(0),
      rec(1),
    ]);
    assert.deepEqual(loud.report.findings.map((f) => f.rule).sort(), ['Correlated', 'Secret read', 'Secret read']);
  });

  test('"Field Name Aliases": group across rules whose events name the group differently', async () => {
    const yaml = correlation(`  type: temporal
  rules: [secret_read, secret_deleted]
  group-by: [who]
  timespan: 5m
  aliases:
    who:
      secret_read: userIdentity.arn
      secret_deleted: requestParameters.onBehalfOf`);
    const records = [
      rec(0),
      rec(1, {
        eventName: 'DeleteSecret',
        user: 'ops',
        requestParameters: { onBehalfOf: 'arn:aws:iam::111122223333:user/alice' },
      }),
    ];
    const { report } = await scanWith(yaml, records);
    assert.equal(report.findings.length, 1);
  });

  test('order of arrival does not matter: newest-first (as LookupEvents pages) finds the same burst', async () => {
    const yaml = correlation(`  type: event_count
  rules: [secret_read]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {gte: 5}`);
    const records = [0, 1, 2, 3, 4, 30, 31].map((m) => rec(m));
    const forward = await scanWith(yaml, records);
    const backward = await scanWith(yaml, [...records].reverse());
    const shuffled = await scanWith(yaml, [
      records[3]!,
      records[6]!,
      records[0]!,
      records[5]!,
      records[2]!,
      records[4]!,
      records[1]!,
    ]);
    for (const r of [forward, backward, shuffled]) {
      assert.deepEqual(
        r.report.findings.map((f) => f.count),
        [5],
      );
    }
  });
});

describe('correlation rules specification v2, "Examples": chained correlations', () => {
  // The specification's showcase, "Failed Logins Followed by Successful Login", on ConsoleLogin.
  const CHAIN = `title: Console sign-in after repeated failures
id: b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d
level: high
correlation:
  type: temporal_ordered
  rules: [multiple_failed_login, successful_login]
  group-by: [userIdentity.arn]
  timespan: 10m
---
title: Multiple failed console sign-ins
name: multiple_failed_login
correlation:
  type: event_count
  rules: [failed_login]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {gte: 3}
---
title: Failed console sign-in
name: failed_login
logsource: {product: aws, service: cloudtrail}
detection:
  sel: {eventName: ConsoleLogin, responseElements.ConsoleLogin: Failure}
  condition: sel
---
title: Successful console sign-in
name: successful_login
logsource: {product: aws, service: cloudtrail}
detection:
  sel: {eventName: ConsoleLogin, responseElements.ConsoleLogin: Success}
  condition: sel
`;
  const login = (minute: number, outcome: 'Success' | 'Failure', user = 'alice') =>
    rec(minute, {
      user,
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      requestParameters: null,
      responseElements: { ConsoleLogin: outcome },
    });

  test('failures then a success by the same user: one finding, from the outermost correlation only', async () => {
    const { rules, report } = await scanWith(CHAIN, [
      login(0, 'Failure'),
      login(1, 'Failure'),
      login(2, 'Failure'),
      login(4, 'Success'),
    ]);
    assert.deepEqual(rules.problems, []);
    assert.deepEqual(
      report.findings.map((f) => f.rule),
      ['Console sign-in after repeated failures'],
    );
    assert.equal(report.findings[0]!.severity, 'high');
    const inner = rules.all.find((r) => r.title === 'Multiple failed console sign-ins')!;
    assert.equal(inner.generates, false, 'a referred correlation reports only with generate: true');
  });

  test('a success before the failures, or by someone else, is no finding', async () => {
    const before = await scanWith(CHAIN, [
      login(0, 'Success'),
      login(1, 'Failure'),
      login(2, 'Failure'),
      login(3, 'Failure'),
    ]);
    assert.deepEqual(before.report.findings, []);
    const other = await scanWith(CHAIN, [
      login(0, 'Failure'),
      login(1, 'Failure'),
      login(2, 'Failure'),
      login(3, 'Success', 'bob'),
    ]);
    assert.deepEqual(other.report.findings, []);
  });

  test('a cycle of correlations is rejected with the reason', async () => {
    const cycle = `title: A\nname: a\ncorrelation:\n  type: temporal\n  rules: [b, x]\n  group-by: [f]\n  timespan: 1m\n---\ntitle: B\nname: b\ncorrelation:\n  type: temporal\n  rules: [a, x]\n  group-by: [f]\n  timespan: 1m\n---\ntitle: X\nname: x\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel: {eventName: A}\n  condition: sel\n`;
    const rules = await loadRuleSet({ builtin: false, dirs: [ruleDir(cycle)] });
    assert.deepEqual(rules.correlations, []);
    assert.ok(rules.problems.some((p) => /refers back to this one/.test(p.message)));
  });
});

describe('correlation state is bounded per group and expires with the timespan', () => {
  test('100k matching events of one principal over a day keep at most MAX_ENTRIES entries', () => {
    const { correlations } = parseSigmaRules(
      correlation(`  type: event_count
  rules: [secret_read]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {gte: 100}`),
      'c.yml',
    );
    const state = new CorrelationState(correlations[0]!, [{ name: 'secret_read' }]);
    let peak = 0;
    for (let i = 0; i < 100_000; i++) {
      // One event every ~0.86 s: ~700 per 10 minutes.
      const r = rec(0, { eventTime: new Date(T0 + i * 864).toISOString() });
      state.observe(0, r);
      peak = Math.max(peak, state.size());
    }
    assert.ok(peak <= MAX_ENTRIES + 1, `peak ${peak} entries`);
    // Expired by time: what is kept is about the timespan (+1h lateness), not the day.
    assert.ok(state.size() < 5_000, `kept ${state.size()}`);
    const hits = state.end();
    assert.equal(hits.length, 1);
    assert.ok(hits[0]!.metric >= 690 && hits[0]!.metric <= 700, `busiest 10 minutes: ${hits[0]!.metric}`);
  });
});

describe('correlation state across sources read one after another', () => {
  test('a burst split over two regions whose folders are walked one after the other is counted whole', () => {
    // The local walk reads region by region, so a principal's events of one region (three days)
    // all arrive before those of the next, which start days earlier again. Six events at 12:00 in
    // each region make one burst of twelve.
    const { correlations } = parseSigmaRules(
      correlation(`  type: event_count
  rules: [secret_read]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {gte: 10}`),
      'c.yml',
    );
    const state = new CorrelationState(correlations[0]!, [{ name: 'secret_read' }]);
    const burst = T0 + 2 * 86_400_000;
    for (const region of ['eu-west-1', 'us-east-1']) {
      for (let h = 0; h < 72; h += 3)
        state.observe(
          0,
          rec(0, { awsRegion: region, eventTime: new Date(T0 + h * 3_600_000 + 1_800_000).toISOString() }),
        );
      for (let i = 0; i < 6; i++)
        state.observe(0, rec(0, { awsRegion: region, eventTime: new Date(burst + i * 30_000).toISOString() }));
    }
    const hits = state.end();
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.metric, 12);
  });
});

describe('correlation state under a dense burst', () => {
  test(
    '50k events of one principal within ten minutes: bounded state, a lower-bound count, and a note saying so',
    { timeout: 60_000 },
    () => {
      const { correlations } = parseSigmaRules(
        correlation(`  type: value_count
  rules: [secret_read]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {field: requestParameters.secretId, gte: 100}`),
        'c.yml',
      );
      const state = new CorrelationState(correlations[0]!, [{ name: 'secret_read' }]);
      let peak = 0;
      for (let i = 0; i < 50_000; i++) {
        state.observe(
          0,
          rec(0, { eventTime: new Date(T0 + i * 12).toISOString(), requestParameters: { secretId: `s-${i}` } }),
        );
        peak = Math.max(peak, state.size());
      }
      assert.ok(peak <= MAX_ENTRIES + 1, `peak ${peak}`);
      const [hit] = state.end();
      assert.ok(hit && hit.metric >= MAX_ENTRIES / 2 && hit.metric <= 50_000, `count ${hit?.metric}`);
      assert.match(state.notes().join('\n'), /lower bound/);
    },
  );
});

describe('spec-invalid correlation rules are rejected with file:line and the reason', () => {
  const problems = (yaml: string) =>
    parseSigmaRules(yaml, 'bad.yml').problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
  test('"Correlation section": type, rules, group-by, timespan, condition as the specification writes them', () => {
    const base = (body: string) => `title: x\ncorrelation:\n${body}\n`;
    assert.match(
      problems(base('  type: event_total\n  rules: [a]\n  group-by: [b]\n  timespan: 1h\n  condition: {gte: 1}'))[0]!,
      /^bad\.yml:\d+: correlation: `type` must be one of event_count/,
    );
    assert.match(
      problems(
        base('  type: event_count\n  rules: [a]\n  group-by: [b]\n  timespan: 1 hour\n  condition: {gte: 1}'),
      )[0]!,
      /timespan/,
    );
    assert.match(
      problems(base('  type: event_count\n  rules: [a]\n  group-by: [b]\n  timespan: 1h'))[0]!,
      /needs a `condition`/,
    );
    assert.match(
      problems(base('  type: value_count\n  rules: [a]\n  group-by: [b]\n  timespan: 1h\n  condition: {gte: 2}'))[0]!,
      /condition\.field/,
    );
    assert.match(
      problems(base('  type: temporal\n  rules: [a]\n  group-by: [b]\n  timespan: 1h'))[0]!,
      /two or more rules/,
    );
    assert.match(
      problems(base('  type: event_count\n  rules: [a]\n  group-by: [b]\n  timespan: 1h\n  condition: {above: 3}'))[0]!,
      /condition\.above/,
    );
    assert.match(problems('correlation:\n  type: event_count\n')[0]!, /title/);
  });

  test('a correlation over rules for another log source is left out as theirs, not as a problem', async () => {
    const yaml = [
      'title: Many failed logons',
      'correlation:',
      '  type: event_count',
      '  rules: [failed_logon]',
      '  group-by: [TargetUserName]',
      '  timespan: 10m',
      '  condition: {gte: 10}',
      '---',
      'title: Failed logon',
      'name: failed_logon',
      'logsource: {product: windows, service: security}',
      'detection:',
      '  sel: {EventID: 4625}',
      '  condition: sel',
    ].join('\n');
    const rules = await loadRuleSet({ builtin: false, dirs: [ruleDir(yaml)] });
    assert.deepEqual(rules.problems, []);
    assert.deepEqual(rules.all, []);
    assert.equal(rules.otherLogsource.length, 2);
  });

  test('a reference to no loaded rule leaves the correlation out, named in the problems', async () => {
    const yaml = `title: Orphan\nid: 2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d\ncorrelation:\n  type: event_count\n  rules: [nosuch_rule]\n  group-by: [userIdentity.arn]\n  timespan: 10m\n  condition: {gte: 1}\n`;
    const rules = await loadRuleSet({ builtin: false, dirs: [ruleDir(yaml)] });
    assert.deepEqual(rules.all, []);
    assert.match(rules.problems[0]!.message, /`nosuch_rule` names no loaded CloudTrail rule/);
    assert.match(rules.problems[0]!.file, /rules\.yml$/);
    assert.equal(rules.problems[0]!.line, 1);
  });
});

test("a correlation's finding honours the declared pipeline principals, as a single event's does", async () => {
  // The entries keep a slim copy of each record; the pipeline evidence the scan marked on the
  // record (a symbol key) must survive the copy, or the declared role would not lower the level.
  const role = 'arn:aws:iam::111122223333:role/gha-deploy';
  const records = Array.from({ length: 25 }, (_, i) => ({
    eventVersion: '1.10',
    eventTime: `2026-05-04T10:0${Math.floor(i / 10)}:${String(i % 60).padStart(2, '0')}Z`,
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    awsRegion: 'us-east-1',
    eventID: `00000000-0000-4000-a000-0000000000${String(i).padStart(2, '0')}`,
    recipientAccountId: '111122223333',
    userIdentity: {
      type: 'AssumedRole',
      arn: 'arn:aws:sts::111122223333:assumed-role/gha-deploy/run-1',
      accountId: '111122223333',
      sessionContext: { sessionIssuer: { type: 'Role', arn: role, accountId: '111122223333', userName: 'gha-deploy' } },
    },
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-cli/2.15',
    requestParameters: { secretId: `prod/app-${i}` },
    responseElements: null,
  })) as unknown as CloudTrailRecord[];
  const level = async (principals: string[]) =>
    (await scanRecords(records, {}, { pipelinePrincipals: principals })).findings
      .filter((f) => f.ruleSlug === 'secrets-bulk-read')
      .map((f) => [f.severity, f.modifiers.map((m) => m.reason.slice(0, 21))]);
  assert.deepEqual(await level([]), [['high', []]]);
  assert.deepEqual(await level([role]), [['medium', ['made by the pipeline:']]]);
});

describe('value_count and temporal let go of entries that cannot change a count', () => {
  /** The busiest timespan by brute force over every event: distinct keys in [t, t + span]. */
  const bruteForce = (events: { t: number; key: string }[], span: number) => {
    let best = 0;
    for (const a of events) {
      const keys = new Set(events.filter((e) => e.t >= a.t && e.t - a.t <= span).map((e) => e.key));
      best = Math.max(best, keys.size);
    }
    return best;
  };
  const valueCount = (field: string, gte: number) =>
    parseSigmaRules(
      correlation(`  type: value_count
  rules: [secret_read]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {field: ${field}, gte: ${gte}}`),
      'c.yml',
    ).correlations[0]!;

  test('the busiest count equals a brute-force count over every event, in any order of arrival', () => {
    let seed = 11;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let round = 0; round < 60; round++) {
      const values = 2 + Math.floor(rand() * 12);
      const n = 50 + Math.floor(rand() * 400);
      // Clustered times over two hours: bursts and gaps, many ties on the second.
      const events = Array.from({ length: n }, () => ({
        t: T0 + Math.floor(rand() * rand() * 7200) * 1000,
        key: `s-${Math.floor(rand() * values)}`,
      }));
      const arrival =
        round % 3 === 0 ? events : round % 3 === 1 ? [...events].reverse() : [...events].sort(() => rand() - 0.5);
      const state = new CorrelationState(valueCount('requestParameters.secretId', 1), [{ name: 'secret_read' }]);
      for (const e of arrival)
        state.observe(0, rec(0, { eventTime: new Date(e.t).toISOString(), requestParameters: { secretId: e.key } }));
      const [hit] = state.end();
      assert.equal(hit?.metric, bruteForce(events, 600_000), `round ${round}: ${n} events of ${values} values`);
    }
  });

  test('a principal making 100k read calls of 40 kinds over a day keeps a few entries per kind, and the ids name each kind', () => {
    const state = new CorrelationState(valueCount('eventName', 30), [{ name: 'secret_read' }]);
    let peak = 0;
    for (let i = 0; i < 100_000; i++) {
      state.observe(0, rec(0, { eventName: `Describe${i % 40}`, eventTime: new Date(T0 + i * 864).toISOString() }));
      peak = Math.max(peak, state.size());
    }
    // About two per kind per timespan, over the timespan + 1 h that may still be joined by late records.
    assert.ok(peak <= 40 * 20, `peak ${peak} entries`);
    const [hit] = state.end();
    assert.equal(hit?.metric, 40);
    assert.deepEqual(state.notes(), []);
    assert.ok(hit!.eventIds.length >= 40 && hit!.eventIds.length <= 120, `${hit!.eventIds.length} ids`);
  });

  test('temporal: repeated matches of the referred rules are thinned, the proximity is still found', () => {
    const { correlations } = parseSigmaRules(
      correlation(`  type: temporal
  rules: [secret_read, secret_deleted]
  group-by: [userIdentity.arn]
  timespan: 10m`),
      'c.yml',
    );
    const state = new CorrelationState(correlations[0]!, [{ name: 'secret_read' }, { name: 'secret_deleted' }]);
    let peak = 0;
    for (let i = 0; i < 20_000; i++) {
      state.observe(0, rec(0, { eventTime: new Date(T0 + i * 1000).toISOString() }));
      peak = Math.max(peak, state.size());
    }
    state.observe(1, rec(0, { eventName: 'DeleteSecret', eventTime: new Date(T0 + 10_000_000).toISOString() }));
    assert.ok(peak < 50, `peak ${peak}`);
    const [hit] = state.end();
    assert.equal(hit?.metric, 2);
  });
});
