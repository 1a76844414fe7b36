/**
 * The capture's life, as a user lives it: a hostile `--filter` cannot become a tcpdump option; a
 * cancelled `telltale egress run` (SIGTERM) still stops tcpdump and writes its report; a tcpdump that
 * died, or a disk that filled, gives a report that says the capture is incomplete, never a clean one.
 * Everything runs in a network namespace of its own, with the real tcpdump, through the real CLI.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import { resolveFilter } from '../../shared/egress/capture/tcpdump.ts';
import { captureIncompleteness } from '../../shared/egress/capture/completeness.ts';
import { repoRoot } from '../harness/runner.ts';

describe('a filter cannot smuggle tcpdump options', () => {
  for (const hostile of ['-w/tmp/telltale-evil.pcap', ' -z sh', '-r /etc/shadow', '--version']) {
    test(`'${hostile}' is refused as an option, not a BPF expression`, () => {
      assert.throws(() => resolveFilter(hostile), /starts with '-': that is a tcpdump option/);
    });
  }
  test('a BPF expression passes as it is, and the shorthands expand', () => {
    assert.equal(resolveFilter('tcp port 443'), 'tcp port 443');
    assert.equal(resolveFilter('all'), '');
    assert.match(resolveFilter(undefined), /port 53/);
  });
});

describe('how complete a capture was', () => {
  const stopped = (over: Partial<Parameters<typeof captureIncompleteness>[0]['stopped']> = {}) => ({
    stats: { captured: 10, received: 10, dropped: 0 },
    endedEarly: false,
    clean: true,
    messages: '',
    ...over,
  });
  test('a capture stopped when asked, with every packet in the file, is complete', () => {
    assert.equal(captureIncompleteness({ stopped: stopped(), maxPackets: 100, packetsInFile: 10 }), undefined);
  });
  test('a tcpdump that ended on its own says so, with its last words and from when', () => {
    const found = captureIncompleteness({
      stopped: stopped({
        endedEarly: true,
        stats: {},
        messages: 'tcpdump: listening on lo\ntcpdump: pcap_loop: The interface went down\n',
      }),
      maxPackets: 100,
      packetsInFile: 3,
      fileWrittenAt: '2026-12-01T10:00:00.000Z',
    });
    assert.equal(found?.reason, 'tcpdump-ended');
    assert.match(found!.message, /interface went down.*after 2026-12-01T10:00:00.000Z/);
  });
  test('packets captured but not in the file are lost, not dropped-by-zero', () => {
    assert.equal(
      captureIncompleteness({
        stopped: stopped({ stats: { captured: 50, dropped: 0 } }),
        maxPackets: 100,
        packetsInFile: 20,
      })?.reason,
      'packets-lost',
    );
  });
});

const skip =
  process.getuid?.() !== 0
    ? 'needs root (network namespaces, tmpfs)'
    : spawnSync('tcpdump', ['--version']).status !== 0
      ? 'needs tcpdump (scripts/install-system-deps.sh installs it)'
      : false;

describe('the capture lifecycle, live', { skip }, () => {
  const ns = `tt-trust-${randomBytes(4).toString('hex')}`;
  const root = mkdtempSync(path.join(tmpdir(), 'telltale-lifecycle-'));
  const inNs = (args: string[]) => ['ip', 'netns', 'exec', ns, ...args];
  const cli = (args: string[]) =>
    inNs([process.execPath, '--import', 'tsx', path.join(repoRoot, 'cli/index.ts'), ...args]);
  const mounts: string[] = [];

  /** tcpdump processes whose command line names `dir` (there must be none after a run). */
  const tcpdumpsFor = (dir: string) =>
    readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
          return cmd.includes('tcpdump') && cmd.includes(dir);
        } catch {
          return false;
        }
      });

  /** Sends `count` UDP datagrams of `size` bytes to 127.0.0.1:9 inside the namespace. */
  const sendUdp = (count: number, size: number) => {
    const script =
      `const s=require('dgram').createSocket('udp4');let n=0;const b=Buffer.alloc(${size},120);` +
      `const go=()=>{if(n++>=${count})return s.close();s.send(b,9,'127.0.0.1',()=>setImmediate(go));};go();`;
    const r = spawnSync(inNs(['node', '-e', script])[0]!, inNs([process.execPath, '-e', script]).slice(1), {
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stderr);
  };

  before(() => {
    assert.equal(spawnSync('ip', ['netns', 'add', ns]).status, 0);
    assert.equal(spawnSync('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up']).status, 0);
  });
  after(() => {
    for (const dir of tcpdumpsFor(root)) spawnSync('kill', ['-9', dir]);
    for (const m of mounts) spawnSync('umount', ['-l', m]);
    spawnSync('ip', ['netns', 'del', ns]);
    rmSync(root, { recursive: true, force: true });
  });

  test('a filter with options after the expression does not write where it says', () => {
    const out = path.join(root, 'smuggle');
    const evil = path.join(root, 'evil.pcap');
    const [cmd, ...args] = cli(['egress', 'start', '--out', out, '--iface', 'lo', '--filter', `udp port 9 -w ${evil}`]);
    const r = spawnSync(cmd!, args, { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, /tcpdump stopped at once/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
    assert.equal(existsSync(evil), false);
    assert.deepEqual(tcpdumpsFor(out), []);
  });

  test('SIGTERM mid-run stops the command and tcpdump, and writes the report of what was captured', async () => {
    const out = path.join(root, 'sigterm');
    const traffic =
      "const s=require('dgram').createSocket('udp4');s.send(Buffer.from('before the signal'),9,'127.0.0.1');" +
      'setInterval(()=>{},1000);';
    const [cmd, ...args] = cli([
      'egress',
      'run',
      '--out',
      out,
      '--iface',
      'lo',
      '--filter',
      'all',
      '--format',
      'json',
      '--',
      process.execPath,
      '-e',
      traffic,
    ]);
    const child = spawn(cmd!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Wait until the capture runs and the command has sent its packet (bounded).
    const deadline = Date.now() + 30_000;
    while (!existsSync(path.join(out, 'capture.json')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    assert.ok(existsSync(path.join(out, 'capture.json')), `the capture started: ${stderr}`);
    await new Promise((r) => setTimeout(r, 1500));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.kill('SIGTERM');
    const code = await exited;
    clearTimeout(killer);
    assert.equal(code, 143, stderr);
    const report = JSON.parse(readFileSync(path.join(out, 'egress-report.json'), 'utf8')) as EgressReport;
    assert.match(report.warnings[0] ?? '', /interrupted by SIGTERM/);
    assert.ok(report.capture.packets >= 1, 'the packet sent before the signal is in the report');
    // The command's datagram went to loopback: not egress, so counted but not listed.
    assert.ok(
      report.warnings.some((w) => /connections to loopback addresses are not egress/.test(w)),
      JSON.stringify(report.warnings),
    );
    assert.deepEqual(tcpdumpsFor(out), [], 'no tcpdump left behind');
    assert.match(stderr, /SIGTERM: stopping the command, then the capture/);
  });

  test('a tcpdump killed mid-capture gives a report that says the capture is incomplete', () => {
    const out = path.join(root, 'killed');
    const start = cli(['egress', 'start', '--out', out, '--iface', 'lo', '--filter', 'all']);
    assert.equal(spawnSync(start[0]!, start.slice(1), { timeout: 60_000 }).status, 0);
    sendUdp(5, 100);
    const handle = JSON.parse(readFileSync(path.join(out, 'capture.json'), 'utf8')) as { pid: number };
    process.kill(handle.pid, 'SIGKILL');
    const stop = cli(['egress', 'stop', '--out', out, '--format', 'json']);
    const r = spawnSync(stop[0]!, stop.slice(1), { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as EgressReport;
    assert.equal(report.capture.incomplete?.reason, 'tcpdump-ended');
    assert.ok(report.capture.incomplete?.since, 'says from when');
    assert.equal(report.capture.dropped, undefined, 'no clean-looking drop count');
    assert.match(report.warnings[0]!, /^CAPTURE INCOMPLETE: tcpdump ended before the capture was stopped/);
    assert.match(r.stderr, /CAPTURE INCOMPLETE/);
  });

  test('a disk that fills during the capture gives a report that says so', () => {
    const out = path.join(root, 'tiny');
    spawnSync('mkdir', ['-p', out]);
    assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', out]).status, 0);
    mounts.push(out);
    const start = cli(['egress', 'start', '--out', out, '--iface', 'lo', '--filter', 'all']);
    assert.equal(spawnSync(start[0]!, start.slice(1), { timeout: 60_000 }).status, 0);
    sendUdp(400, 1200); // ~500 KB of packets into a 256 KiB file system
    const stop = cli(['egress', 'stop', '--out', out, '--format', 'json']);
    const r = spawnSync(stop[0]!, stop.slice(1), { encoding: 'utf8', timeout: 60_000 });
    // The report cannot be written to the full disk either: it is printed, and the step goes on.
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
    assert.match(r.stderr, /could not write .*egress-report\.json.*the report is printed only/);
    const report = JSON.parse(r.stdout) as EgressReport;
    assert.equal(report.capture.incomplete?.reason, 'disk-full', JSON.stringify(report.capture));
    assert.match(report.warnings[0]!, /^CAPTURE INCOMPLETE: the disk holding the capture file is full/);
    assert.equal(report.capture.dropped, undefined);
    assert.ok(report.capture.packets < 400);
    assert.deepEqual(tcpdumpsFor(out), []);
  });
});
