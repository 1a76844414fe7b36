// Quiet nights stay quiet: repeated findings fold into one row per (rule, principal, target) with
// counts and first/last times, reviewed suppressions hide what is expected (and say so, and stop
// when they expire), and a noisy night still fits on one screen while the JSON keeps every event id.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderCloudTrailHtml } from '../../shared/cloudtrail/render/html.ts';
import { renderCloudTrailJson } from '../../shared/cloudtrail/render/json.ts';
import { renderCloudTrailMarkdown } from '../../shared/cloudtrail/render/markdown.ts';
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import { loadRuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { scanCloudTrail } from '../../shared/cloudtrail/scan.ts';
import { parseSuppressions } from '../../shared/cloudtrail/suppressions.ts';
import { InputError } from '../../shared/util/errors.ts';

const ACCOUNT = '111122223333';
const NOW = Date.parse('2026-05-05T06:00:00Z');
let n = 0;
const guid = () => `${(++n).toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const at = (minute: number) =>
  new Date(Date.parse('2026-05-04T00:00:00Z') + minute * 60_000).toISOString().replace(/\.000Z$/, 'Z');

const root = (minute: number, name = 'ListBuckets', bucket = 'payroll'): CloudTrailRecord => ({
  eventID: guid(),
  eventTime: at(minute),
  eventName: name,
  eventSource: 's3.amazonaws.com',
  eventType: 'AwsApiCall',
  awsRegion: 'us-east-1',
  sourceIPAddress: '203.0.113.9',
  userAgent: 'aws-cli/2.15.30',
  recipientAccountId: ACCOUNT,
  requestParameters: { bucketName: bucket },
  userIdentity: {
    type: 'Root',
    arn: `arn:aws:iam::${ACCOUNT}:root`,
    accountId: ACCOUNT,
    accessKeyId: 'AKIAROOTEXAMPLE00001',
  },
});
const denied = (minute: number, who = 'scanner'): CloudTrailRecord => ({
  eventID: guid(),
  eventTime: at(minute),
  eventName: `Describe${['Instances', 'Vpcs', 'Volumes'][minute % 3]}`,
  eventSource: 'ec2.amazonaws.com',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.66',
  userAgent: 'Boto3/1.34.100',
  errorCode: 'Client.UnauthorizedOperation',
  recipientAccountId: ACCOUNT,
  userIdentity: { type: 'IAMUser', userName: who, arn: `arn:aws:iam::${ACCOUNT}:user/${who}`, accountId: ACCOUNT },
});
const route = (minute: number, table = 'rtb-0a1b2c3d', who = 'alice'): CloudTrailRecord => ({
  eventID: guid(),
  eventTime: at(minute),
  eventName: 'DeleteRoute',
  eventSource: 'ec2.amazonaws.com',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.7',
  userAgent: 'aws-cli/2.15.30',
  recipientAccountId: ACCOUNT,
  requestParameters: { routeTableId: table, destinationCidrBlock: '0.0.0.0/0' },
  userIdentity: { type: 'IAMUser', userName: who, arn: `arn:aws:iam::${ACCOUNT}:user/${who}`, accountId: ACCOUNT },
});

async function scan(records: CloudTrailRecord[], suppressions = '') {
  const rules = await loadRuleSet();
  return scanCloudTrail(
    async (sink) => {
      for (const r of records) sink.record(r, { name: 'night.json' });
      sink.fileDone({ name: 'night.json' }, records.length);
      return { kind: 'files', location: 'night.json', deliveries: false, notes: [] };
    },
    {
      window: {},
      rules,
      deliveries: false,
      now: NOW,
      suppressions: suppressions ? parseSuppressions(suppressions, '.github/cloudtrail-suppressions.yml') : [],
    },
  );
}

describe('grouping repeated findings', () => {
  test('a synthetic noisy night (hundreds of root calls, a burst principal) renders in under one screen, with counts', async () => {
    const records: CloudTrailRecord[] = [];
    for (let i = 0; i < 400; i++)
      records.push(root(i * 2, i % 2 ? 'ListBuckets' : 'GetBucketPolicy', i % 4 < 2 ? 'payroll' : 'logs'));
    for (let i = 0; i < 120; i++) records.push(denied(600 + i));
    for (let i = 0; i < 30; i++) records.push(route(700 + i));
    const report = await scan(records);
    const md = renderCloudTrailMarkdown(report);
    const lines = md.split('\n').length;
    assert.ok(lines <= 40, `one screen: ${lines} lines\n${md}`);
    const rootRows = report.groups.filter((g) => g.ruleSlug === 'root-api-use');
    assert.equal(rootRows.length, 2, 'one row per target bucket');
    assert.equal(
      rootRows.reduce((s, g) => s + g.count, 0),
      400,
    );
    assert.match(md, /\| 200 \| `2026-05-04 00:0\d → /, 'the row says how many and from when');
    const routeRow = report.groups.find((g) => g.ruleSlug === 'default-route-changed')!;
    assert.equal(routeRow.count, 30);
    assert.equal(routeRow.firstSeen, '2026-05-04T11:40:00Z');
    assert.equal(routeRow.lastSeen, '2026-05-04T12:09:00Z');
    assert.match(md, /Burst of AccessDenied/);
    // The JSON keeps every event id even though only a few full findings are kept per row.
    const json = JSON.parse(renderCloudTrailJson(report)) as { groups: { eventIds: string[] }[]; findings: unknown[] };
    assert.equal(
      json.groups.reduce((s, g) => s + g.eventIds.length, 0),
      400 + 30 + 1,
    );
    assert.ok(json.findings.length < 20, `${json.findings.length} example findings`);
  });

  test('200,000 findings: the Markdown and HTML stay small (grouped and capped, with counts)', async () => {
    const records: CloudTrailRecord[] = [];
    for (let i = 0; i < 200_000; i++) records.push(root(i % 1440, 'ListBuckets', `bucket-${i % 20_000}`));
    const report = await scan(records);
    assert.equal(report.stats.findings, 200_000);
    assert.equal(report.groups.length, 20_000);
    const md = renderCloudTrailMarkdown(report);
    assert.ok(md.length < 20_000, `markdown ${md.length} chars`);
    assert.match(
      md,
      /…and 19980 more row\(s\), 199800 event\(s\), in the JSON report: Root user credentials used ×199800/,
    );
    const html = renderCloudTrailHtml(report);
    assert.ok(html.length < 5_000_000, `html ${html.length} chars`);
    assert.match(html, /18000 more row\(s\) \(180000 event\(s\)\) are in the JSON report/);
  });
});

describe('suppressions', () => {
  const file = `suppressions:
  - rule: default-route-changed
    principal: 'arn:aws:iam::${ACCOUNT}:user/alice'
    resource: rtb-0a1b*
    reason: alice rebuilds the lab VPC every night
    owner: '@net-team'
    expires: 2026-12-31
  - rule: root-api-use
    reason: break-glass drill
    owner: '@security'
    expires: 2026-05-01
`;

  test('a live entry hides its findings and the report says what; an expired one hides nothing and is reported', async () => {
    const report = await scan([route(1), route(2), route(3, 'rtb-ffff'), root(4)], file);
    assert.deepEqual(report.groups.map((g) => [g.ruleSlug, g.target, g.count]).sort(), [
      ['default-route-changed', 'rtb-ffff', 1],
      ['root-api-use', 'payroll', 1],
    ]);
    assert.equal(report.stats.suppressed, 2);
    const [live, expired] = report.suppressions;
    assert.equal(live!.matched, 2);
    assert.equal(live!.eventIds.length, 2, 'the JSON keeps the suppressed event ids');
    assert.equal(live!.at, '.github/cloudtrail-suppressions.yml:2');
    assert.equal(expired!.expired, true);
    assert.equal(expired!.matched, 1, 'what it would have hidden');
    const md = renderCloudTrailMarkdown(report);
    assert.match(md, /🔕 2 event\(s\) suppressed by 1 entr\(ies\)/);
    assert.match(md, /⚠️ \*\*1 expired suppression\(s\)\*\*/);
    assert.match(md, /⚠️ \*\*expired\*\* `root-api-use`: break\\-glass drill — @\u200bsecurity, until `2026-05-01`/);
  });

  test('a suppression without an owner or expiry is an input error naming the file, line and field', () => {
    assert.throws(
      () => parseSuppressions('suppressions:\n  - rule: x\n    reason: y\n    expires: 2026-01-01\n', 's.yml'),
      (e: unknown) =>
        e instanceof InputError && /s\.yml:2:5: suppressions\[0\]\.owner: `owner` is required/.test(e.describe()),
    );
    assert.throws(
      () => parseSuppressions('suppressions:\n  - rule: x\n    reason: y\n    owner: z\n    expires: soon\n', 's.yml'),
      /`expires` must be an ISO date/,
    );
    assert.throws(
      () =>
        parseSuppressions(
          'suppressions:\n  - rule: x\n    reason: y\n    owner: z\n    expires: 2026-01-01\n    until: 1\n',
          's.yml',
        ),
      /unknown key `until`/,
    );
  });
});
