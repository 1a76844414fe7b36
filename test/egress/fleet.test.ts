// The fleet's egress: reports published as NDJSON rows under repository=…/date=…/ to a local folder
// and to a real S3-compatible server (s3rver); every fleet question gives the same answer from the
// folder (streaming engine) and through the Athena stand-in (the real Athena client, DuckDB over
// the s3rver objects), and the Athena query reads only the days the question needs.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AthenaClient } from '@aws-sdk/client-athena';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { fleetFromFolder, fleetOnAthena, questionDays } from '../../shared/egress/fleet/fleet.ts';
import { publishReports } from '../../shared/egress/fleet/publish.ts';
import type { Question } from '../../shared/egress/fleet/questions.ts';
import { egressDdl } from '../../shared/egress/fleet/rows.ts';
import { InputError } from '../../shared/util/errors.ts';
import { startAthenaStandIn, type AthenaStandIn } from '../harness/athena-standin.ts';
import { runCli } from '../../cli/program.ts';
import { capture } from '../cloudtrail/helpers.ts';

const BUCKET = 'fleet-egress';
const NOW = Date.parse('2026-05-11T00:00:00Z');
const SINCE = NOW - 7 * 86_400_000;
const HISTORY = NOW - 90 * 86_400_000;

let dir: string;
let folder: string;
let s3server: S3rver;
let s3: S3Client;
let athena: AthenaStandIn;
let client: AthenaClient;

const endpoint = (host: string, time: string, addresses: string[], connections = 1) => ({
  host,
  port: 443,
  transport: 'tcp',
  protocol: 'https',
  addresses,
  namedBy: 'sni',
  firstSeen: time,
  lastSeen: time,
  connections,
  failed: 0,
  bytes: 1000,
  steps: ['Run npm ci'],
});

// octo/app on the 1st: GitHub and npm; on the 10th also a new host. octo/lib starts on the 10th.
const reports: { repository: string; run: string; endpoints: ReturnType<typeof endpoint>[] }[] = [
  {
    repository: 'octo/app',
    run: '101',
    endpoints: [
      endpoint('api.github.com', '2026-05-01T10:00:00Z', ['140.82.112.6']),
      endpoint('registry.npmjs.org', '2026-05-01T10:00:05Z', ['104.16.1.35'], 3),
    ],
  },
  {
    repository: 'octo/app',
    run: '202',
    endpoints: [
      endpoint('api.github.com', '2026-05-10T10:00:00Z', ['140.82.112.6']),
      endpoint('registry.npmjs.org', '2026-05-10T10:00:05Z', ['104.16.1.35'], 2),
      endpoint('exfil.example', '2026-05-10T10:00:09Z', ['203.0.113.9']),
    ],
  },
  {
    repository: 'octo/lib',
    run: '303',
    endpoints: [
      endpoint('registry.npmjs.org', '2026-05-10T11:00:00Z', ['104.16.1.35']),
      endpoint('files.pythonhosted.org', '2026-05-10T11:00:02Z', ['151.101.0.223']),
    ],
  },
];

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'telltale-fleet-'));
  folder = path.join(dir, 'fleet');
  s3server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(dir, 's3'),
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
  const put = async (bucket: string, key: string, body: string) => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  };
  for (const r of reports) {
    const file = path.join(dir, `report-${r.run}.json`);
    writeFileSync(file, JSON.stringify({ job: 'build', endpoints: r.endpoints }));
    const who = { repository: r.repository, workflow: 'ci.yml', run: r.run };
    await publishReports({ reports: [file], to: folder, who });
    await publishReports({ reports: [file], to: `s3://${BUCKET}/egress`, who, put });
  }
  athena = await startAthenaStandIn();
  await athena.addTable(egressDdl('fleet.egress', `s3://${BUCKET}/egress`), s3);
  client = new AthenaClient({
    endpoint: athena.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'STANDIN', secretAccessKey: 'STANDIN' },
  });
});

after(async () => {
  client?.destroy();
  await athena?.close();
  await s3server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function both(question: Question) {
  const days = questionDays(question, SINCE, HISTORY, NOW);
  const local = await fleetFromFolder(folder, question, days);
  const { answer, query } = await fleetOnAthena(question, days, {
    client,
    target: { workgroup: 'primary', database: 'fleet' },
    table: 'fleet.egress',
    timeoutMs: 30_000,
  });
  assert.deepEqual(answer, local, 'the same answer from the folder and through Athena');
  const read = athena.queries.find((q) => q.id === query.id)!;
  assert.ok(read.sql.includes(`"date" IN ('${days[0]}'`), read.sql);
  return { local, read };
}

describe('the fleet’s egress, from a folder and on Athena', () => {
  test('publish writes one row per endpoint under repository=…/date=…/', () => {
    const text = readFileSync(
      path.join(folder, 'repository=octo%2Fapp', 'date=2026-05-10', '202-build.json'),
      'utf8',
    ).trim();
    const rows = text.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(rows.length, 3);
    assert.deepEqual(
      { ...rows[2], addresses: undefined },
      {
        repository: 'octo/app',
        workflow: 'ci.yml',
        job: 'build',
        run: '202',
        step: 'Run npm ci',
        host: 'exfil.example',
        port: 443,
        protocol: 'https',
        addresses: undefined,
        time: '2026-05-10T10:00:09Z',
        connections: 1,
        bytes: 1000,
      },
    );
  });

  test('which repositories reach a host, or an address in a CIDR', async () => {
    const { local, read } = await both({ kind: 'reach', target: 'registry.npmjs.org' });
    assert.deepEqual(
      local.map((r) => r.repository),
      ['octo/app', 'octo/lib'],
    );
    assert.deepEqual(read.partitionsRead['fleet.egress.date'], ['2026-05-10'], 'only the week was read');
    const cidr = await both({ kind: 'reach', target: '203.0.113.0/24' });
    assert.deepEqual(cidr.local, [
      { repository: 'octo/app', endpoints: 'exfil.example:443/https', runs: 1, lastSeen: '2026-05-10T10:00:09Z' },
    ]);
  });

  test('endpoints first seen this week across the org', async () => {
    const { local, read } = await both({ kind: 'new', since: SINCE });
    assert.deepEqual(
      local.map((r) => r.endpoint),
      ['exfil.example:443/https', 'files.pythonhosted.org:443/https'],
    );
    assert.deepEqual(read.partitionsRead['fleet.egress.date'], ['2026-05-01', '2026-05-10'], 'history is read');
  });

  test('repositories whose egress grew, and the top endpoints', async () => {
    const grown = await both({ kind: 'grown', since: Date.parse('2026-05-06T00:00:00Z'), now: NOW });
    assert.deepEqual(
      grown.local.map((r) => [r.repository, r.before, r.after]),
      [
        ['octo/lib', 0, 2],
        ['octo/app', 2, 3],
      ],
    );
    const top = await both({ kind: 'top', limit: 2 });
    assert.deepEqual(top.local[0], { endpoint: 'registry.npmjs.org:443/https', repositories: 2, connections: 3 });
  });

  test('a bad target or repository is an input error', async () => {
    await assert.rejects(both({ kind: 'reach', target: '300.1.1.1/8' }), InputError);
    await assert.rejects(
      publishReports({
        reports: [path.join(dir, 'report-101.json')],
        to: folder,
        who: { repository: 'no slash', workflow: 'w', run: '1' },
      }),
      InputError,
    );
  });

  test('`telltale egress publish` and `telltale egress fleet` print the same answer from either engine', async () => {
    const cliFolder = path.join(dir, 'cli-fleet');
    const pub = capture();
    const files = reports.filter((r) => r.repository === 'octo/app').map((r) => path.join(dir, `report-${r.run}.json`));
    assert.equal(
      await runCli(
        [
          'egress',
          'publish',
          ...files,
          '--to',
          cliFolder,
          '--repository',
          'octo/app',
          '--workflow',
          'ci.yml',
          '--run',
          '9',
        ],
        pub.io,
      ),
      0,
      pub.out.stderr,
    );
    const ask = ['egress', 'fleet', '--reach', '*.npmjs.org', '--since', '2026-04-01T00:00:00Z'];
    const local = capture();
    assert.equal(await runCli([...ask, '--folder', folder], local.io), 0, local.out.stderr);
    const env = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_ATHENA: athena.url,
      AWS_ACCESS_KEY_ID: 'STANDIN',
      AWS_SECRET_ACCESS_KEY: 'STANDIN',
      AWS_REGION: 'us-east-1',
    });
    try {
      const remote = capture();
      const code = await runCli(
        [
          ...ask,
          '--engine',
          'athena',
          '--athena-workgroup',
          'primary',
          '--athena-database',
          'fleet',
          '--athena-table',
          'egress',
        ],
        remote.io,
      );
      assert.equal(code, 0, remote.out.stderr);
      assert.equal(remote.out.stdout, local.out.stdout);
      assert.match(local.out.stdout, /\| octo\/app \|/);
      assert.match(local.out.stdout, /\| octo\/lib \|/);
    } finally {
      for (const k of ['AWS_ENDPOINT_URL_ATHENA', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'])
        if (env[k] === undefined) delete process.env[k];
        else process.env[k] = env[k];
    }
    const bad = capture();
    assert.equal(await runCli(['egress', 'fleet', '--new', '--top', '3', '--folder', folder], bad.io), 2);
  });
});
