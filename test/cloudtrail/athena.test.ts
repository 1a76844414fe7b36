// The Athena engine against the Athena stand-in (test/harness/athena-standin.ts): the real
// @aws-sdk/client-athena over HTTP, the real SQL run by DuckDB over the objects of a real
// S3-compatible server (s3rver), real paging. On the same CloudTrail tree the Athena engine and the
// streaming engine must give the same findings; every query must name only the window's days.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { AthenaClient } from '@aws-sdk/client-athena';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { scanOnAthena } from '../../shared/cloudtrail/athena/engine.ts';
import { cloudTrailDdl } from '../../shared/cloudtrail/athena/table.ts';
import type { CloudTrailReport } from '../../shared/cloudtrail/model/report.ts';
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import { loadRuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { scanCloudTrail } from '../../shared/cloudtrail/scan.ts';
import { readLocal } from '../../shared/cloudtrail/sources/local.ts';
import { parseWindow } from '../../shared/cloudtrail/window.ts';
import { InputError } from '../../shared/util/errors.ts';
import { startAthenaStandIn, translate, type AthenaStandIn } from '../harness/athena-standin.ts';
import { repoRoot } from '../harness/runner.ts';
import { runCli } from '../../cli/program.ts';
import { capture } from './helpers.ts';

const BUCKET = 'trail-logs';
const ORG = 'o-a1b2c3d4e5';
const ACCOUNTS = ['111122223333', '444455556666'];
const REGIONS = ['eu-west-1', 'us-east-1'];
const TABLE = 'security.cloudtrail';
const NOW = Date.parse('2026-05-05T06:00:00Z');
const window = parseWindow('2026-05-04T00:00:00Z', '2026-05-05T00:00:00Z', NOW);
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'cloudtrail', 'rules');

let dir: string;
let localTree: string;
let s3server: S3rver;
let s3: S3Client;
let athena: AthenaStandIn;
let client: AthenaClient;

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
async function putFile(records: CloudTrailRecord[], n: number): Promise<void> {
  const first = records[0]!;
  const account = String(first.recipientAccountId ?? ACCOUNTS[0]);
  const region = String(first.awsRegion ?? REGIONS[0]);
  const t = Date.parse(String(first.eventTime));
  const delivered = t + 5 * 60_000;
  const day = new Date(delivered).toISOString().slice(0, 10).replace(/-/g, '/');
  const key = `org-trail/AWSLogs/${ORG}/${account}/CloudTrail/${region}/${day}/${account}_CloudTrail_${region}_${stamp(delivered)}_${String(n).padStart(6, '0')}.json.gz`;
  const body = gzipSync(JSON.stringify({ Records: records }));
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  // The same tree as a local copy (`aws s3 sync`), for the streaming engine.
  mkdirSync(path.dirname(path.join(localTree, key)), { recursive: true });
  writeFileSync(path.join(localTree, key), body);
}

function athenaClient(): AthenaClient {
  return new AthenaClient({
    endpoint: athena.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'STANDIN', secretAccessKey: 'STANDIN' },
    retryMode: 'adaptive',
    maxAttempts: 5,
  });
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'telltale-athena-s3-'));
  localTree = mkdtempSync(path.join(tmpdir(), 'telltale-athena-tree-'));
  s3server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await s3server.run();
  s3 = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  // Every built-in rule's fixtures, one file per fixture and polarity, in the trail's own layout.
  let n = 0;
  for (const file of readdirSync(fixtures).sort()) {
    const fixture = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as {
      positive: CloudTrailRecord[];
      negative: CloudTrailRecord[];
    };
    for (const records of [fixture.positive, fixture.negative]) if (records.length) await putFile(records, n++);
    // The same attacks two days earlier: outside the window, in a partition no query may read.
    const early = fixture.positive.map((r, i) => ({
      ...r,
      eventID: `early-${file}-${i}`,
      eventTime: String(r.eventTime).replace('2026-05-04', '2026-05-02'),
    }));
    if (early.length) await putFile(early, n++);
  }
  athena = await startAthenaStandIn();
  await athena.addTable(
    cloudTrailDdl({
      table: TABLE,
      bucket: `s3://${BUCKET}/org-trail`,
      org: ORG,
      accounts: ACCOUNTS,
      regions: REGIONS,
      since: '2026/01/01',
    }),
    s3,
  );
  client = athenaClient();
});

after(async () => {
  client?.destroy();
  await athena?.close();
  await s3server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (localTree) rmSync(localTree, { recursive: true, force: true });
});

async function streaming(): Promise<CloudTrailReport> {
  return scanCloudTrail((sink) => readLocal(path.join(localTree, 'org-trail'), sink, { window, concurrency: 4 }), {
    window,
    rules: await loadRuleSet(),
    deliveries: true,
    now: NOW,
  });
}

// Findings of equal rank keep the order records arrived in, which differs between engines (and
// between streaming runs reading files in parallel): compared as sorted lists.
const findingsOf = (r: CloudTrailReport) =>
  r.findings
    .map((f) => JSON.stringify(f, null, 1))
    .sort()
    .join('\n');

describe('cloudtrail on Athena (stand-in)', () => {
  test('the Athena engine and the streaming engine give the same findings on the same tree', async () => {
    const before = athena.queries.length;
    const stream = await streaming();
    const { report, figures } = await scanOnAthena({
      client,
      target: { workgroup: 'primary', database: 'security' },
      table: TABLE,
      rules: await loadRuleSet(),
      window,
      timeoutMs: 30_000,
      pageSize: 7,
      now: NOW,
    });
    assert.ok(
      stream.findings.length >= 40,
      `the fixtures make findings (${stream.findings.length}) ${JSON.stringify(stream.stats)} ${stream.source.notes.join(';')}`,
    );
    assert.equal(findingsOf(report), findingsOf(stream));
    assert.deepEqual(
      report.actors.map((a) => JSON.stringify(a)).sort(),
      stream.actors.map((a) => JSON.stringify(a)).sort(),
    );
    assert.deepEqual(report.health.trailChanges, stream.health.trailChanges);
    // Two queries, the rule set as one pre-filter: fewer rows come back than the window holds.
    assert.equal(athena.queries.length - before, 2);
    assert.equal(figures.windowRecords, stream.stats.records - stream.stats.outsideWindow);
    assert.ok(figures.candidateRows < figures.windowRecords, `${figures.candidateRows} < ${figures.windowRecords}`);
    assert.ok(figures.queries[1]!.pages > 1, 'the candidates came back over several pages');
    assert.equal(report.source.kind, 'athena');
    assert.ok(
      report.source.notes.some((n) => /scanned, about \$/.test(n)),
      report.source.notes.join('\n'),
    );
    assert.ok(report.source.notes.some((n) => /correlation judged in process/.test(n)));
  });

  test('every query names only the window’s day partitions, and reads only them', async () => {
    const days = "\"timestamp\" IN ('2026/05/04', '2026/05/05')";
    const ours = athena.queries.filter((q) => q.sql.includes(TABLE));
    assert.ok(ours.length >= 2, 'the scan ran its queries');
    for (const q of ours) {
      assert.ok(q.sql.includes(days), q.sql.slice(0, 300));
      assert.deepEqual(q.partitionsRead[`${TABLE}.timestamp`], ['2026/05/04']);
      assert.ok(!q.sql.includes('2026/05/02'));
      assert.ok(q.bytesScanned > 0);
    }
  });

  test('the table definition projects account, region and day over the documented layout', () => {
    const ddl = cloudTrailDdl({
      table: TABLE,
      bucket: `s3://${BUCKET}/org-trail`,
      org: ORG,
      accounts: ACCOUNTS,
      regions: REGIONS,
      since: '2026/01/01',
    });
    assert.match(
      ddl,
      /'storage\.location\.template'='s3:\/\/trail-logs\/org-trail\/AWSLogs\/o-a1b2c3d4e5\/\$\{account\}\/CloudTrail\/\$\{region\}\/\$\{timestamp\}'/,
    );
    assert.match(ddl, /'projection\.timestamp\.format'='yyyy\/MM\/dd'/);
    assert.match(ddl, /PARTITIONED BY \(account STRING, region STRING, `timestamp` STRING\)/);
    assert.throws(
      () => cloudTrailDdl({ table: 'x', bucket: 's3://b', accounts: [], regions: REGIONS, since: '2026/01/01' }),
      InputError,
    );
  });

  test('a failed query is an error naming its state and reason', async () => {
    athena.failNext(1, "TABLE_NOT_FOUND: Table 'security.cloudtrail' does not exist");
    await assert.rejects(
      scanOnAthena({
        client,
        target: { workgroup: 'primary', database: 'security' },
        table: TABLE,
        rules: await loadRuleSet(),
        window,
        timeoutMs: 30_000,
        now: NOW,
      }),
      (e: Error) => e instanceof InputError && /failed: TABLE_NOT_FOUND/.test(e.message),
    );
  });

  test('a query past the timeout is stopped and reported; throttling is retried', async () => {
    athena.throttleNext(2);
    athena.holdNext(1, 60_000);
    await assert.rejects(
      scanOnAthena({
        client,
        target: { workgroup: 'primary', database: 'security' },
        table: TABLE,
        rules: await loadRuleSet(),
        window,
        timeoutMs: 600,
        now: NOW,
      }),
      (e: Error) => e instanceof InputError && /did not finish within/.test(e.message),
    );
    assert.equal(athena.queries.at(-1)!.state, 'CANCELLED', 'the query was stopped');
    assert.ok(athena.requests.includes('AmazonAthena.StopQueryExecution'));
  });

  test('a window open at the start cannot run on Athena', async () => {
    await assert.rejects(
      scanOnAthena({
        client,
        target: { workgroup: 'primary', database: 'security' },
        table: TABLE,
        rules: await loadRuleSet(),
        window: {},
        timeoutMs: 1000,
      }),
      InputError,
    );
  });

  test('the stand-in translates only Trino functions DuckDB lacks, never inside strings', () => {
    assert.equal(
      translate("any_match(resources, r -> r.arn = 'any_match(x)') AND transform(a, x -> x)"),
      "(len(list_filter(resources, r -> r.arn = 'any_match(x)')) > 0) AND list_transform(a, x -> x)",
    );
  });

  test('`telltale cloudtrail scan --engine athena` reports what the local scan reports', async () => {
    const env = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_ATHENA: athena.url,
      AWS_ACCESS_KEY_ID: 'STANDIN',
      AWS_SECRET_ACCESS_KEY: 'STANDIN',
      AWS_REGION: 'us-east-1',
    });
    try {
      const window = ['--since', '2026-05-04T00:00:00Z', '--until', '2026-05-05T00:00:00Z', '--format', 'json'];
      const onAthena = capture();
      const code = await runCli(
        [
          'cloudtrail',
          'scan',
          '--engine',
          'athena',
          '--athena-workgroup',
          'primary',
          '--athena-database',
          'security',
          '--athena-table',
          'cloudtrail',
          ...window,
        ],
        onAthena.io,
      );
      assert.equal(code, 0, onAthena.out.stderr);
      const local = capture();
      assert.equal(
        await runCli(['cloudtrail', 'scan', '--source', path.join(localTree, 'org-trail'), ...window], local.io),
        0,
      );
      const a = JSON.parse(onAthena.out.stdout) as CloudTrailReport;
      const b = JSON.parse(local.out.stdout) as CloudTrailReport;
      assert.equal(findingsOf(a), findingsOf(b));
      assert.equal(a.source.kind, 'athena');
    } finally {
      for (const k of ['AWS_ENDPOINT_URL_ATHENA', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'])
        if (env[k] === undefined) delete process.env[k];
        else process.env[k] = env[k];
    }
  });

  test('`telltale cloudtrail athena-ddl` prints the table; bad input is an input error', async () => {
    const ok = capture();
    const args = [
      'cloudtrail',
      'athena-ddl',
      '--bucket',
      's3://trail-logs/org-trail',
      '--org',
      ORG,
      '--accounts',
      ACCOUNTS.join(','),
    ];
    assert.equal(await runCli(args, ok.io), 0);
    assert.match(ok.out.stdout, /^CREATE EXTERNAL TABLE default\.cloudtrail_logs \(/);
    assert.match(ok.out.stdout, /'projection\.region\.values'='us-east-1,/);
    const bad = capture();
    assert.equal(await runCli([...args.slice(0, -1), '12345'], bad.io), 2);
    assert.match(bad.out.stderr, /12-digit/);
  });
});
