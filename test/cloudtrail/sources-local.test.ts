// Local folders in CloudTrail's S3 layout: only the window's day folders and files are opened,
// digests are skipped, the same event delivered twice is counted once, and an unreadable file is
// reported by name while the scan goes on.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import { loadRuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { scanCloudTrail } from '../../shared/cloudtrail/scan.ts';
import { readLocal } from '../../shared/cloudtrail/sources/local.ts';
import type { LogFile, SkipReason } from '../../shared/cloudtrail/sources/types.ts';
import { parseWindow, type TimeWindow } from '../../shared/cloudtrail/window.ts';

const ACCOUNT = '111122223333';
let root: string;
const ev = (id: string, time: string, name = 'DescribeInstances'): CloudTrailRecord => ({
  eventID: id,
  eventTime: time,
  eventName: name,
  eventSource: 'ec2.amazonaws.com',
  awsRegion: 'eu-west-1',
  userIdentity: { type: 'IAMUser', userName: 'alice', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT },
});

function put(rel: string, records: CloudTrailRecord[] | Buffer) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.isBuffer(records) ? records : gzipSync(JSON.stringify({ Records: records })));
}
const day = (region: string, d: string, org = 'o-a1b2c3d4e5') =>
  `AWSLogs/${org}/${ACCOUNT}/CloudTrail/${region}/${d.replaceAll('-', '/')}`;
const name = (region: string, stamp: string, n = 'A1B2C3D4E5F6A7B8') =>
  `${ACCOUNT}_CloudTrail_${region}_${stamp}_${n}.json.gz`;

before(() => {
  root = mkdtempSync(path.join(tmpdir(), 'telltale-ct-local-'));
  put(`${day('eu-west-1', '2026-05-02')}/${name('eu-west-1', '20260502T1200Z')}`, [ev('old', '2026-05-02T11:58:00Z')]);
  put(`${day('eu-west-1', '2026-05-04')}/${name('eu-west-1', '20260504T0905Z')}`, [ev('e1', '2026-05-04T09:01:00Z')]);
  // Delivered before the window starts: never opened (a corrupt body proves it).
  put(`${day('eu-west-1', '2026-05-04')}/${name('eu-west-1', '20260504T0755Z')}`, Buffer.from('garbage'));
  put(`${day('eu-west-1', '2026-05-04')}/${name('eu-west-1', '20260504T1005Z')}`, [
    ev('e2', '2026-05-04T10:01:00Z', 'DeleteRoute'),
    ev('e1', '2026-05-04T09:01:00Z'),
  ]);
  // The same event from an account trail (no org level) in us-east-1 as well.
  put(`AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/05/04/${name('us-east-1', '20260504T1105Z')}`, [
    ev('e2', '2026-05-04T10:01:00Z', 'DeleteRoute'),
    ev('e3', '2026-05-04T11:00:00Z'),
  ]);
  const truncated = gzipSync(JSON.stringify({ Records: [ev('x', '2026-05-04T11:30:00Z')] }));
  put(
    `${day('eu-west-1', '2026-05-04')}/${name('eu-west-1', '20260504T1135Z')}`,
    truncated.subarray(0, truncated.length - 9),
  );
  put(
    `${day('eu-west-1', '2026-05-04')}/${name('eu-west-1', '20260504T1140Z', 'BADJSON000000000')}`,
    gzipSync('{"Records":[{"eventID":"y",]}'),
  );
  put(`AWSLogs/o-a1b2c3d4e5/${ACCOUNT}/CloudTrail-Digest/eu-west-1/2026/05/04/digest.json.gz`, Buffer.from('{}'));
  put('AWSLogs/README.txt', Buffer.from('not a log'));
});
after(() => rmSync(root, { recursive: true, force: true }));

async function run(window: TimeWindow) {
  const read: LogFile[] = [];
  const skipped: [string, SkipReason][] = [];
  const records: string[] = [];
  const errors: [string, string][] = [];
  await readLocal(
    root,
    {
      record: (r) => void records.push(String(r.eventID)),
      fileDone: (f, _n, error) => {
        read.push(f);
        if (error) errors.push([path.basename(f.name), error]);
      },
      fileSkipped: (n, why) => void skipped.push([path.relative(root, n), why]),
    },
    { window, now: Date.parse('2026-05-04T12:00:00Z') },
  );
  return { read, skipped, records: records.sort(), errors: errors.sort() };
}

describe('local AWSLogs trees', () => {
  const window = { start: Date.parse('2026-05-04T08:00:00Z'), end: Date.parse('2026-05-04T12:00:00Z') };

  test('only day folders and delivery times inside the window are opened', async () => {
    const r = await run(window);
    assert.deepEqual(
      r.read.map((f) => path.basename(f.name)).sort(),
      [
        name('eu-west-1', '20260504T0905Z'),
        name('eu-west-1', '20260504T1005Z'),
        name('eu-west-1', '20260504T1135Z'),
        name('eu-west-1', '20260504T1140Z', 'BADJSON000000000'),
        name('us-east-1', '20260504T1105Z'),
      ].sort(),
    );
    assert.deepEqual(
      r.skipped.map(([n, why]) => [n.split('/').slice(-1)[0] ?? n, why]).sort(),
      [
        ['02', 'outside-window'],
        ['CloudTrail-Digest', 'digest'],
        ['README.txt', 'not-a-log'],
        [name('eu-west-1', '20260504T0755Z'), 'outside-window'],
      ].sort(),
    );
    const eu = r.read.find((f) => f.name.endsWith('20260504T0905Z_A1B2C3D4E5F6A7B8.json.gz'))!;
    assert.equal(eu.account, ACCOUNT);
    assert.equal(eu.region, 'eu-west-1');
    assert.equal(eu.deliveredMs, Date.parse('2026-05-04T09:05:00Z'));
  });

  test('corrupt files are named with a reason; the others are still read', async () => {
    const r = await run(window);
    assert.equal(r.errors.length, 2);
    assert.match(r.errors[0]![1], /truncated gzip|truncated JSON/);
    assert.match(r.errors[1]![1], /malformed JSON in element 0/);
    assert.ok(r.records.includes('e3'));
  });

  test('--since all opens every day', async () => {
    const r = await run({});
    assert.ok(r.records.includes('old'));
  });

  test('the scan deduplicates by eventID and counts what it dropped', async () => {
    const rules = await loadRuleSet();
    const report = await scanCloudTrail((sink) => readLocal(root, sink, { window }), {
      window,
      rules,
      deliveries: true,
      now: Date.parse('2026-05-04T12:30:00Z'),
    });
    // e1, e2, e3 once each, and x: the truncated file's record survived before the cut.
    assert.equal(report.stats.events, 4);
    assert.equal(report.stats.duplicates, 2);
    assert.equal(report.stats.files, 5);
    assert.equal(report.stats.malformed, 2);
    assert.equal(report.malformedFiles.length, 2);
    assert.ok(report.malformedFiles.every((m) => m.file.startsWith(root)));
    // Deliveries at 09, 10, 11 (and the two damaged files at 11): hours 08 had none.
    assert.equal(report.health.basis, 'deliveries');
    assert.equal(report.health.hours, 4);
    assert.deepEqual(report.health.silent, ['2026-05-04T08:00Z']);
  });

  test('a single file is read whatever its name, and a missing path is an input error', async () => {
    const file = path.join(root, 'export.json');
    writeFileSync(file, JSON.stringify([ev('z', '2026-05-04T10:00:00Z')]));
    const got: string[] = [];
    await readLocal(
      file,
      { record: (r) => void got.push(String(r.eventID)), fileDone: () => {}, fileSkipped: () => {} },
      { window: {} },
    );
    assert.deepEqual(got, ['z']);
    await assert.rejects(
      readLocal(
        path.join(root, 'nope'),
        { record: () => {}, fileDone: () => {}, fileSkipped: () => {} },
        { window: {} },
      ),
      (e: Error) => e.name === 'InputError' && /no such file or folder/.test(e.message),
    );
  });
});

describe('the window', () => {
  const now = Date.parse('2026-05-04T12:00:00Z');
  test('24h, an ISO time, a bare date and all', () => {
    assert.deepEqual(parseWindow('24h', undefined, now), { start: now - 86_400_000 });
    assert.deepEqual(parseWindow('2026-05-04T08:00', '2026-05-04T09:00Z', now), {
      start: Date.parse('2026-05-04T08:00:00Z'),
      end: Date.parse('2026-05-04T09:00:00Z'),
    });
    assert.deepEqual(parseWindow('2026-05-03', undefined, now), { start: Date.parse('2026-05-03T00:00:00Z') });
    assert.deepEqual(parseWindow('all', undefined, now), {});
  });
  test('bad values are input errors naming the flag', () => {
    assert.throws(() => parseWindow('yesterday', undefined, now), /--since: 'yesterday' is not a duration/);
    assert.throws(() => parseWindow('24h', 'soon', now), /--until: 'soon' is not an ISO 8601 time/);
    assert.throws(() => parseWindow('2026-05-04', '2026-05-03', now), /is not before --until/);
  });
});
