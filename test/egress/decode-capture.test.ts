// Capture files in every shape tcpdump, dumpcap and tshark write, and the broken ones CI leaves behind.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';
import { openCapture } from '../../shared/egress/source/capture-file.ts';
import { InputError } from '../../shared/util/errors.ts';
import {
  ipv4,
  ipv6,
  tcp,
  SYN,
  SYNACK,
  clientHello,
  PSHACK,
  ethernet,
  sll2,
  pcap,
  pcapng,
  udp,
  dnsQuery,
  type Frame,
} from './packets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-decode-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
const hello = (ip = ipv4) => [
  { time: T0, data: ip('10.0.0.1', '10.0.0.2', 6, tcp(40000, 443, 1000, SYN)) },
  { time: T0 + 1.5, data: ip('10.0.0.2', '10.0.0.1', 6, tcp(443, 40000, 5000, SYNACK)) },
  {
    time: T0 + 2.25,
    data: ip('10.0.0.1', '10.0.0.2', 6, tcp(40000, 443, 1001, PSHACK, clientHello('pkg.example.test'))),
  },
];

describe('capture files', () => {
  for (const little of [true, false]) {
    for (const nanos of [false, true]) {
      test(`pcap, ${little ? 'little' : 'big'}-endian, ${nanos ? 'nano' : 'micro'}second timestamps`, async () => {
        const file = write(
          `h-${little}-${nanos}.pcap`,
          pcap(
            1,
            hello().map((f) => ({ ...f, data: ethernet(f.data) })),
            { little, nanos },
          ),
        );
        const { packets, summary } = openCapture(file);
        const times = [...packets].map((p) => p.time);
        assert.deepEqual(times, [T0, T0 + 1.5, T0 + 2.25]);
        assert.equal(summary.format, 'pcap');
        const report = await analyzeCaptureFile(file);
        assert.deepEqual(
          report.endpoints.map((e) => [e.host, e.port, e.namedBy]),
          [['pkg.example.test', 443, 'sni']],
        );
        assert.equal(report.endpoints[0]!.firstSeen, new Date(T0).toISOString());
      });
    }
  }

  test('pcapng with two interfaces of different link types (Ethernet and LINUX_SLL2)', async () => {
    const frames = hello().map((f, i) => ({ ...f, iface: i % 2, data: i % 2 ? sll2(f.data) : ethernet(f.data) }));
    const file = write('multi.pcapng', pcapng([1, 276], frames));
    const report = await analyzeCaptureFile(file);
    assert.equal(report.capture.format, 'pcapng');
    assert.deepEqual(report.capture.linkTypes, [1, 276]);
    assert.equal(report.capture.packets, 3);
    assert.deepEqual(
      report.endpoints.map((e) => e.host),
      ['pkg.example.test'],
    );
    assert.equal(report.endpoints[0]!.lastSeen, new Date(T0 + 2.25).toISOString());
  });

  test('a capture cut mid-record gives a partial report and a warning with the byte offset', async () => {
    const whole = pcap(276, [
      ...hello().map((f) => ({ ...f, data: sll2(f.data) })),
      { time: T0 + 3, data: sll2(ipv4('10.0.0.1', '10.0.0.53', 17, udp(5353, 53, dnsQuery(1, 'late.example.test')))) },
    ]);
    const file = write('cut.pcap', whole.subarray(0, whole.length - 10));
    const report = await analyzeCaptureFile(file);
    assert.deepEqual(
      report.endpoints.map((e) => e.host),
      ['pkg.example.test'],
    );
    assert.equal(report.warnings.length, 1);
    assert.match(report.warnings[0]!, /cut\.pcap@\d+: the last packet is cut short/);
  });

  test('garbage after valid packets is reported, not fatal', async () => {
    const good = pcap(
      1,
      hello().map((f) => ({ ...f, data: ethernet(f.data) })),
    );
    const garbage = Buffer.alloc(64, 0xff);
    const report = await analyzeCaptureFile(write('garbage.pcap', Buffer.concat([good, garbage])));
    assert.deepEqual(
      report.endpoints.map((e) => e.host),
      ['pkg.example.test'],
    );
    assert.match(report.warnings.join('\n'), /claims \d+ bytes/);
  });

  test('a file that is no capture is an input error naming the file and the magic', async () => {
    const file = write('not.pcap', Buffer.from('{"Records": []}'));
    await assert.rejects(analyzeCaptureFile(file), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.describe(), /not\.pcap@0: not a pcap or pcapng file \(magic 0x7b225265\)/);
      return true;
    });
  });

  test('an IPv6 capture with a hop-by-hop header is still named', async () => {
    const frames = hello((s, d, p, payload) =>
      ipv6(s === '10.0.0.1' ? 'fd00::1' : 'fd00::2', d === '10.0.0.2' ? 'fd00::2' : 'fd00::1', p, payload, true),
    );
    const report = await analyzeCaptureFile(write('v6.pcap', pcap(101, frames)));
    assert.deepEqual(
      report.endpoints.map((e) => [e.host, e.addresses]),
      [['pkg.example.test', ['fd00::2']]],
    );
  });
});

describe('a capture larger than the read buffer', () => {
  test('hellos split across packets interleaved with bulk data are named across buffer refills', async () => {
    // ~16 MB: the reader refills (and, for the analyzer, recycles) its 4 MiB buffer several times
    // while flows wait for the second half of their ClientHello.
    const frames: Frame[] = [];
    const C = '10.1.0.5';
    const S = '203.0.113.9';
    const bulk = Buffer.alloc(1400, 0x61);
    const flows = 3000;
    let t = 1_700_000_000_000;
    // One flow waits for the second half of its hello across the whole file (several refills).
    const late = clientHello('late.big.test', 700);
    frames.push({ time: t++, data: ipv4(C, S, 6, tcp(19999, 443, 1000, SYN)) });
    frames.push({ time: t++, data: ipv4(S, C, 6, tcp(443, 19999, 5000, SYNACK)) });
    frames.push({ time: t++, data: ipv4(C, S, 6, tcp(19999, 443, 1001, PSHACK, late.subarray(0, 300))) });
    for (let group = 0; group < flows; group += 50) {
      const ids = Array.from({ length: 50 }, (_, k) => group + k);
      const hellos = ids.map((i) => clientHello(`host${i}.big.test`, 700));
      for (const i of ids) frames.push({ time: t++, data: ipv4(C, S, 6, tcp(20000 + i, 443, 1000, SYN)) });
      for (const i of ids) frames.push({ time: t++, data: ipv4(S, C, 6, tcp(443, 20000 + i, 5000, SYNACK)) });
      ids.forEach((i, k) =>
        frames.push({ time: t++, data: ipv4(C, S, 6, tcp(20000 + i, 443, 1001, PSHACK, hellos[k]!.subarray(0, 300))) }),
      );
      for (const i of ids)
        for (let n = 0; n < 3; n++)
          frames.push({ time: t++, data: ipv4(S, C, 6, tcp(443, 20000 + i, 5001 + n * 1400, PSHACK, bulk)) });
      ids.forEach((i, k) =>
        frames.push({ time: t++, data: ipv4(C, S, 6, tcp(20000 + i, 443, 1301, PSHACK, hellos[k]!.subarray(300))) }),
      );
    }
    frames.push({ time: t++, data: ipv4(C, S, 6, tcp(19999, 443, 1301, PSHACK, late.subarray(300))) });
    const file = path.join(dir, 'big.pcap');
    writeFileSync(file, pcap(101, frames));
    const report = await analyzeCaptureFile(file);
    assert.ok(report.capture.bytes > 12 * 1024 * 1024, `${report.capture.bytes} bytes`);
    assert.equal(report.endpoints.length, flows + 1);
    assert.ok(report.endpoints.every((e) => e.namedBy === 'sni' && /^(host\d+|late)\.big\.test$/.test(e.host)));
    assert.equal(new Set(report.endpoints.map((e) => e.host)).size, flows + 1);
  });
});
