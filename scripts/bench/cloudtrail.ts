/**
 * CloudTrail scan throughput and memory against the way people grep trails by hand:
 *
 *   zcat … | jq -c '.Records[] | select(.eventName=="DeleteRoute")'
 *
 * on the same generated tree (~1 GB of uncompressed records in .json.gz files, in CloudTrail's S3
 * layout, 4 regions of ~250 MB). telltale runs every built-in rule (43) with deduplication, log
 * health and the report; jq runs one filter. Peak RSS is measured on one region (~250 MB) and on
 * all four (~1 GB): a streaming scan should stay flat. Everything is deleted afterwards.
 *
 * A second shape is what real trails deliver most: thousands of small files (CloudTrail writes a
 * file per account, region and ~5 minutes, often with a few dozen records). ~4,000 files of 20
 * records are scanned the same way and compared with the same zcat | jq pipeline, so the per-file
 * cost shows.
 *
 *   npm run bench -- cloudtrail            (TELLTALE_BENCH_MB=200 for a quicker, smaller run;
 *                                           TELLTALE_BENCH_SMALL_FILES=4000 for the small-file tree;
 *                                           TELLTALE_BENCH_KEEP=1 keeps the trees and prints where)
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { OTHER_RUNTIMES_HINT, runtimes } from '../lib/runtimes.ts';

const run = promisify(execFile);
const TOTAL_MB = Number(process.env.TELLTALE_BENCH_MB ?? 1024);
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const ACCOUNT = '111122223333';
const RECORDS_PER_FILE = 2000;
const SMALL_FILES = Number(process.env.TELLTALE_BENCH_SMALL_FILES ?? 4000);
const RECORDS_PER_SMALL_FILE = 20;

let seed = 7;
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const NAMES: [string, string][] = [
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['sts.amazonaws.com', 'AssumeRole'],
  ['kms.amazonaws.com', 'Decrypt'],
  ['s3.amazonaws.com', 'GetBucketAcl'],
  ['ec2.amazonaws.com', 'CreateTags'],
  ['iam.amazonaws.com', 'GetRole'],
  ['ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress'],
  ['ec2.amazonaws.com', 'DeleteRoute'],
  ['cloudtrail.amazonaws.com', 'LookupEvents'],
  ['lambda.amazonaws.com', 'UpdateFunctionCode20150331v2'],
];

function record(region: string, time: string, i: number): Record<string, unknown> {
  const [source, name] = NAMES[i % 997 === 0 ? 7 : i % 499 === 0 ? 6 : Math.floor(rand() * 6)]!;
  return {
    eventVersion: '1.10',
    userIdentity: {
      type: 'AssumedRole',
      principalId: `AROAEXAMPLE${hex(8).toUpperCase()}:gha-${i}`,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/gha-${i % 50}`,
      accountId: ACCOUNT,
      accessKeyId: `ASIA${hex(16).toUpperCase()}`,
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: 'AROAEXAMPLEDEPLOY',
          arn: `arn:aws:iam::${ACCOUNT}:role/Deploy`,
          accountId: ACCOUNT,
          userName: 'Deploy',
        },
        attributes: { creationDate: time, mfaAuthenticated: 'false' },
      },
    },
    eventTime: time,
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: `198.51.100.${i % 250}`,
    userAgent: 'aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.171.0',
    requestParameters:
      name === 'DeleteRoute'
        ? { routeTableId: `rtb-${hex(17)}`, destinationCidrBlock: i % 2 ? '0.0.0.0/0' : '10.1.0.0/16' }
        : name === 'AuthorizeSecurityGroupIngress'
          ? {
              groupId: `sg-${hex(17)}`,
              ipPermissions: {
                items: [
                  {
                    ipProtocol: 'tcp',
                    fromPort: 443,
                    toPort: 443,
                    ipRanges: { items: [{ cidrIp: i % 2 ? '0.0.0.0/0' : '10.0.0.0/8' }] },
                  },
                ],
              },
            }
          : {
              filterSet: { items: [{ name: 'tag:team', valueSet: { items: [{ value: 'platform' }] } }] },
              maxResults: 1000,
              instancesSet: {},
            },
    responseElements: null,
    requestID: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
    eventID: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
    readOnly: name.startsWith('Describe') || name.startsWith('Get'),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `${source.split('.')[0]}.${region}.amazonaws.com`,
    },
  };
}

/** The bundled CLI users run (BENCH_CLI overrides), its wall time and peak RSS from GNU time. */
const cliPath = process.env.BENCH_CLI ?? path.join(process.cwd(), 'dist', 'cli', 'index.js');
async function peakRss(
  args: string[],
  node = process.execPath,
  nodeFlags: string[] = [],
): Promise<{ ms: number; rssMb: number; out: string }> {
  const t0 = performance.now();
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'RSS %M', node, ...nodeFlags, cliPath, ...args], {
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  const rss = Number(/RSS (\d+)/.exec(stderr)?.[1] ?? NaN);
  return { ms, rssMb: rss / 1024, out: stdout.slice(0, 200) };
}

/** Three alternating runs of telltale and the reference; the medians. */
async function alternate(
  ours: () => Promise<{ ms: number; rssMb: number; out: string }>,
  reference: () => Promise<number>,
): Promise<{ ours: { ms: number; rssMb: number; out: string }; referenceMs: number }> {
  const a: { ms: number; rssMb: number; out: string }[] = [];
  const b: number[] = [];
  for (let i = 0; i < 3; i++) {
    a.push(await ours());
    b.push(await reference());
  }
  a.sort((x, y) => x.ms - y.ms);
  b.sort((x, y) => x - y);
  return { ours: a[1]!, referenceMs: b[1]! };
}

const jqCount = async (tree: string): Promise<{ ms: number; matches: string }> => {
  const t0 = performance.now();
  const { stdout } = await run(
    'bash',
    [
      '-c',
      `find "$1" -name '*.json.gz' -print0 | sort -z | xargs -0 zcat | jq -c '.Records[] | select(.eventName=="DeleteRoute")' | wc -l`,
      'bench',
      tree,
    ],
    { maxBuffer: 1 << 20 },
  );
  return { ms: performance.now() - t0, matches: stdout.trim() };
};

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-bench-cloudtrail-'));
try {
  const g0 = performance.now();
  let bytes = 0;
  let compressed = 0;
  let files = 0;
  const perRegion = (TOTAL_MB * 1024 * 1024) / REGIONS.length;
  for (const region of REGIONS) {
    const day = path.join(dir, 'AWSLogs', ACCOUNT, 'CloudTrail', region, '2026', '05', '04');
    mkdirSync(day, { recursive: true });
    let regionBytes = 0;
    for (let f = 0; regionBytes < perRegion; f++) {
      const minute = f % 1440;
      const hh = String(Math.floor(minute / 60)).padStart(2, '0');
      const mm = String(minute % 60).padStart(2, '0');
      const records = Array.from({ length: RECORDS_PER_FILE }, (_, i) =>
        record(region, `2026-05-04T${hh}:${mm}:${String(i % 60).padStart(2, '0')}Z`, f * RECORDS_PER_FILE + i),
      );
      const text = JSON.stringify({ Records: records });
      const gz = gzipSync(text);
      writeFileSync(
        path.join(day, `${ACCOUNT}_CloudTrail_${region}_20260504T${hh}${mm}Z_${hex(16).toUpperCase()}.json.gz`),
        gz,
      );
      regionBytes += text.length;
      bytes += text.length;
      compressed += gz.length;
      files++;
    }
  }
  const genS = (performance.now() - g0) / 1000;
  const mb = bytes / 1024 / 1024;

  const small = path.join(dir, 'AWSLogs', ACCOUNT, 'CloudTrail', REGIONS[0]!);
  const cli = (source: string) => [
    'cloudtrail',
    'scan',
    '--source',
    source,
    '--since',
    'all',
    '--format',
    'json',
    '--output',
    path.join(dir, 'report.json'),
  ];
  const one = await peakRss(cli(small));
  let jqMatches = '';
  const large = await alternate(
    () => peakRss(cli(dir)),
    async () => {
      const r = await jqCount(path.join(dir, 'AWSLogs'));
      jqMatches = r.matches;
      return r.ms;
    },
  );
  const all = large.ours;
  const jqMs = large.referenceMs;
  const report = JSON.parse((await import('node:fs')).readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
    stats: { events: number; findings: number };
  };
  // Peak RSS is mostly how far V8 lets its heap grow before collecting; what the scan *keeps* shows
  // when the heap is capped: a scan whose state grew with its events would die of OOM here.
  const CAP_MB = 48;
  const capped = async (source: string) =>
    peakRss(cli(source), process.execPath, [`--max-old-space-size=${CAP_MB}`]).then(
      (r) => `completes (${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB)`,
      (error: { stderr?: string; message: string }) =>
        /heap limit|Allocation failed|signal 6/.test(error.stderr ?? '')
          ? 'runs out of memory'
          : `fails: ${(error.stderr || error.message).trim().split('\n')[0]}`,
    );
  const cappedOne = await capped(small);
  const cappedAll = await capped(dir);

  // The small-file shape: one account, 4 regions, a file every 5 minutes for as many days as it takes.
  const smallDir = path.join(dir, 'small');
  let smallBytes = 0;
  for (let f = 0; f < SMALL_FILES; f++) {
    const region = REGIONS[f % REGIONS.length]!;
    const slot = Math.floor(f / REGIONS.length);
    const t = Date.parse('2026-05-04T00:00:00Z') + slot * 5 * 60_000;
    const iso = new Date(t).toISOString();
    const day = path.join(
      smallDir,
      'AWSLogs',
      ACCOUNT,
      'CloudTrail',
      region,
      iso.slice(0, 4),
      iso.slice(5, 7),
      iso.slice(8, 10),
    );
    mkdirSync(day, { recursive: true });
    const records = Array.from({ length: RECORDS_PER_SMALL_FILE }, (_, i) =>
      record(
        region,
        new Date(t - (i + 1) * 10_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        f * RECORDS_PER_SMALL_FILE + i,
      ),
    );
    const text = JSON.stringify({ Records: records });
    smallBytes += text.length;
    const stampText = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
    writeFileSync(
      path.join(day, `${ACCOUNT}_CloudTrail_${region}_${stampText}_${hex(16).toUpperCase()}.json.gz`),
      gzipSync(text),
    );
  }
  let smallMatches = '';
  const smallArgs = ['cloudtrail', 'scan', '--source', smallDir, '--since', 'all', '--format', 'json', '--output', path.join(dir, 'small-report.json')]; // prettier-ignore
  const smallPair = await alternate(
    () => peakRss(smallArgs),
    async () => {
      const r = await jqCount(smallDir);
      smallMatches = r.matches;
      return r.ms;
    },
  );
  const smallRun = smallPair.ours;
  const smallJqMs = smallPair.referenceMs;
  // The same two shapes under the other runtimes telltale is used on (scripts/lib/runtimes.ts).
  const nodes = runtimes(process.cwd());
  const others: string[] = [];
  for (const n of nodes.slice(1)) {
    const l = await alternate(
      () => peakRss(cli(dir), n.node),
      async () => (await jqCount(path.join(dir, 'AWSLogs'))).ms,
    );
    const sm = await alternate(
      () => peakRss(smallArgs, n.node),
      async () => (await jqCount(smallDir)).ms,
    );
    others.push(
      `on ${n.label}: large files ${(l.ours.ms / 1000).toFixed(1)} s vs jq ${(l.referenceMs / 1000).toFixed(1)} s = ${(l.referenceMs / l.ours.ms).toFixed(2)}x (peak RSS ${l.ours.rssMb.toFixed(0)} MB); small files ${(sm.ours.ms / 1000).toFixed(1)} s vs jq ${(sm.referenceMs / 1000).toFixed(1)} s = ${(sm.referenceMs / sm.ours.ms).toFixed(2)}x (peak RSS ${sm.ours.rssMb.toFixed(0)} MB)`,
    );
  }
  if (nodes.length === 1) others.push(`(${OTHER_RUNTIMES_HINT})`);
  const rate = (ms: number, m: number) => `${(m / (ms / 1000)).toFixed(0)} MB/s`;
  process.stdout.write(
    [
      `tree: ${files} .json.gz files, ${mb.toFixed(0)} MB uncompressed (${(compressed / 1024 / 1024).toFixed(0)} MB gzipped), ${REGIONS.length} regions; generated in ${genS.toFixed(0)} s`,
      `telltale cloudtrail scan, all built-in rules, ${REGIONS.length} regions: ${(all.ms / 1000).toFixed(1)} s wall (the bundled CLI, start-up included; medians of 3 alternating runs) = ${rate(all.ms, mb)}; ${report.stats.events} events, ${report.stats.findings} findings; peak RSS ${all.rssMb.toFixed(0)} MB`,
      `telltale, 1 region (${(mb / REGIONS.length).toFixed(0)} MB): ${(one.ms / 1000).toFixed(1)} s = ${rate(one.ms, mb / REGIONS.length)}; peak RSS ${one.rssMb.toFixed(0)} MB`,
      `reference: zcat | jq -c '.Records[] | select(.eventName=="DeleteRoute")': ${(jqMs / 1000).toFixed(1)} s = ${rate(jqMs, mb)} (${jqMatches} matches)`,
      `ratio jq / telltale wall time: ${(jqMs / all.ms).toFixed(2)}x; RSS growth for ${REGIONS.length}x the input: ${(all.rssMb - one.rssMb).toFixed(0)} MB`,
      `with V8's old space capped at ${CAP_MB} MB (--max-old-space-size): 1 region ${cappedOne}; ${REGIONS.length} regions ${cappedAll}`,
      `small files: ${SMALL_FILES} .json.gz files of ${RECORDS_PER_SMALL_FILE} records (${(smallBytes / 1024 / 1024).toFixed(0)} MB): telltale ${(smallRun.ms / 1000).toFixed(1)} s (${(smallRun.ms / SMALL_FILES).toFixed(2)} ms/file, peak RSS ${smallRun.rssMb.toFixed(0)} MB); zcat | jq ${(smallJqMs / 1000).toFixed(1)} s (${smallMatches} matches); ratio jq / telltale ${(smallJqMs / smallRun.ms).toFixed(2)}x`,
      `(the figures above are on Node ${process.versions.node.split('.')[0]}, this machine's)`,
      ...others,
      '',
    ].join('\n'),
  );
} finally {
  if (process.env.TELLTALE_BENCH_KEEP) process.stdout.write(`trees kept in ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
