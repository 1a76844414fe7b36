// Sigma as the specification says (SigmaHQ/sigma-specification v2: rules specification, modifiers
// appendix v2.1, filters specification v2.1). Each test names the section it holds telltale to.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import { loadRuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { compileRule, compileRuleToSql, parseSigmaRules } from '../../shared/cloudtrail/rules/sigma/index.ts';
import type { SigmaEvent } from '../../shared/cloudtrail/rules/sigma/index.ts';
import { scanCloudTrail } from '../../shared/cloudtrail/scan.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-ct-spec-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function matcher(detection: string): (event: SigmaEvent) => boolean {
  const text = `title: t\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n${detection
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
  const { rules, problems } = parseSigmaRules(text, 'inline.yml');
  assert.deepEqual(problems, []);
  return compileRule(rules[0]!);
}

const event: SigmaEvent = {
  eventName: 'PutBucketPolicy',
  eventSource: 's3.amazonaws.com',
  errorCode: null,
  userAgent: 'Boto3/1.34 Python/3.11 exfil-helper',
  requestParameters: { bucketName: 'Payroll-Exports', bucketPolicy: { Statement: [{ Principal: '*' }] } },
  additionalEventData: { bytesTransferredIn: 0 },
};

describe('modifiers appendix v2.1, "Generic Modifiers": exists', () => {
  test('|exists only verifies the presence of a field, not its value, be it empty or null', () => {
    const exists = matcher('sel:\n  errorCode|exists: true\ncondition: sel');
    assert.equal(exists(event), true, 'present with a null value');
    assert.equal(exists({ ...event, errorCode: '' }), true, 'present and empty');
    assert.equal(exists({ eventName: 'X' }), false, 'absent');
    const absent = matcher('sel:\n  errorCode|exists: false\ncondition: sel');
    assert.equal(absent(event), false);
    assert.equal(absent({ eventName: 'X' }), true);
  });

  test('|exists on a nested path and through arrays; `null` still matches missing or null', () => {
    assert.equal(matcher('sel:\n  requestParameters.bucketName|exists: true\ncondition: sel')(event), true);
    assert.equal(matcher('sel:\n  requestParameters.nope|exists: true\ncondition: sel')(event), false);
    const principal = matcher(
      'sel:\n  requestParameters.bucketPolicy.Statement.Principal|exists: true\ncondition: sel',
    );
    assert.equal(principal(event), true);
    assert.equal(matcher('sel:\n  errorCode: null\ncondition: sel')(event), true);
  });

  test('the SQL prefilter keeps rows whose field is null (a superset of |exists: true)', () => {
    const { rules } = parseSigmaRules(
      'title: t\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel: {errorCode|exists: true}\n  condition: sel\n',
      'e.yml',
    );
    const sql = compileRuleToSql(rules[0]!, { table: 'cloudtrail_logs' });
    assert.equal(sql.exact, false);
    assert.match(sql.inexact.join('\n'), /null value as present/);
  });

  test('single item values are not allowed an `all` modifier', () => {
    const { problems } = parseSigmaRules(
      'title: t\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel: {userAgent|contains|all: boto}\n  condition: sel\n',
      'a.yml',
    );
    assert.match(problems[0]!.message, /`\|all` needs two or more values/);
    assert.equal(problems[0]!.line, 4);
  });
});

describe('rules specification v2, "Detection" → "Lists": keyword searches', () => {
  test('a list of values with no field searches the whole event, case-insensitively, as OR', () => {
    const keywords = matcher('keywords:\n  - EXFIL-HELPER\n  - mimikatz\ncondition: keywords');
    assert.equal(keywords(event), true, 'found in userAgent');
    assert.equal(keywords({ ...event, userAgent: 'aws-cli/2' }), false);
    const nested = matcher('keywords:\n  - payroll-exports\ncondition: keywords');
    assert.equal(nested(event), true, 'found in a nested request parameter');
    const number = matcher('keywords: 3.11\ncondition: keywords');
    assert.equal(number(event), true, 'a single keyword, read as text');
  });

  test("'|all' keyword lists: every keyword, each anywhere in the event", () => {
    const all = matcher("keywords:\n  '|all':\n    - boto3\n    - payroll\ncondition: keywords");
    assert.equal(all(event), true);
    assert.equal(all({ ...event, requestParameters: { bucketName: 'logs' } }), false);
  });

  test('keywords combine with field selections in the condition', () => {
    const rule = matcher('sel:\n  eventSource: s3.amazonaws.com\nkw:\n  - exfil\ncondition: sel and not kw');
    assert.equal(rule(event), false);
    assert.equal(rule({ ...event, userAgent: 'console' }), true);
  });

  test('wildcards and modifiers in keywords; the SQL compiler names keywords as judged in process', () => {
    assert.equal(matcher("keywords:\n  - 'exfil*helper'\ncondition: keywords")(event), true);
    assert.equal(matcher("keywords:\n  '|re': '^Boto3/1\\.3\\d '\ncondition: keywords")(event), true);
    const { rules } = parseSigmaRules(
      'title: t\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  kw: [exfil]\n  condition: kw\n',
      'k.yml',
    );
    const sql = compileRuleToSql(rules[0]!, { table: 'cloudtrail_logs' });
    assert.equal(sql.exact, false);
    assert.match(sql.inexact.join('\n'), /keyword search over the whole event/);
  });
});

// ------------------------------------------------------------------------------------------------

let serial = 0;
function record(extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.10',
    eventID: `spec-${++serial}`,
    eventTime: '2026-05-04T12:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DeleteRoute',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '198.51.100.4',
    userAgent: 'aws-cli/2.15.30',
    recipientAccountId: '111122223333',
    userIdentity: {
      type: 'AssumedRole',
      arn: 'arn:aws:sts::111122223333:assumed-role/deployer/ci-run-1',
      accountId: '111122223333',
      sessionContext: {
        sessionIssuer: { type: 'Role', userName: 'deployer', arn: 'arn:aws:iam::111122223333:role/deployer' },
      },
    },
    requestParameters: { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0' },
    ...extra,
  };
}

async function scan(dir: string, records: CloudTrailRecord[], builtin = true) {
  const rules = await loadRuleSet({ builtin, dirs: [dir] });
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

// The built-in default-route rule's id (builtin/sigma/default-route-changed.yml).
const DEFAULT_ROUTE_ID = 'd3858663-01ad-5c3e-bbc4-584ba8dc7e66';

describe('filters specification v2.1, "Global filter": users tune rules with filter documents', () => {
  test('a filter in a rules folder names a built-in rule by id and excludes what its condition matches', async () => {
    const pack = await loadRuleSet();
    const route = pack.all.find((r) => r.slug === 'default-route-changed')!;
    assert.equal(route.id, DEFAULT_ROUTE_ID, 'the id this test filters on');
    const dir = folder({
      'mf_deployer_routes.yml': [
        'title: Our deployer role changes routes',
        'description: The CI deployer rebuilds route tables on every release.',
        'logsource: {product: aws, service: cloudtrail}',
        'filter:',
        '  rules:',
        `    - ${DEFAULT_ROUTE_ID}`,
        '  selection:',
        '    userIdentity.sessionContext.sessionIssuer.arn: arn:aws:iam::111122223333:role/deployer',
        '  condition: selection',
      ].join('\n'),
    });
    const { rules, report } = await scan(dir, [
      record(),
      record({ userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/mallory', userName: 'mallory' } }),
    ]);
    assert.deepEqual(rules.problems, []);
    const routes = report.findings.filter((f) => f.ruleSlug === 'default-route-changed');
    assert.deepEqual(
      routes.map((f) => f.actor.name),
      ['mallory'],
      'the deployer is filtered out, everyone else still fires',
    );
    assert.deepEqual(rules.all.find((r) => r.id === DEFAULT_ROUTE_ID)!.filters, ['Our deployer role changes routes']);
    // The same tuning reaches the SQL compiler: the filtered rule is what it compiles.
    const tuned = rules.detections.find((r) => r.id === DEFAULT_ROUTE_ID)!;
    assert.match(
      compileRuleToSql(tuned, { table: 'cloudtrail_logs' }).sql,
      /NOT .*arn:aws:iam::111122223333:role\/deployer/s,
    );
  });

  test('a filter names a custom rule by its `name`; one naming no loaded rule is a problem, not silence', async () => {
    const dir = folder({
      'rule.yml': [
        'title: Route deleted',
        'name: route_deleted',
        'logsource: {product: aws, service: cloudtrail}',
        'detection:',
        '  sel: {eventName: DeleteRoute}',
        '  condition: sel',
      ].join('\n'),
      'mf_filters.yml': [
        'title: Not in the sandbox table',
        'logsource: {product: aws, service: cloudtrail}',
        'filter:',
        '  rules: [route_deleted, no_such_rule]',
        '  sandbox:',
        '    requestParameters.routeTableId|startswith: rtb-sandbox',
        '  condition: sandbox',
      ].join('\n'),
    });
    const { rules, report } = await scan(
      dir,
      [record({ requestParameters: { routeTableId: 'rtb-sandbox-1' } }), record()],
      false,
    );
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]!.summary.startsWith('DeleteRoute'), true);
    assert.equal(rules.problems.length, 1);
    assert.match(rules.problems[0]!.message, /`no_such_rule` names no loaded rule/);
    assert.match(rules.problems[0]!.file, /mf_filters\.yml$/);
  });

  test('a filter document without rules, selection or condition is rejected with file:line and the reason', () => {
    const { problems } = parseSigmaRules(
      'title: f\nlogsource: {product: aws, service: cloudtrail}\nfilter:\n  selection: {a: b}\n  condition: selection\n',
      'f.yml',
    );
    assert.match(problems[0]!.message, /`rules` must name the rules to filter/);
    assert.equal(problems[0]!.line, 4);
    const noCondition = parseSigmaRules(
      'title: f\nlogsource: {product: aws, service: cloudtrail}\nfilter:\n  rules: [x]\n  selection: {a: b}\n',
      'f.yml',
    );
    assert.match(noCondition.problems[0]!.message, /condition` is missing/);
  });
});

describe('rules specification v2: spec-invalid rules are rejected with file:line and the reason', () => {
  test('missing title, missing logsource, a level outside the five, an unknown modifier, a long title, a made-up status', () => {
    const cases: [string, RegExp][] = [
      ['logsource: {product: aws}\ndetection: {sel: {a: b}, condition: sel}\n', /`title` is missing/],
      ['title: t\ndetection: {sel: {a: b}, condition: sel}\n', /`logsource` is missing/],
      [
        'title: t\nlevel: urgent\nlogsource: {product: aws}\ndetection: {sel: {a: b}, condition: sel}\n',
        /level: urgent/,
      ],
      [
        'title: t\nlogsource: {product: aws}\ndetection:\n  sel: {a|like: b}\n  condition: sel\n',
        /unknown modifier `like`/,
      ],
      [
        `title: ${'t'.repeat(257)}\nlogsource: {product: aws}\ndetection: {sel: {a: b}, condition: sel}\n`,
        /at most 256/,
      ],
      [
        'title: t\nstatus: production\nlogsource: {product: aws}\ndetection: {sel: {a: b}, condition: sel}\n',
        /status: production/,
      ],
    ];
    for (const [yaml, reason] of cases) {
      const { rules, problems } = parseSigmaRules(yaml, 'bad.yml');
      assert.equal(rules.length, 0);
      assert.match(problems[0]!.message, reason);
      assert.equal(problems[0]!.file, 'bad.yml');
      assert.ok(problems[0]!.line! >= 1, 'with a line');
    }
  });
});

describe('imported rules get the same threat modifiers as built-ins (docs/cloudtrail.md, "Threat level")', () => {
  const ROOT_RULE = (extra = '') =>
    [
      'title: Route changed (imported)',
      'logsource: {product: aws, service: cloudtrail}',
      'detection:',
      '  sel: {eventName: DeleteRoute}',
      '  condition: sel',
      'level: medium',
      extra,
    ].join('\n');
  const root = record({
    userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' },
  });

  test('root credentials raise an imported rule one step, as they raise a built-in one', async () => {
    const { report } = await scan(folder({ 'r.yml': ROOT_RULE() }), [root], false);
    assert.equal(report.findings[0]!.severity, 'high');
    assert.ok(report.findings[0]!.modifiers.some((m) => m.step === 1 && /root/.test(m.reason)));
  });

  test('`x-telltale: {actor-modifiers: false}` is the documented way to opt a rule out', async () => {
    const { report } = await scan(
      folder({ 'r.yml': ROOT_RULE('x-telltale:\n  actor-modifiers: false') }),
      [root],
      false,
    );
    assert.equal(report.findings[0]!.severity, 'medium');
    assert.deepEqual(report.findings[0]!.modifiers, []);
  });
});
