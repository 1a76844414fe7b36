/**
 * One night chains to the next: actions/cloudtrail run on consecutive "nights" under the runner
 * harness, against a real S3-compatible server (s3rver on 127.0.0.1) and the stand-in GitHub API.
 * A log file CloudTrail delivers after the first night looked (named inside night 1, arriving
 * later) is read on night 2 thanks to the watermark carried in the issue; rows new since the last
 * report are marked; a closed issue is not reopened by a quiet night, only by one with findings.
 *
 * The action runs from its TypeScript source (a shim registers tsx) rather than the committed
 * bundle, so this test follows the source on a branch; test/cloudtrail/action.test.ts runs the bundle.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import { decodeState } from '../../shared/cloudtrail/state.ts';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';
import { repoRoot, withAction } from '../harness/runner.ts';

const BUCKET = 'trail-logs';
const ACCOUNT = '111122223333';
const D = Date.parse('2026-05-04T06:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const stamp = (ms: number) => iso(ms).replace(/[-:]/g, '').slice(0, 13) + 'Z';
const MIN = 60_000;
let n = 0;
const guid = () => `${(++n).toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const record = (ms: number, name: string, requestParameters: Record<string, unknown>): CloudTrailRecord => ({
  eventID: guid(),
  eventTime: iso(ms),
  eventName: name,
  eventSource: 'ec2.amazonaws.com',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.7',
  userAgent: 'aws-cli/2.15.30',
  recipientAccountId: ACCOUNT,
  requestParameters,
  userIdentity: { type: 'IAMUser', userName: 'alice', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT },
});
const deleteRoute = (ms: number) =>
  record(ms, 'DeleteRoute', { routeTableId: 'rtb-0a1b', destinationCidrBlock: '0.0.0.0/0' });
const openSsh = (ms: number) =>
  record(ms, 'AuthorizeSecurityGroupIngress', {
    groupId: 'sg-0123',
    ipPermissions: {},
    ipProtocol: 'tcp',
    fromPort: 22,
    toPort: 22,
    cidrIp: '0.0.0.0/0',
  });

describe('actions/cloudtrail night after night (watermark, new marks, issue lifecycle)', () => {
  let dir: string;
  let root: string;
  let server: S3rver;
  let client: S3Client;
  let endpoint: string;
  let api: GitHubApi;
  const put = (deliveredMs: number, records: CloudTrailRecord[], tag: string) =>
    client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1/${iso(deliveredMs).slice(0, 10).replaceAll('-', '/')}/${ACCOUNT}_CloudTrail_eu-west-1_${stamp(deliveredMs)}_${tag.padEnd(16, '0')}.json.gz`,
        Body: gzipSync(JSON.stringify({ Records: records })),
      }),
    );

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'telltale-nightly-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: path.join(dir, 's3'),
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    client = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    // The action from source: its action.yml, with `main` pointing at a shim that loads the TypeScript.
    root = path.join(dir, 'root');
    mkdirSync(path.join(root, 'actions', 'cloudtrail'), { recursive: true });
    const yml = readFileSync(path.join(repoRoot, 'actions', 'cloudtrail', 'action.yml'), 'utf8').replace(
      /main: .*/,
      'main: ./main.mjs',
    );
    writeFileSync(path.join(root, 'actions', 'cloudtrail', 'action.yml'), yml);
    const tsx = pathToFileURL(path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href;
    const main = pathToFileURL(path.join(repoRoot, 'actions', 'cloudtrail', 'main.ts')).href;
    writeFileSync(
      path.join(root, 'actions', 'cloudtrail', 'main.mjs'),
      `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(main)});\n`,
    );
    copyFileSync(path.join(repoRoot, 'package.json'), path.join(root, 'package.json'));
    // s3rver 3.7.1 lists a common prefix only when an object sits directly in it: write the zero-byte
    // "folder/" objects the S3 console creates (real S3 needs none; the source ignores them).
    const parts = `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1`.split('/');
    for (let i = 1; i <= parts.length; i++) {
      await client.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: `${parts.slice(0, i).join('/')}/`, Body: Buffer.alloc(0) }),
      );
    }
    api = await startGitHubApi();
    api.addToken('rw-token', { login: 'github-actions[bot]', access: 'write', installation: true });
  });
  after(async () => {
    await api?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const night = (start: number, workspace?: string) =>
    withAction(
      {
        action: 'cloudtrail',
        root,
        ...(workspace ? { workspace } : {}),
        token: 'rw-token',
        inputs: { source: `s3://${BUCKET}`, since: iso(start), until: iso(start + 24 * 60 * MIN), 'fail-on': 'never' },
        env: {
          GITHUB_API_URL: api.url,
          GITHUB_REPOSITORY: 'octo/infra',
          GITHUB_RUN_ID: '77',
          AWS_ENDPOINT_URL_S3: endpoint,
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
          AWS_REGION: 'us-east-1',
          AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
          AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
        event: { name: 'schedule', payload: {} },
        timeoutMs: 90_000,
      },
      (result) => {
        const main = result.main;
        const report = main.outputs.report
          ? (JSON.parse(readFileSync(main.outputs.report, 'utf8')) as Report)
          : undefined;
        return { main, report };
      },
    );
  interface Report {
    stats: { lateFiles: number; events: number };
    groups: { ruleSlug: string; new?: boolean; count: number }[];
    watermark?: string;
    previous?: { newGroups: number };
  }

  it('night 2 reads the file delivered late for night 1, marks only the new row, and updates the one issue', async () => {
    await put(D - 120 * MIN, [deleteRoute(D - 125 * MIN)], 'NIGHT1A');
    const first = await night(D - 24 * 60 * MIN);
    assert.equal(first.main.exitCode, 0, first.main.stdout + first.main.stderr);
    assert.deepEqual(
      first.report!.groups.map((g) => g.ruleSlug),
      ['default-route-changed'],
    );
    assert.ok(first.report!.watermark, 'a watermark is written');
    const issues = api.issues('octo/infra');
    assert.equal(issues.length, 1);
    assert.equal(decodeState(issues[0]!.body)?.watermark, first.report!.watermark, 'the issue carries the state');

    // S3 LastModified has one-second resolution: the late file must arrive visibly after night 1.
    await new Promise((r) => setTimeout(r, 1100));
    // Named (and written) inside night 1's window, but delivered after night 1 ran.
    await put(D - 10 * MIN, [openSsh(D - 14 * MIN)], 'LATE');
    await put(D + 120 * MIN, [deleteRoute(D + 118 * MIN)], 'NIGHT2A');

    const second = await night(D);
    assert.equal(second.main.exitCode, 0, second.main.stdout + second.main.stderr);
    const r = second.report!;
    assert.equal(r.stats.lateFiles, 1, 'the late file was read');
    const byRule = Object.fromEntries(r.groups.map((g) => [g.ruleSlug, g]));
    assert.equal(byRule['sg-open-world-admin-port']?.new, true, 'the late finding is new');
    assert.equal(byRule['default-route-changed']?.new, false, 'the same row as last night is not new');
    assert.equal(r.previous?.newGroups, 1);
    assert.match(second.main.summary, /🆕 \*\*1\*\* new since the last report/);
    const after2 = api.issues('octo/infra');
    assert.equal(after2.length, 1, 'still one issue, updated');
    assert.equal(api.comments('octo/infra', after2[0]!.number).length, 1);
    assert.ok(Date.parse(decodeState(after2[0]!.body)!.watermark!) > Date.parse(first.report!.watermark!));
  });

  it('once the issue is closed, a quiet night opens nothing; the next night with findings opens a new one', async () => {
    const [issue] = api.issues('octo/infra');
    issue!.state = 'closed';
    const quiet = await night(D + 24 * 60 * MIN);
    assert.equal(quiet.main.exitCode, 0, quiet.main.stdout + quiet.main.stderr);
    assert.equal(quiet.report!.groups.length, 0);
    assert.equal(api.issues('octo/infra').length, 1, 'no issue for a quiet night');
    assert.equal(api.issues('octo/infra')[0]!.state, 'closed');
    assert.ok(decodeState(api.issues('octo/infra')[0]!.body), 'the closed issue still carries the state');

    await put(D + 49 * 60 * MIN, [deleteRoute(D + 49 * 60 * MIN - 2 * MIN)], 'NIGHT4A');
    const busy = await night(D + 48 * 60 * MIN);
    assert.equal(busy.main.exitCode, 0, busy.main.stdout);
    const all = api.issues('octo/infra');
    assert.equal(all.length, 2, 'a night with findings opens a new issue');
    assert.equal(all.filter((i) => i.state === 'open').length, 1);
  });

  it('suppressions from .github/cloudtrail-suppressions.yml: a live entry hides, an expired one is annotated and reported', async () => {
    const workspace = path.join(dir, 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeFileSync(
      path.join(workspace, '.github', 'cloudtrail-suppressions.yml'),
      [
        'suppressions:',
        '  - rule: default-route-changed',
        `    principal: 'arn:aws:iam::${ACCOUNT}:user/alice'`,
        '    reason: alice rebuilds the lab VPC',
        "    owner: '@net-team'",
        '    expires: 2999-12-31',
        '  - rule: sg-open-world-admin-port',
        '    reason: the old bastion',
        "    owner: '@security'",
        '    expires: 2020-01-01',
      ].join('\n'),
    );
    // Night 1 again, now with the late file in place: DeleteRoute (suppressed) and the SSH opening (expired entry).
    const { main, report } = await night(D - 24 * 60 * MIN, workspace);
    assert.equal(main.exitCode, 0, main.stdout + main.stderr);
    assert.deepEqual(
      report!.groups.map((g) => g.ruleSlug),
      ['sg-open-world-admin-port'],
    );
    assert.match(main.summary, /🔕 \d+ event\(s\) suppressed by 1 entr\(ies\)/);
    assert.ok(
      main.annotations.some((a) => a.level === 'warning' && /suppression expired on 2020-01-01/.test(a.message)),
      JSON.stringify(main.annotations),
    );
  });
});
