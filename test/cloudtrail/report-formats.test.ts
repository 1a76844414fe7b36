// Several formats from one scan, and the OCSF Detection Finding output (schema.ocsf.io, class
// "Detection Finding", uid 2004, category 2 "Findings") that Security Hub, Prowler and SIEMs read.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../cli/program.ts';
import { capture } from './helpers.ts';

let dir: string;
const guid = (i: number) => `0000000${i}-0000-4000-8000-00000000000${i}`;
const route = (i: number) => ({
  eventID: guid(i),
  eventTime: `2026-05-04T10:0${i}:00Z`,
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DeleteRoute',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.1',
  userAgent: 'aws-cli/2.15.30',
  recipientAccountId: '111122223333',
  userIdentity: {
    type: 'IAMUser',
    userName: 'alice',
    arn: 'arn:aws:iam::111122223333:user/alice',
    accountId: '111122223333',
  },
  requestParameters: { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0' },
});

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'telltale-ct-formats-'));
  writeFileSync(path.join(dir, 'night.json'), JSON.stringify({ Records: [route(1), route(2), route(3)] }));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const { out, io } = capture();
  const code = await runCli(['cloudtrail', 'scan', ...args], io);
  return { code, ...out };
}

describe('report formats', () => {
  test('--format markdown,html,ocsf --output DIR writes the three files from one scan', async () => {
    const out = path.join(dir, 'out');
    const r = await cli(
      '--source',
      path.join(dir, 'night.json'),
      '--since',
      'all',
      '--format',
      'markdown,html,ocsf',
      '--output',
      out,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), [
      'cloudtrail-dashboard.html',
      'cloudtrail-findings.ocsf.json',
      'cloudtrail-report.md',
    ]);
    assert.match(readFileSync(path.join(out, 'cloudtrail-report.md'), 'utf8'), /Default route deleted or replaced/);
  });

  test('a format may name its own file; several formats without --output is an input error', async () => {
    const file = path.join(dir, 'findings.ocsf.json');
    const r = await cli(
      '--source',
      path.join(dir, 'night.json'),
      '--since',
      'all',
      '--format',
      `ocsf:${file},json:${path.join(dir, 'r.json')}`,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(readFileSync(file, 'utf8')).length >= 1);
    const bad = await cli('--source', path.join(dir, 'night.json'), '--since', 'all', '--format', 'markdown,html');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /several formats need --output DIR/);
    const unknown = await cli('--source', path.join(dir, 'night.json'), '--format', 'pdf');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown report format 'pdf'/);
  });

  test('OCSF: one Detection Finding per row, with the class, severity, rule, ATT&CK, actor, cloud and every event id', async () => {
    const r = await cli('--source', path.join(dir, 'night.json'), '--since', 'all', '--format', 'ocsf');
    assert.equal(r.code, 0, r.stderr);
    const findings = JSON.parse(r.stdout) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const f = findings.find((x) => x.finding_info.types[0] === 'default-route-changed')!;
    assert.equal(f.class_uid, 2004);
    assert.equal(f.category_uid, 2);
    assert.equal(f.type_uid, 200401, 'class_uid × 100 + activity_id');
    assert.equal(f.activity_id, 1);
    assert.equal(f.severity_id, 4);
    assert.equal(f.severity, 'High');
    assert.equal(f.count, 3);
    assert.equal(f.start_time, Date.parse('2026-05-04T10:01:00Z'));
    assert.equal(f.end_time, Date.parse('2026-05-04T10:03:00Z'));
    assert.equal(typeof f.time, 'number');
    assert.equal(f.metadata.product.name, 'telltale');
    assert.match(f.metadata.version, /^1\.\d+\.\d+$/);
    assert.equal(f.finding_info.analytic.type_id, 1);
    assert.deepEqual(
      f.finding_info.related_events.map((e: { uid: string }) => e.uid),
      [guid(1), guid(2), guid(3)],
    );
    assert.match(
      f.finding_info.src_url,
      /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudtrailv2\/home\?region=eu-west-1#\/events\/00000003-/,
    );
    assert.ok(f.attacks.length >= 1 && /^T\d{4}/.test(f.attacks[0].technique.uid));
    assert.equal(f.actor.user.uid, 'arn:aws:iam::111122223333:user/alice');
    assert.deepEqual(f.cloud, {
      provider: 'AWS',
      region: 'eu-west-1',
      account: { uid: '111122223333', type: 'AWS Account', type_id: 10 },
    });
  });
});
