// `telltale cloudtrail scan` as a user runs it: the JSON contract, exit codes, escaping of every
// log field in Markdown and HTML, user Sigma rules with their authors, errors without stacks.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../cli/program.ts';
import { repoRoot } from '../harness/runner.ts';
import { capture } from './helpers.ts';

const samples = path.join(repoRoot, 'samples', 'cloudtrail');
let dir: string;

const EVIL = '<script>alert(1)</script> @octo/team #1 [x](https://evil.example) | `tick` \u202e';
const evilRecord = {
  eventVersion: '1.10',
  eventID: 'evil-1',
  eventTime: '2026-05-04T10:00:00Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DeleteRoute',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.1',
  userAgent: EVIL,
  recipientAccountId: '111122223333',
  userIdentity: {
    type: 'IAMUser',
    userName: EVIL,
    arn: `arn:aws:iam::111122223333:user/${EVIL}`,
    accountId: '111122223333',
  },
  requestParameters: { routeTableId: `rtb-${EVIL}`, destinationCidrBlock: '0.0.0.0/0' },
};

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'telltale-ct-cli-'));
  writeFileSync(path.join(dir, 'evil.json'), JSON.stringify({ Records: [evilRecord] }));
  writeFileSync(
    path.join(dir, 'rule.yml'),
    [
      'title: Route table deleted',
      'id: 5b0f3c0e-1111-4222-8333-944455556666',
      'author: Jane Doe (example)',
      'references: [https://example.org/rules/route-table]',
      'logsource: {product: aws, service: cloudtrail}',
      'detection:',
      '  sel: {eventName: DeleteRoute, requestParameters.destinationCidrBlock: 0.0.0.0/0}',
      '  condition: sel',
      'level: low',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'broken.yml'),
    'title: broken\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel: {eventName|nosuchmod: x}\n  condition: sel\n',
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function scan(...args: string[]) {
  const { out, io } = capture();
  const code = await runCli(['cloudtrail', 'scan', ...args], io);
  return { code, ...out };
}

describe('telltale cloudtrail scan', () => {
  test('the sample tree as JSON: the documented contract, the 16:42 story, highest threat first', async () => {
    const r = await scan('--source', samples, '--since', 'all', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(typeof report.stats.events, 'number');
    assert.ok(report.stats.events > 300);
    assert.equal(report.stats.files, 48);
    assert.equal(report.stats.malformed, 1);
    assert.equal(report.stats.duplicates, 1);
    const route = report.findings.find((f: { ruleSlug: string }) => f.ruleSlug === 'default-route-changed');
    for (const key of [
      'rule',
      'severity',
      'eventId',
      'eventName',
      'eventSource',
      'eventTime',
      'outcome',
      'actor',
      'sourceIPAddress',
      'region',
      'summary',
    ]) {
      assert.ok(key in route, `finding has ${key}`);
    }
    assert.equal(route.severity, 'high');
    assert.equal(route.outcome, 'success');
    assert.equal(route.eventName, 'DeleteRoute');
    assert.equal(route.actor.arn, 'arn:aws:iam::111122223333:user/DevOpsEngineer1');
    assert.equal(route.actor.type, 'IAMUser');
    assert.match(
      route.summary,
      /^DeleteRoute 0\.0\.0\.0\/0 on rtb-0a1b2c3d4e5f60718 by DevOpsEngineer1 from the console at 2026-05-04 16:42 UTC$/,
    );
    const ranks = report.findings.map((f: { severity: string }) =>
      ['informational', 'low', 'medium', 'high', 'critical'].indexOf(f.severity),
    );
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => b - a),
    );
    assert.equal(report.health.trailChanges[0].eventName, 'StopLogging');
    assert.deepEqual(report.health.silent, ['2026-05-04T03:00Z']);
    assert.match(r.stderr, /warning: .*20260504T0405Z.*truncated gzip/);
  });

  test('--fail-on: exit 1 when a finding is at or above the level, 0 below it', async () => {
    assert.equal((await scan('--source', samples, '--since', 'all', '--fail-on', 'high', '--format', 'json')).code, 1);
    const early = await scan(
      '--source',
      samples,
      '--since',
      '2026-05-04T00:00Z',
      '--until',
      '2026-05-04T06:00Z',
      '--fail-on',
      'high',
      '--format',
      'json',
    );
    assert.equal(early.code, 0, early.stderr);
    assert.equal(JSON.parse(early.stdout).findings.length, 0);
  });

  test('input errors exit 2 with the file or flag named, never a stack trace', async () => {
    const missing = await scan('--source', path.join(dir, 'nope'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope: no such file or folder/);
    assert.doesNotMatch(missing.stderr, /\n\s+at /);
    const since = await scan('--source', samples, '--since', 'last tuesday');
    assert.equal(since.code, 2);
    assert.match(since.stderr, /--since: 'last tuesday' is not a duration/);
    const level = await scan('--source', samples, '--fail-on', 'severe');
    assert.equal(level.code, 2);
    const s3 = await scan('--source', 's3://');
    assert.equal(s3.code, 2);
    assert.match(s3.stderr, /is not an S3 location/);
  });

  test('user Sigma rules run beside the pack, their author is on the finding, broken rules are listed', async () => {
    const r = await scan(
      '--source',
      path.join(dir, 'evil.json'),
      '--since',
      'all',
      '--rules',
      path.join(dir, 'rule.yml'),
      path.join(dir, 'broken.yml'),
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    const mine = report.findings.find((f: { rule: string }) => f.rule === 'Route table deleted');
    assert.equal(mine.ruleAuthor, 'Jane Doe (example)');
    assert.equal(mine.ruleLink, 'https://example.org/rules/route-table');
    assert.equal(mine.ruleOrigin, 'custom');
    assert.equal(report.rules.problems.length, 1);
    assert.match(r.stderr, /rule not loaded: .*broken\.yml:4/);
  });

  test('Markdown escapes every log field: no tag, link, mention or broken table from a user agent', async () => {
    const r = await scan('--source', path.join(dir, 'evil.json'), '--since', 'all', '--format', 'markdown');
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\u202e/);
    // Code spans show their text literally (no tag, link or mention forms inside them); outside them
    // nothing from the log may form one.
    const prose = r.stdout.replace(/(`+)[^`][\s\S]*?\1/g, '');
    assert.match(r.stdout, /DeleteRoute/);
    assert.doesNotMatch(prose, /<script>/);
    assert.doesNotMatch(prose, /\]\(https:\/\/evil/);
    assert.doesNotMatch(prose, /@octo/);
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('| ') && l.includes('DeleteRoute'))) {
      assert.equal(line.split(/(?<!\\)\|/).length, 8, `a finding row keeps its 6 cells: ${line}`);
    }
  });

  test('the HTML dashboard is self-contained and escapes every log field', async () => {
    const file = path.join(dir, 'report.html');
    const r = await scan(
      '--source',
      path.join(dir, 'evil.json'),
      '--since',
      'all',
      '--format',
      'html',
      '--output',
      file,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(file, 'utf8');
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /\u202e/);
    // Nothing loads from elsewhere: no src= or stylesheet links, and the CSP forbids it anyway.
    assert.doesNotMatch(html, /\ssrc=|<link\s|@import|url\(/i);
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
    // Exactly one script element: the page's own, allowed by its hash.
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<table id="findings">/);
    assert.match(html, /data-rank="3"/);
  });
});

describe('suppressions and pipeline principals apply to a local folder too', () => {
  test('a live suppression entry hides its rule on samples/cloudtrail and the report counts it', async () => {
    const file = path.join(dir, 'suppressions.yml');
    writeFileSync(
      file,
      [
        'suppressions:',
        '  - rule: default-route-changed',
        '    reason: the network team rebuilds routes on Mondays',
        "    owner: '@net'",
        '    expires: 2999-12-31',
        '',
      ].join('\n'),
    );
    const scan = async (extra: string[]) => {
      const { out, io } = capture();
      await runCli(['cloudtrail', 'scan', '--source', samples, '--since', 'all', '--format', 'json', ...extra], io);
      return JSON.parse(out.stdout) as { findings: { ruleSlug?: string }[]; stats: { suppressed: number } };
    };
    const plain = await scan([]);
    const tuned = await scan(['--suppressions', file]);
    const slugs = (r: typeof plain) => r.findings.map((f) => f.ruleSlug);
    assert.ok(slugs(plain).includes('default-route-changed'), JSON.stringify(slugs(plain)));
    assert.ok(!slugs(tuned).includes('default-route-changed'), JSON.stringify(slugs(tuned)));
    assert.ok(tuned.stats.suppressed > 0);
  });
});
