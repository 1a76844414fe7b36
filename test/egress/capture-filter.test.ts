// The default capture filter (`filter: names`) keeps what names endpoints and drops bulk data, as
// tcpdump itself applies it: packets built here go through `tcpdump -r … -w …` with NAMES_FILTER.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { NAMES_FILTER } from '../../shared/egress/capture/tcpdump.ts';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';
import { ethernet, ipv4, ipv6, pcap, tcp, udp, vxlan, clientHello } from './packets.ts';
import { chloMessage, gquicPublicHeaderPacket, gquicStreamFrame } from './quic-packets.ts';

const work = mkdtempSync(path.join(tmpdir(), 'telltale-filter-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** LINUX_SLL2 with the packet type set, so `outbound` in the filter means what it does live. */
function sll2(ip: Buffer, outbound: boolean): Buffer {
  const h = Buffer.alloc(20);
  h.writeUInt16BE(ip[0]! >> 4 === 6 ? 0x86dd : 0x0800, 0);
  h[10] = outbound ? 4 : 0; // PACKET_OUTGOING : PACKET_HOST
  return Buffer.concat([h, ip]);
}

function filtered(frames: Buffer[]): string {
  const input = path.join(work, `in-${frames.length}-${Math.random()}.pcap`);
  const output = `${input}.out`;
  writeFileSync(
    input,
    pcap(
      276,
      frames.map((data, i) => ({ time: 1_700_000_000_000 + i, data })),
    ),
  );
  const run = spawnSync('tcpdump', ['-r', input, '-w', output, NAMES_FILTER], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return output;
}

const chlo = chloMessage([
  ['SNI\u0000', Buffer.from('gquic.example.test')],
  ['VER\u0000', Buffer.from('Q043')],
]);

describe('the names filter, applied by tcpdump', () => {
  test('keeps a Google QUIC Q043 CHLO (public header, top bit clear) over IPv4 and IPv6', async () => {
    const packet = gquicPublicHeaderPacket('Q043', Buffer.alloc(8, 7), [gquicStreamFrame(0, chlo)]);
    const out = filtered([
      sll2(ipv4('10.0.0.2', '10.9.9.9', 17, udp(50000, 443, packet)), true),
      sll2(ipv6('fd00::2', 'fd00::9', 17, udp(50001, 443, packet)), true),
    ]);
    const kept = spawnSync('tcpdump', ['-r', out], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((l) => /^\d\d:/.test(l));
    assert.equal(kept.length, 2, kept.join('\n'));
    const report = await analyzeCaptureFile(out);
    assert.deepEqual(
      report.endpoints.map((e) => `${e.host} ${e.port} ${e.transport}`),
      ['gquic.example.test 443 udp'],
    );
  });

  test('keeps tunnelled traffic whole (VXLAN), and drops inbound bulk data and QUIC short headers', async () => {
    const inner = ethernet(
      ipv4('192.168.5.2', '10.7.7.7', 6, tcp(40000, 443, 1, 0x18, clientHello('inner.example.test'))),
    );
    const out = filtered([
      sll2(ipv4('10.0.0.2', '10.0.0.3', 17, udp(51000, 4789, vxlan(42, inner))), true),
      sll2(ipv4('10.9.9.9', '10.0.0.2', 6, tcp(443, 40001, 5, 0x10, Buffer.alloc(1200, 1))), false),
      sll2(ipv4('10.0.0.2', '10.9.9.9', 17, udp(50002, 443, Buffer.from([0x41, ...Buffer.alloc(40, 3)]))), true),
    ]);
    const count = spawnSync('tcpdump', ['-r', out], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((l) => /^\d\d:/.test(l));
    assert.equal(count.length, 1, count.join('\n'));
    const report = await analyzeCaptureFile(out);
    assert.ok(
      report.endpoints.some((e) => e.host === 'inner.example.test'),
      JSON.stringify(report.endpoints),
    );
  });
});
