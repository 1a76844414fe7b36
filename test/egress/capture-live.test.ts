// Live capture as users run it: `telltale egress run -- CMD` and `capture start` / `capture stop` in
// separate processes, with the real tcpdump in the world's runner namespace and real clients.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import { NAMES_FILTER, parseTcpdumpStats } from '../../shared/egress/capture/tcpdump.ts';
import { createWorld, worldSkipReason, type World } from '../harness/world.ts';
import { repoRoot } from '../harness/runner.ts';

test('tcpdump exit summaries are read for the drop count', () => {
  assert.deepEqual(
    parseTcpdumpStats(
      'tcpdump: listening on any\n1234 packets captured\n1300 packets received by filter\n66 packets dropped by kernel\n',
    ),
    { captured: 1234, received: 1300, dropped: 66 },
  );
  assert.deepEqual(parseTcpdumpStats('1 packet captured\n1 packet received by filter\n0 packets dropped by kernel'), {
    captured: 1,
    received: 1,
    dropped: 0,
  });
  assert.deepEqual(parseTcpdumpStats('tcpdump: killed'), {});
});

test(
  'the default filter compiles for every link type a runner has',
  { skip: spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump' },
  () => {
    // -d compiles and prints the BPF program without capturing; `any` is SLL2, lo and veth Ethernet.
    for (const iface of ['any', 'lo']) {
      const r = spawnSync('tcpdump', ['-i', iface, '-d', NAMES_FILTER], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${iface}: ${r.stderr}`);
    }
  },
);

const skip = worldSkipReason() || (spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump');

describe('live capture in the network world', { skip }, () => {
  let world: World;
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-live-'));

  before(async () => {
    world = await createWorld({
      hosts: [
        { name: 'big.example.test' },
        { name: 'api.example.test' },
        { name: 'closed.example.test', reject: [443] },
      ],
    });
  });
  after(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[], env: Record<string, string> = {}) =>
    world.exec(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'cli/index.ts'), ...args], {
      cwd: repoRoot,
      env: world.clientEnv(env),
      timeoutMs: 60_000,
    });

  const shape = (report: EgressReport) =>
    report.endpoints
      .filter((e) => e.port !== 53)
      .map((e) => `${e.host}:${e.port}/${e.transport} ${e.protocol} ${e.namedBy}${e.failed ? ' failed' : ''}`)
      .sort();

  async function runUnder(
    filter: string,
    name: string,
  ): Promise<{ report: EgressReport; stdout: string; code: number | null }> {
    const out = path.join(dir, name);
    const script = [
      'curl -sS -o /dev/null https://big.example.test/bytes/3000000',
      'curl -sS -o /dev/null http://api.example.test/v1',
      'curl -sS -o /dev/null https://closed.example.test/ || true',
      `python3 -c "import urllib.request,ssl; urllib.request.urlopen('https://api.example.test/', context=ssl.create_default_context(cafile='${world.caFile}')).read()"`,
    ].join('; ');
    const r = await cli([
      'egress',
      'run',
      '--filter',
      filter,
      '--out',
      out,
      '--format',
      'table',
      '--',
      'sh',
      '-c',
      script,
    ]);
    return {
      report: JSON.parse(readFileSync(path.join(out, 'egress-report.json'), 'utf8')) as EgressReport,
      stdout: r.stdout,
      code: r.code,
    };
  }

  test('egress run names what the command reached and keeps bulk data out of the capture', async () => {
    const names = await runUnder('names', 'names');
    assert.equal(names.code, 0, names.stdout);
    const expected = [
      'api.example.test:443/tcp https sni',
      'api.example.test:80/tcp http http-host',
      'big.example.test:443/tcp https sni',
      'closed.example.test:443/tcp https dns failed',
    ];
    assert.deepEqual(shape(names.report), expected);
    assert.equal(names.report.capture.dropped, 0, 'tcpdump reported its drop count');
    assert.equal(names.report.capture.backend, 'tcpdump');
    assert.equal(names.report.capture.filter, NAMES_FILTER);
    assert.match(names.stdout, /big\.example\.test/);
    assert.ok(existsSync(path.join(dir, 'names', 'egress.pcap')), 'the capture file stays next to the report');

    // The same commands captured whole: the same endpoints, and the download passed through user space
    // (its bytes are counted from the IP headers even where the capture cut the packets).
    const all = await runUnder('all', 'all');
    assert.deepEqual(shape(all.report), expected);
    const big = (r: EgressReport) => r.endpoints.find((e) => e.host === 'big.example.test')!.bytes;
    assert.ok(big(all.report) > 3_000_000, `the endpoint's bytes count the whole download (${big(all.report)})`);
    assert.ok(all.report.capture.bytes > 300_000, `the whole capture holds it (${all.report.capture.bytes} bytes)`);
    assert.ok(
      names.report.capture.bytes < 100_000,
      `the names filter keeps the download out (${names.report.capture.bytes} bytes captured)`,
    );
  });

  test('the command fails: its exit code is the run exit code, and the report is still printed', async () => {
    const r = await cli([
      'egress',
      'run',
      '--out',
      path.join(dir, 'fails'),
      '--',
      'sh',
      '-c',
      'curl -sS -o /dev/null https://api.example.test/; exit 3',
    ]);
    assert.equal(r.code, 3);
    assert.match(r.stdout, /api\.example\.test/);
  });

  test('a capture that reaches --max-packets stops there and the report says so', async () => {
    const r = await cli([
      'egress',
      'run',
      '--out',
      path.join(dir, 'capped'),
      '--max-packets',
      '4',
      '--',
      'sh',
      '-c',
      'for i in 1 2 3; do curl -sS -o /dev/null https://api.example.test/; done',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /reached its cap of 4 packets/);
    const report = JSON.parse(readFileSync(path.join(dir, 'capped', 'egress-report.json'), 'utf8')) as EgressReport;
    assert.equal(report.capture.packets, 4);
  });

  test('egress start and stop work from separate processes, as the action main and post do', async () => {
    const captureDir = path.join(dir, 'session');
    const start = await cli(['egress', 'start', '--out', captureDir]);
    assert.equal(start.code, 0, start.stderr);
    assert.match(start.stdout, /capturing to .*egress\.pcap/);
    await world.exec('curl', ['-sS', '-o', '/dev/null', 'https://api.example.test/'], { env: world.clientEnv() });
    await world.exec('wget', ['-qO', '/dev/null', `--ca-certificate=${world.caFile}`, 'https://big.example.test/'], {
      env: world.clientEnv(),
    });
    const stop = await cli(['egress', 'stop', '--out', captureDir, '--format', 'json']);
    assert.equal(stop.code, 0, stop.stderr);
    const report = JSON.parse(stop.stdout) as EgressReport;
    assert.deepEqual(shape(report), ['api.example.test:443/tcp https sni', 'big.example.test:443/tcp https sni']);
    // The tcpdump is gone: nothing is left running after stop.
    const left = spawnSync('pgrep', ['-f', captureDir]);
    assert.notEqual(left.status, 0, 'no tcpdump left running');
  });

  test('usage mistakes are exit 2 with a message, not a stack trace', async () => {
    const noHandle = await cli(['egress', 'stop', '--out', path.join(dir, 'never-started')]);
    assert.equal(noHandle.code, 2);
    assert.match(noHandle.stderr, /no capture was started/);
    assert.doesNotMatch(noHandle.stderr, /\n\s+at /);

    const bin = path.join(dir, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    const fake = path.join(bin, 'tcpdump');
    writeFileSync(fake, '#!/bin/sh\n[ "$1" = --version ] && exit 0\necho "tcpdump: any: no such device" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const broken = await cli(['egress', 'run', '--out', path.join(dir, 'broken'), '--', 'true'], {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /tcpdump stopped at once: tcpdump: any: no such device/);

    const badFilter = await cli([
      'egress',
      'run',
      '--out',
      path.join(dir, 'bad'),
      '--filter',
      'tcp port banana',
      '--',
      'true',
    ]);
    assert.equal(badFilter.code, 2);
    assert.match(badFilter.stderr, /tcpdump stopped at once/);
  });
});
