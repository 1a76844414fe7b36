// The CLI's --state over a local folder: the watermark follows file mtimes, so a file that lands in
// the tree after a run, named inside that run's window, is read by the next one; a state that is
// not telltale's is an input error, and the issue marker round-trips.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../cli/program.ts';
import { decodeState, encodeState } from '../../shared/cloudtrail/state.ts';
import { capture } from './helpers.ts';

const ACCOUNT = '111122223333';
const D = Date.parse('2026-05-04T06:00:00Z');
let dir: string;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const stamp = (ms: number) => `${iso(ms).replace(/[-:]/g, '').slice(0, 13)}Z`;
function put(deliveredMs: number, name: string, eventMs: number, mtimeMs: number) {
  const day = path.join(
    dir,
    'AWSLogs',
    ACCOUNT,
    'CloudTrail',
    'eu-west-1',
    iso(deliveredMs).slice(0, 10).replaceAll('-', '/'),
  );
  mkdirSync(day, { recursive: true });
  const file = path.join(day, `${ACCOUNT}_CloudTrail_eu-west-1_${stamp(deliveredMs)}_${name.padEnd(16, '0')}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      Records: [
        {
          eventID: `${name}-1`,
          eventTime: iso(eventMs),
          eventName: 'DeleteRoute',
          eventSource: 'ec2.amazonaws.com',
          awsRegion: 'eu-west-1',
          userAgent: 'aws-cli/2.15.30',
          recipientAccountId: ACCOUNT,
          requestParameters: { routeTableId: `rtb-${name}`, destinationCidrBlock: '0.0.0.0/0' },
          userIdentity: { type: 'IAMUser', userName: 'alice', arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
        },
      ],
    }),
  );
  utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
}
async function night(start: number, state: string) {
  const { out, io } = capture();
  const code = await runCli(
    [
      'cloudtrail',
      'scan',
      '--source',
      dir,
      '--since',
      iso(start),
      '--until',
      iso(start + 86_400_000),
      '--format',
      'json',
      '--state',
      state,
    ],
    io,
  );
  return { code, ...out, report: code === 0 ? JSON.parse(out.stdout) : undefined };
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'telltale-ct-state-'));
});
after(() => {
  for (const p of [dir, `${dir}-state.json`, `${dir}-bad.json`]) rmSync(p, { recursive: true, force: true });
});

describe('state between runs', () => {
  test('a file named in night 1 that arrived after it is read on night 2, and its row is new', async () => {
    const state = path.join(`${dir}-state.json`);
    put(D - 3_600_000, 'FIRST', D - 3_700_000, D - 3_500_000);
    const first = await night(D - 86_400_000, state);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.report.watermark, new Date(D - 3_500_000).toISOString());
    // Named ten minutes before night 2's window, arriving (mtime) after night 1's watermark.
    put(D - 600_000, 'LATE', D - 700_000, D + 3_600_000);
    const second = await night(D, state);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.report.stats.lateFiles, 1);
    const row = second.report.groups.find((g: { target: string }) => g.target === 'rtb-LATE');
    assert.equal(row?.new, true);
    assert.equal(second.report.previous.newGroups, 1);
    assert.equal(JSON.parse(readFileSync(state, 'utf8')).watermark, new Date(D + 3_600_000).toISOString());
  });

  test('a state file that is not telltale state is an input error; the issue marker round-trips', async () => {
    const bad = `${dir}-bad.json`;
    writeFileSync(bad, '{"hello": 1}');
    const r = await night(D, bad);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a telltale CloudTrail state file/);
    const s = {
      version: 1 as const,
      generatedAt: '2026-05-04T06:00:00.000Z',
      watermark: '2026-05-04T05:00:00.000Z',
      groups: ['0123456789abcdef'],
    };
    assert.deepEqual(decodeState(`report…\n${encodeState(s)}`), s);
    assert.equal(decodeState('<!-- telltale:cloudtrail-state:bm90IGpzb24= -->'), undefined);
  });
});
