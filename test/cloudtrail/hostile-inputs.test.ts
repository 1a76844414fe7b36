// Hostile and odd inputs to the CloudTrail sources: each gets a clear message naming the file, and
// the scan goes on with the rest (issue: "bounded in time and memory, whatever the input").
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { S3Client } from '@aws-sdk/client-s3';
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import { loadRuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { scanCloudTrail } from '../../shared/cloudtrail/scan.ts';
import { readLocal } from '../../shared/cloudtrail/sources/local.ts';
import { readS3 } from '../../shared/cloudtrail/sources/s3.ts';

const ACCOUNT = '111122223333';
const route = (id: string, extra: Record<string, unknown> = {}): CloudTrailRecord => ({
  eventID: id,
  eventTime: '2026-05-04T10:01:00Z',
  eventName: 'DeleteRoute',
  eventSource: 'ec2.amazonaws.com',
  awsRegion: 'eu-west-1',
  recipientAccountId: ACCOUNT,
  userAgent: 'aws-cli/2.15.30',
  requestParameters: { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', ...extra },
  userIdentity: { type: 'IAMUser', userName: 'alice', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT },
});

let root: string;
before(() => {
  root = mkdtempSync(path.join(tmpdir(), 'telltale-ct-hostile-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

async function scanFolder(dir: string) {
  const rules = await loadRuleSet();
  return scanCloudTrail((sink) => readLocal(dir, sink, { window: {} }), { window: {}, rules, deliveries: true });
}

describe('hostile local inputs', () => {
  test('a folder of symlinked CloudTrail files is read, and a dangling or device link is named, not silent', async () => {
    const store = path.join(root, 'store');
    const linked = path.join(root, 'linked');
    mkdirSync(store, { recursive: true });
    mkdirSync(linked, { recursive: true });
    writeFileSync(path.join(store, 'a.json.gz'), gzipSync(JSON.stringify({ Records: [route('a')] })));
    writeFileSync(path.join(store, 'b.json'), JSON.stringify({ Records: [route('b')] }));
    symlinkSync(path.join(store, 'a.json.gz'), path.join(linked, 'a.json.gz'));
    symlinkSync(path.join(store, 'b.json'), path.join(linked, 'b.json'));
    symlinkSync(path.join(store, 'gone.json'), path.join(linked, 'gone.json'));
    symlinkSync('/dev/zero', path.join(linked, 'zero.json'));
    symlinkSync(linked, path.join(linked, 'loop'));
    const report = await scanFolder(linked);
    assert.equal(report.stats.events, 2, 'both linked files were read');
    assert.equal(report.findings.filter((f) => f.ruleSlug === 'default-route-changed').length, 2);
    const problems = Object.fromEntries(report.malformedFiles.map((m) => [path.basename(m.file), m.reason]));
    assert.match(problems['gone.json'] ?? '', /broken symbolic link \(ENOENT\)/);
    assert.match(problems['zero.json'] ?? '', /device, pipe or socket/);
  });

  test('a NUL-filled file is a clear error naming it, and the next file is still read', async () => {
    const dir = path.join(root, 'nul');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a-zeros.json'), Buffer.alloc(1 << 20));
    writeFileSync(path.join(dir, 'b-zeros.json.gz'), gzipSync(Buffer.alloc(1 << 20)));
    writeFileSync(path.join(dir, 'c-good.json'), JSON.stringify({ Records: [route('c')] }));
    const report = await scanFolder(dir);
    assert.equal(report.stats.events, 1);
    assert.equal(report.malformedFiles.length, 2);
    for (const m of report.malformedFiles) assert.match(m.reason, /not CloudTrail JSON: unexpected '\\x00' at byte 0/);
  });

  test("deeply nested JSON keeps the record's finding (the deep part is left out with a note)", async () => {
    const dir = path.join(root, 'deep');
    mkdirSync(dir, { recursive: true });
    const depth = 100_000;
    const deep = `{"Records":[${JSON.stringify(route('deep')).replace(
      /}}$/,
      `,"junk":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    )},${JSON.stringify(route('after'))}]}`;
    writeFileSync(path.join(dir, 'deep.json'), deep);
    const report = await scanFolder(dir);
    assert.deepEqual(report.malformedFiles, []);
    assert.deepEqual(
      report.findings.map((f) => f.eventId).sort(),
      ['after', 'deep'],
      'the deep record and the one after it both have their finding',
    );
  });
});

describe('a hostile S3 listing', () => {
  let server: Server;
  let pages = 0;
  before(async () => {
    // Speaks just enough ListObjectsV2 (S3 API Reference, "ListObjectsV2": XML ListBucketResult) to
    // hand out the same continuation token forever.
    server = createServer((req, res) => {
      pages++;
      const url = new URL(req.url ?? '/', 'http://x');
      const prefix = url.searchParams.get('prefix') ?? '';
      const xml = (body: string) =>
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>${prefix}</Prefix>${body}</ListBucketResult>`;
      res.setHeader('content-type', 'application/xml');
      if (url.searchParams.get('delimiter') === '/') {
        res.end(
          xml(
            `<IsTruncated>true</IsTruncated><NextContinuationToken>same</NextContinuationToken><CommonPrefixes><Prefix>${prefix}AWSLogs/</Prefix></CommonPrefixes>`,
          ),
        );
        return;
      }
      res.end(xml('<IsTruncated>false</IsTruncated>'));
    }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  test('a listing that repeats its continuation token ends with a note, not a loop', async () => {
    const client = new S3Client({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    const rules = await loadRuleSet();
    const report = await scanCloudTrail((sink) => readS3('s3://trail-logs', sink, { client, window: {} }), {
      window: {},
      rules,
      deliveries: true,
    });
    assert.ok(pages < 50, `bounded: ${pages} pages`);
    assert.ok(
      report.source.notes.some((n) => /repeated a continuation token/.test(n)),
      report.source.notes.join('; '),
    );
  });
});
