// The S3 source against a real S3-compatible server (s3rver on 127.0.0.1, path-style): it lists
// only the window's day prefixes under every account and region it discovers, downloads in
// parallel up to its limit, and reports an unreadable object by its s3:// name.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import { loadRuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { scanCloudTrail } from '../../shared/cloudtrail/scan.ts';
import { parseS3Url, readS3 } from '../../shared/cloudtrail/sources/s3.ts';

const BUCKET = 'trail-logs';
const ORG = 'o-a1b2c3d4e5';
const ACCOUNTS = ['111122223333', '444455556666'];
let dir: string;
let server: S3rver;
let client: S3Client;
const calls: { name: string; input: Record<string, unknown> }[] = [];
let inFlight = 0;
let maxInFlight = 0;

const ev = (id: string, time: string, name = 'DescribeInstances', account = ACCOUNTS[0]!): CloudTrailRecord => ({
  eventID: id,
  eventTime: time,
  eventName: name,
  eventSource: name === 'DeleteRoute' ? 'ec2.amazonaws.com' : 'ec2.amazonaws.com',
  awsRegion: 'eu-west-1',
  recipientAccountId: account,
  requestParameters: name === 'DeleteRoute' ? { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0' } : null,
  userIdentity: { type: 'IAMUser', userName: 'alice', arn: `arn:aws:iam::${account}:user/alice`, accountId: account },
});
const key = (account: string, region: string, day: string, stamp: string, n: string) =>
  `org-trail/AWSLogs/${ORG}/${account}/CloudTrail/${region}/${day}/${account}_CloudTrail_${region}_${stamp}_${n}.json.gz`;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'telltale-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  client = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const put = (k: string, body: Buffer) => client.send(new PutObjectCommand({ Bucket: BUCKET, Key: k, Body: body }));
  const gz = (records: CloudTrailRecord[]) => gzipSync(JSON.stringify({ Records: records }));
  for (const account of ACCOUNTS) {
    for (const region of ['eu-west-1', 'us-east-1']) {
      await put(
        key(account, region, '2026/05/03', '20260503T2355Z', 'AAAA000000000000'),
        gz([ev(`${account}-${region}-old`, '2026-05-03T23:50:00Z', 'DescribeInstances', account)]),
      );
      await put(
        key(account, region, '2026/05/04', '20260504T0755Z', 'AAAA000000000001'),
        gz([ev(`${account}-${region}-early`, '2026-05-04T07:50:00Z', 'DescribeInstances', account)]),
      );
      for (const hour of ['08', '09', '10', '11']) {
        await put(
          key(account, region, '2026/05/04', `20260504T${hour}05Z`, `BBBB0000000000${hour}`),
          gz([ev(`${account}-${region}-${hour}`, `2026-05-04T${hour}:01:00Z`, 'DescribeInstances', account)]),
        );
      }
      await put(
        key(account, region, '2026/05/05', '20260505T0005Z', 'CCCC000000000000'),
        gz([ev(`${account}-${region}-next`, '2026-05-05T00:01:00Z', 'DescribeInstances', account)]),
      );
    }
  }
  await put(
    key(ACCOUNTS[0]!, 'eu-west-1', '2026/05/04', '20260504T1015Z', 'ROUTE00000000000'),
    gz([ev('route', '2026-05-04T10:12:00Z', 'DeleteRoute')]),
  );
  await put(
    key(ACCOUNTS[1]!, 'eu-west-1', '2026/05/04', '20260504T1025Z', 'CORRUPT000000000'),
    gz([ev('cut', '2026-05-04T10:20:00Z')]).subarray(0, 30),
  );
  await put(
    `org-trail/AWSLogs/${ORG}/${ACCOUNTS[0]}/CloudTrail-Digest/eu-west-1/2026/05/04/digest.json.gz`,
    Buffer.from('{}'),
  );
  // s3rver 3.7.1 reports a common prefix only when an object sits directly in it (its directory
  // walk skips deeper levels), so write the zero-byte "folder/" objects the S3 console creates.
  // Real S3 needs none; the source ignores them.
  const folders = new Set<string>();
  for (const account of ACCOUNTS) {
    for (const region of ['eu-west-1', 'us-east-1']) {
      const parts = `org-trail/AWSLogs/${ORG}/${account}/CloudTrail/${region}`.split('/');
      for (let i = 2; i <= parts.length; i++) folders.add(`${parts.slice(0, i).join('/')}/`);
    }
    folders.add(`org-trail/AWSLogs/${ORG}/${account}/CloudTrail-Digest/`);
  }
  for (const folder of folders) await put(folder, Buffer.alloc(0));

  // Observe (not replace) what the source asks the real server.
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  (client as unknown as { send: (command: unknown) => Promise<unknown> }).send = async (command) => {
    const c = command as { constructor: { name: string }; input: Record<string, unknown> };
    calls.push({ name: c.constructor.name, input: c.input });
    const download = c instanceof GetObjectCommand;
    if (download) maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      return await send(command);
    } finally {
      if (download) inFlight--;
    }
  };
});

after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('S3 trail bucket', () => {
  const window = { start: Date.parse('2026-05-04T08:00:00Z'), end: Date.parse('2026-05-04T11:30:00Z') };

  test('finds the org, both accounts and regions, lists only the window, and scans what it downloads', async () => {
    calls.length = 0;
    maxInFlight = 0;
    const rules = await loadRuleSet();
    const report = await scanCloudTrail(
      (sink) =>
        readS3(`s3://${BUCKET}/org-trail`, sink, {
          client,
          window,
          concurrency: 2,
          now: Date.parse('2026-05-04T12:00:00Z'),
        }),
      { window, rules, deliveries: true, now: Date.parse('2026-05-04T12:00:00Z') },
    );
    assert.deepEqual(report.source.regions, ['eu-west-1', 'us-east-1']);
    // 2 accounts × 2 regions × 4 hourly files, + the route file + the corrupt one.
    assert.equal(report.stats.files, 18);
    assert.equal(report.stats.events, 17);
    assert.equal(report.stats.malformed, 1);
    assert.match(
      report.malformedFiles[0]!.file,
      /^s3:\/\/trail-logs\/org-trail\/AWSLogs\/o-a1b2c3d4e5\/444455556666\/.*CORRUPT/,
    );
    assert.match(report.malformedFiles[0]!.reason, /truncated gzip|corrupt gzip/);
    const route = report.findings.find((f) => f.ruleSlug === 'default-route-changed');
    assert.equal(route?.eventId, 'route');

    const listings = calls.filter((c) => c.name === 'ListObjectsV2Command').map((c) => c.input);
    const dayListings = listings.filter((l) => !l.Delimiter);
    assert.equal(dayListings.length, 4, 'one day prefix per account and region');
    for (const l of dayListings) {
      assert.match(String(l.Prefix), /\/CloudTrail\/(eu-west-1|us-east-1)\/2026\/05\/04\/$/);
      assert.match(String(l.StartAfter), /_CloudTrail_(eu-west-1|us-east-1)_20260504T0800Z$/);
    }
    assert.ok(listings.every((l) => !String(l.Prefix).includes('CloudTrail-Digest')));
    const gets = calls.filter((c) => c.name === 'GetObjectCommand').map((c) => String(c.input.Key));
    assert.equal(gets.length, 18);
    assert.ok(gets.every((k) => k.includes('/2026/05/04/') && !k.includes('T0755Z')));
    assert.ok(maxInFlight <= 2, `at most 2 downloads at once (saw ${maxInFlight})`);
  });

  test('a prefix inside the layout (one account, one region) is honoured', async () => {
    calls.length = 0;
    const got: string[] = [];
    const summary = await readS3(
      `s3://${BUCKET}/org-trail/AWSLogs/${ORG}/${ACCOUNTS[1]}/CloudTrail/us-east-1/`,
      { record: (r) => void got.push(String(r.eventID)), fileDone: () => {}, fileSkipped: () => {} },
      { client, window },
    );
    assert.deepEqual(summary.regions, ['us-east-1']);
    assert.deepEqual(
      got.sort(),
      ['08', '09', '10', '11'].map((h) => `${ACCOUNTS[1]}-us-east-1-${h}`),
    );
  });

  test('--since all lists each region once, without day prefixes', async () => {
    const got: string[] = [];
    await readS3(
      `s3://${BUCKET}/org-trail/`,
      { record: (r) => void got.push(String(r.eventID)), fileDone: () => {}, fileSkipped: () => {} },
      { client, window: {} },
    );
    // Every file of every day: 2 accounts × 2 regions × 7, and the route file (the corrupt one has none).
    assert.equal(got.length, 2 * 2 * 7 + 1);
  });

  test('a bucket without AWSLogs/ and a missing bucket are input errors', async () => {
    const sink = { record: () => {}, fileDone: () => {}, fileSkipped: () => {} };
    await assert.rejects(
      readS3(`s3://${BUCKET}/nothing-here`, sink, { client, window }),
      /no AWSLogs\/ folder under s3:\/\/trail-logs\/nothing-here\//,
    );
    await assert.rejects(
      readS3('s3://no-such-bucket', sink, { client, window }),
      /cannot list s3:\/\/no-such-bucket\/: NoSuchBucket/,
    );
    assert.throws(() => parseS3Url('s3://'), /is not an S3 location/);
    assert.deepEqual(parseS3Url('s3://bkt/p'), { bucket: 'bkt', prefix: 'p/' });
  });
});
