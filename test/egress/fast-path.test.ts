// The analyzer's fast path (analyze/fast-path.ts) counts packets of known connections in place,
// without decoding them. It must change nothing: the same capture analysed with it and with every
// packet decoded in full must leave the same connections, field for field, on every link type it
// reads in place and in the cases that take the full path again (port reuse, resets, VLAN tags,
// IPv6, cut packets).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { Analysis } from '../../shared/egress/analyze/analyzer.ts';
import { openCapture } from '../../shared/egress/source/capture-file.ts';
import {
  ACK,
  clientHello,
  dnsAnswer,
  dnsQuery,
  ethernet,
  FIN,
  ipv4,
  ipv6,
  pcap,
  pcapng,
  PSHACK,
  RST,
  sll,
  sll2,
  SYN,
  SYNACK,
  tcp,
  udp,
  type Frame,
} from './packets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-fast-path-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Ip = (src: string, dst: string, protocol: number, payload: Buffer) => Buffer;

/** One TLS connection: handshake, a named ClientHello, `data` packets each way, then `end`. */
function connection(
  ip: Ip,
  ends: { client: string; server: string; clientPort: number; isn: number },
  name: string,
  data: number,
  end: 'fin' | 'rst',
  t0: number,
): { time: number; ip: Buffer }[] {
  const { client, server, clientPort, isn } = ends;
  const out: { time: number; ip: Buffer }[] = [];
  let t = t0;
  const up = (flags: number, seq: number, payload?: Buffer) =>
    out.push({ time: (t += 0.25), ip: ip(client, server, 6, tcp(clientPort, 443, seq, flags, payload)) });
  const down = (flags: number, seq: number, payload?: Buffer) =>
    out.push({ time: (t += 0.25), ip: ip(server, client, 6, tcp(443, clientPort, seq, flags, payload)) });
  up(SYN, isn);
  down(SYNACK, 9000);
  up(ACK, isn + 1);
  const hello = clientHello(name);
  up(PSHACK, isn + 1, hello);
  for (let i = 0; i < data; i++) {
    down(PSHACK, 9001 + i * 1200, Buffer.alloc(1200, i));
    up(ACK, isn + 1 + hello.length);
    // Later client data on a named connection (HTTP/2 frames): counted, never read again.
    if (i % 10 === 0) up(PSHACK, isn + 1 + hello.length, Buffer.alloc(64, 1));
  }
  if (end === 'fin') {
    up(FIN | ACK, isn + 1 + hello.length);
    down(FIN | ACK, 9001 + data * 1200);
    up(ACK, isn + 2 + hello.length);
  } else down(RST, 9001 + data * 1200);
  return out;
}

/** A capture exercising what the fast path takes and what it must leave to the full path. */
function packets(): { time: number; ip: Buffer }[] {
  const v4 = (src: string, dst: string, p: number, payload: Buffer) => ipv4(src, dst, p, payload);
  const v6 = (src: string, dst: string, p: number, payload: Buffer) => ipv6(src, dst, p, payload);
  const all = [
    {
      time: 1_700_000_000_000,
      ip: ipv4('10.0.0.2', '10.0.0.53', 17, udp(40000, 53, dnsQuery(1, 'a.example.test'))),
    },
    {
      time: 1_700_000_000_001,
      ip: ipv4('10.0.0.53', '10.0.0.2', 17, udp(53, 40000, dnsAnswer(1, 'a.example.test', [{ type: 'A', name: 'a.example.test', data: '198.51.100.7' }]))),
    },
    ...connection(v4, { client: '10.0.0.2', server: '198.51.100.7', clientPort: 50000, isn: 1000 }, 'a.example.test', 60, 'fin', 1_700_000_000_010),
    // The same ports again with a new ISN: a new connection, and the old one is set aside.
    ...connection(v4, { client: '10.0.0.2', server: '198.51.100.7', clientPort: 50000, isn: 777_000 }, 'b.example.test', 40, 'rst', 1_700_000_100_000),
    ...connection(v6, { client: 'fd00::2', server: '2001:db8::7', clientPort: 50001, isn: 5 }, 'v6.example.test', 50, 'fin', 1_700_000_200_000),
  ]; // prettier-ignore
  // Interleave a second IPv4 connection with the first so that both stay in the table at once.
  const other = connection(v4, { client: '10.0.0.3', server: '198.51.100.8', clientPort: 51000, isn: 42 }, 'c.example.test', 30, 'fin', 1_700_000_000_020); // prettier-ignore
  return [...all, ...other].sort((a, b) => a.time - b.time);
}

function frames(wrap: (ip: Buffer) => Buffer): Frame[] {
  return packets().map((p, i) => {
    let data = wrap(p.ip);
    // Some bulk packets cut short by the snap length (their IP header still says how long they were).
    if (i % 7 === 5 && data.length > 1000) data = data.subarray(0, 80);
    return { time: p.time, data };
  });
}

/** Flows of a capture: through the reader's fast path, and with every packet decoded in full. */
function analyseBothWays(file: string): { fast: unknown[]; full: unknown[]; counted: number } {
  const fast = new Analysis();
  let counted = 0;
  const hook = (linkType: number, buffer: Buffer, start: number, end: number, time: number) => {
    const taken = fast.counted(linkType, buffer, start, end, time);
    if (taken) counted++;
    return taken;
  };
  for (const raw of openCapture(file, { reuseBuffers: true, counted: hook }).packets) {
    if (!raw.counted) fast.decode(raw);
  }
  const full = new Analysis();
  for (const raw of openCapture(file).packets) full.frame(raw.linkType, raw.data, raw.time);
  const plain = (a: Analysis) => a.allFlows().map((f) => ({ ...f, pending: undefined, quic: undefined }));
  return { fast: plain(fast), full: plain(full), counted };
}

describe('the fast path counts what the full path would, and nothing else', () => {
  const cases: [string, () => Buffer][] = [
    ['Linux cooked v2 (-i any)', () => pcap(276, frames(sll2))],
    [
      'Ethernet',
      () =>
        pcap(
          1,
          frames((ip) => ethernet(ip)),
        ),
    ],
    ['Linux cooked v1', () => pcap(113, frames(sll))],
    [
      'raw IP',
      () =>
        pcap(
          101,
          frames((ip) => ip),
        ),
    ],
    [
      'raw IP, big-endian nanosecond pcap',
      () =>
        pcap(
          101,
          frames((ip) => ip),
          { little: false, nanos: true },
        ),
    ],
    [
      'pcapng Ethernet',
      () =>
        pcapng(
          [1],
          frames((ip) => ethernet(ip)),
        ),
    ],
  ];
  for (const [name, build] of cases) {
    test(name, () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.pcap`);
      writeFileSync(file, build());
      const { fast, full, counted } = analyseBothWays(file);
      assert.ok(full.length >= 5, `flows: ${full.length}`);
      assert.deepEqual(fast, full);
      // Most packets of the named connections went the fast way (the point of it).
      assert.ok(counted > 250, `packets counted in place: ${counted}`);
    });
  }

  test('VLAN-tagged frames all take the full path, with the same result', () => {
    const file = path.join(dir, 'vlan.pcap');
    writeFileSync(
      file,
      pcap(
        1,
        frames((ip) => ethernet(ip, true)),
      ),
    );
    const { fast, full, counted } = analyseBothWays(file);
    assert.deepEqual(fast, full);
    assert.equal(counted, 0);
  });

  test('the named connections keep their names and byte counts', () => {
    const file = path.join(dir, 'names.pcap');
    writeFileSync(file, pcap(276, frames(sll2)));
    const { fast } = analyseBothWays(file);
    const named = (fast as { name?: { host: string }; bytes: number; failure?: string }[])
      .map((f) => `${f.name?.host ?? '-'} ${f.bytes > 30_000 ? 'bulk' : 'small'}`)
      .sort();
    assert.deepEqual(named, [
      '- small',
      'a.example.test bulk',
      'b.example.test bulk',
      'c.example.test bulk',
      'v6.example.test bulk',
    ]);
  });
});
