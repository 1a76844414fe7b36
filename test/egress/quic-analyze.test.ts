// QUIC in the egress report: every readable version names its endpoint and says which version it
// was; a QUIC flow nobody can read is still QUIC, with its version, unnamed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';
import { renderEndpointsMarkdown, renderEndpointsText } from '../../shared/egress/render/endpoints.ts';
import { cryptoClientHello, ipv4, pcap, udp, type Frame } from './packets.ts';
import {
  chromeChlo,
  cryptoFrame,
  gquicPublicHeaderPacket,
  gquicStreamFrame,
  opaqueLongPacket,
  sealInitial,
  specOf,
} from './quic-packets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-quic-analyze-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const C = '10.1.0.5';
const DCID = Buffer.from('a1a2a3a4a5a6a7a8', 'hex');

test('a capture of QUIC clients of many versions lists each endpoint with its version', async () => {
  const flows: { server: string; port: number; datagrams: Buffer[] }[] = [
    {
      server: '192.0.2.29',
      port: 50029,
      datagrams: [
        sealInitial({
          spec: specOf('draft-29'),
          dcid: DCID,
          plaintext: cryptoFrame(0, cryptoClientHello('d29.example.test', 500)),
        }),
      ],
    },
    {
      server: '192.0.2.43',
      port: 50043,
      datagrams: [
        gquicPublicHeaderPacket('Q043', DCID, [gquicStreamFrame(0, chromeChlo('gquic.example.test', 'Q043'))]),
      ],
    },
    {
      server: '192.0.2.1',
      port: 50001,
      datagrams: [
        opaqueLongPacket(specOf('v1'), '0-rtt', DCID),
        sealInitial({
          spec: specOf('v1'),
          dcid: DCID,
          plaintext: cryptoFrame(0, cryptoClientHello('zero-rtt.example.test', 500)),
        }),
      ],
    },
    {
      server: '192.0.2.99',
      port: 50099,
      datagrams: [
        sealInitial({ spec: { ...specOf('v1'), version: 0x12345678 }, dcid: DCID, plaintext: Buffer.alloc(10) }),
      ],
    },
  ];
  const frames: Frame[] = [];
  let time = 1000;
  for (const f of flows)
    for (const d of f.datagrams) frames.push({ time: time++, data: ipv4(C, f.server, 17, udp(f.port, 443, d)) });
  const file = path.join(dir, 'versions.pcap');
  writeFileSync(file, pcap(101, frames));
  const report = await analyzeCaptureFile(file);
  assert.deepEqual(
    report.endpoints
      .map((e) => [e.host, e.protocol, e.namedBy, e.quicVersion])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    [
      ['192.0.2.99', 'quic', 'none', '0x12345678'],
      ['d29.example.test', 'quic', 'sni', 'draft-29'],
      ['gquic.example.test', 'quic', 'sni', 'Q043'],
      ['zero-rtt.example.test', 'quic', 'sni', 'v1'],
    ],
  );
});

test('other UDP on port 443 is not given a QUIC version', async () => {
  const file = path.join(dir, 'other.pcap');
  writeFileSync(
    file,
    pcap(101, [{ time: 1, data: ipv4(C, '192.0.2.7', 17, udp(50007, 443, Buffer.alloc(64, 0x11))) }]),
  );
  const report = await analyzeCaptureFile(file);
  assert.deepEqual(
    report.endpoints.map((e) => [e.host, e.namedBy, e.quicVersion]),
    [['192.0.2.7', 'none', undefined]],
  );
});

test('the endpoint table says which QUIC version each endpoint spoke', async () => {
  const file = path.join(dir, 'table.pcap');
  const initial = sealInitial({
    spec: specOf('draft-29'),
    dcid: DCID,
    plaintext: cryptoFrame(0, cryptoClientHello('table.example.test', 400)),
  });
  writeFileSync(file, pcap(101, [{ time: 1, data: ipv4(C, '192.0.2.8', 17, udp(50008, 443, initial)) }]));
  const report = await analyzeCaptureFile(file);
  assert.match(renderEndpointsMarkdown(report), /\| `table\.example\.test` \| 443\/udp \| quic draft-29 \| sni \|/);
  assert.match(renderEndpointsText(report), /table\.example\.test\s+443\/udp\s+quic draft-29\s+sni/);
});
