// Name evidence: a ClientHello however it arrives, HTTP Host, CONNECT, DNS chains, and failures.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';
import { parseClientHello } from '../../shared/egress/decode/tls.ts';
import { parseHttpRequest } from '../../shared/egress/decode/http.ts';
import { formatIPv6 } from '../../shared/egress/decode/ip.ts';
import { decodeLink } from '../../shared/egress/decode/link.ts';
import {
  ACK,
  FIN,
  clientHello,
  dnsAnswer,
  dnsQuery,
  ethernet,
  ipv4,
  nullLoopback,
  pcap,
  PSHACK,
  RST,
  sll,
  SYN,
  SYNACK,
  tcp,
  udp,
  type Frame,
} from './packets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-names-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
async function analyze(frames: Frame[]) {
  const file = path.join(dir, `c${n++}.pcap`);
  writeFileSync(file, pcap(101, frames));
  return analyzeCaptureFile(file);
}
const C = '10.1.0.5';
const S = '93.184.216.34';
const T = 1_700_000_000_000;

describe('TLS ClientHello', () => {
  test('a 2 KB ClientHello split over three segments, out of order and retransmitted, is still named', async () => {
    const hello = clientHello('split.example.test', 2000);
    const a = hello.subarray(0, 700);
    const b = hello.subarray(700, 1400);
    const c = hello.subarray(1400);
    const report = await analyze([
      { time: T, data: ipv4(C, S, 6, tcp(50000, 443, 99, SYN)) },
      { time: T + 1, data: ipv4(S, C, 6, tcp(443, 50000, 7, SYNACK)) },
      { time: T + 2, data: ipv4(C, S, 6, tcp(50000, 443, 100 + 1400, PSHACK, c)) },
      { time: T + 3, data: ipv4(C, S, 6, tcp(50000, 443, 100, PSHACK, a)) },
      { time: T + 4, data: ipv4(C, S, 6, tcp(50000, 443, 100, PSHACK, a)) },
      { time: T + 5, data: ipv4(C, S, 6, tcp(50000, 443, 100 + 700, PSHACK, b)) },
    ]);
    assert.deepEqual(
      report.endpoints.map((e) => [e.host, e.namedBy, e.protocol]),
      [['split.example.test', 'sni', 'https']],
    );
  });

  test('extensions in any order, and need-more until the whole message is there', () => {
    for (const sniFirst of [true, false]) {
      const hello = clientHello('order.example.test', 900, sniFirst);
      assert.deepEqual(parseClientHello(hello), { status: 'ok', serverName: 'order.example.test', alpn: ['h2'] });
      assert.equal(parseClientHello(hello.subarray(0, 400)).status, 'need-more');
    }
    assert.equal(parseClientHello(Buffer.from('GET / HTTP/1.1\r\n')).status, 'not-tls');
  });
});

describe('HTTP', () => {
  test('Host names a plain HTTP request; CONNECT names the destination behind a proxy', async () => {
    const report = await analyze([
      { time: T, data: ipv4(C, S, 6, tcp(50001, 80, 1, SYN)) },
      { time: T + 1, data: ipv4(S, C, 6, tcp(80, 50001, 1, SYNACK)) },
      {
        time: T + 2,
        data: ipv4(
          C,
          S,
          6,
          tcp(50001, 80, 2, PSHACK, Buffer.from('GET /x HTTP/1.1\r\nHost: plain.example.test:80\r\n\r\n')),
        ),
      },
      { time: T + 3, data: ipv4(C, '10.9.9.9', 6, tcp(50002, 3128, 1, SYN)) },
      { time: T + 4, data: ipv4('10.9.9.9', C, 6, tcp(3128, 50002, 1, SYNACK)) },
      {
        time: T + 5,
        data: ipv4(
          C,
          '10.9.9.9',
          6,
          tcp(
            50002,
            3128,
            2,
            PSHACK,
            Buffer.from('CONNECT api.example.test:8443 HTTP/1.1\r\nHost: api.example.test:8443\r\n\r\n'),
          ),
        ),
      },
    ]);
    assert.deepEqual(
      report.endpoints.map((e) => [e.host, e.port, e.namedBy, e.protocol, e.via ?? '']),
      [
        ['plain.example.test', 80, 'http-host', 'http', ''],
        ['10.9.9.9', 3128, 'none', 'http-proxy', ''],
        ['api.example.test', 8443, 'connect', 'tcp', '10.9.9.9:3128'],
      ],
    );
  });

  test('the request parser waits for the head and rejects non-HTTP', () => {
    assert.equal(parseHttpRequest(Buffer.from('GET / HTTP/1.1\r\nHo')).status, 'need-more');
    assert.equal(parseHttpRequest(Buffer.from('\x16\x03\x01\x02\x00\x01\x00\x01\xfc')).status, 'not-http');
    assert.deepEqual(parseHttpRequest(Buffer.from('CONNECT [2001:db8::1]:443 HTTP/1.1\r\n\r\n')), {
      status: 'ok',
      method: 'CONNECT',
      connect: { host: '2001:db8::1', port: 443 },
    });
  });
});

describe('DNS and connections known only by address', () => {
  test('a CNAME chain names the address with the name the client asked for', async () => {
    const report = await analyze([
      { time: T, data: ipv4(C, '10.0.0.53', 17, udp(40000, 53, dnsQuery(7, 'assets.example.test'))) },
      {
        time: T + 1,
        data: ipv4('10.0.0.53', C, 17, udp(53, 40000, dnsAnswer(7, 'assets.example.test', [
          { type: 'CNAME', name: 'assets.example.test', data: 'edge.cdn.test' },
          { type: 'A', name: 'edge.cdn.test', data: S },
        ]))), // prettier-ignore
      },
      { time: T + 2, data: ipv4(C, S, 6, tcp(50003, 5432, 1, SYN)) },
      { time: T + 3, data: ipv4(S, C, 6, tcp(5432, 50003, 1, SYNACK)) },
    ]);
    const db = report.endpoints.find((e) => e.port === 5432);
    assert.deepEqual([db?.host, db?.namedBy, db?.addresses], ['assets.example.test', 'dns', [S]]);
  });

  test('when several names map to one address, the most recent query before the connection wins', async () => {
    const answer = (id: number, name: string, time: number): Frame[] => [
      { time, data: ipv4(C, '10.0.0.53', 17, udp(40000 + id, 53, dnsQuery(id, name))) },
      {
        time: time + 1,
        data: ipv4('10.0.0.53', C, 17, udp(53, 40000 + id, dnsAnswer(id, name, [{ type: 'A', name, data: S }]))),
      },
    ];
    const report = await analyze([
      ...answer(1, 'first.example.test', T),
      { time: T + 10, data: ipv4(C, S, 6, tcp(50010, 9000, 1, SYN)) },
      ...answer(2, 'second.example.test', T + 20),
      { time: T + 30, data: ipv4(C, S, 6, tcp(50011, 9000, 1, SYN)) },
    ]);
    assert.deepEqual(
      report.endpoints
        .filter((e) => e.port === 9000)
        .map((e) => e.host)
        .sort(),
      ['first.example.test', 'second.example.test'],
    );
  });

  test('NXDOMAIN, SERVFAIL and unanswered lookups are attempted egress', async () => {
    const report = await analyze([
      { time: T, data: ipv4(C, '10.0.0.53', 17, udp(40001, 53, dnsQuery(1, 'gone.example.test'))) },
      { time: T + 1, data: ipv4('10.0.0.53', C, 17, udp(53, 40001, dnsAnswer(1, 'gone.example.test', [], 3))) },
      { time: T + 2, data: ipv4(C, '10.0.0.53', 17, udp(40002, 53, dnsQuery(2, 'broken.example.test'))) },
      { time: T + 3, data: ipv4('10.0.0.53', C, 17, udp(53, 40002, dnsAnswer(2, 'broken.example.test', [], 2))) },
      { time: T + 4, data: ipv4(C, '10.0.0.53', 17, udp(40003, 53, dnsQuery(3, 'silent.example.test'))) },
    ]);
    assert.deepEqual(
      report.failedLookups.map((l) => [l.name, l.rcode]),
      [
        ['gone.example.test', 'NXDOMAIN'],
        ['broken.example.test', 'SERVFAIL'],
        ['silent.example.test', 'TIMEOUT'],
      ],
    );
  });

  test('a SYN with no answer and a SYN answered by RST are failed connections', async () => {
    const report = await analyze([
      { time: T, data: ipv4(C, S, 6, tcp(50020, 443, 1, SYN)) },
      { time: T + 1000, data: ipv4(C, S, 6, tcp(50020, 443, 1, SYN)) },
      { time: T + 2, data: ipv4(C, S, 6, tcp(50021, 22, 1, SYN)) },
      { time: T + 3, data: ipv4(S, C, 6, tcp(22, 50021, 0, RST | ACK)) },
    ]);
    assert.deepEqual(
      report.endpoints.map((e) => [e.port, e.failed, e.failures]),
      [
        [443, 1, ['no-answer']],
        [22, 1, ['refused']],
      ],
    );
  });

  test('a client port reused by a new connection counts twice; a retransmitted SYN once', async () => {
    // Busy clients (2,000 connections/s) recycle ephemeral ports: same 4-tuple, new initial sequence.
    const connection = (t: number, isn: number) => [
      { time: t, data: ipv4(C, S, 6, tcp(50030, 80, isn, SYN)) },
      { time: t + 1, data: ipv4(S, C, 6, tcp(80, 50030, 9, SYNACK)) },
      {
        time: t + 2,
        data: ipv4(C, S, 6, tcp(50030, 80, isn + 1, PSHACK, Buffer.from('GET / HTTP/1.1\r\nHost: a.test\r\n\r\n'))),
      },
      { time: t + 3, data: ipv4(C, S, 6, tcp(50030, 80, isn + 40, ACK | FIN)) },
    ];
    const report = await analyze([
      ...connection(T, 1000),
      ...connection(T + 10, 5_000_000),
      { time: T + 20, data: ipv4(C, S, 6, tcp(50031, 80, 77, SYN)) },
      { time: T + 21, data: ipv4(C, S, 6, tcp(50031, 80, 77, SYN)) },
    ]);
    assert.deepEqual(
      report.endpoints.map((e) => [e.host, e.connections, e.failed]),
      [
        ['a.test', 2, 0],
        [S, 1, 1],
      ],
    );
  });
});

describe('link and network layers', () => {
  test('VLAN-tagged Ethernet, Linux SLL and BSD loopback all find the IP packet', () => {
    const ip = ipv4(C, S, 6, tcp(1, 2, 3, SYN));
    assert.equal(decodeLink(1, ethernet(ip, true))?.data.length, ip.length);
    assert.equal(decodeLink(113, sll(ip))?.version, 4);
    assert.equal(decodeLink(0, nullLoopback(ip))?.version, 4);
    assert.equal(decodeLink(9999, ip), undefined);
  });
  test('IPv4 fragments are skipped and counted, not misread', async () => {
    const report = await analyze([{ time: T, data: ipv4(C, S, 17, udp(1, 53, Buffer.alloc(20)), 0x2000) }]);
    assert.equal(report.capture.undecoded, 1);
    assert.equal(report.endpoints.length, 0);
  });
  test('IPv6 addresses are printed in RFC 5952 form', () => {
    const b = Buffer.from('20010db8000000000000000000000001', 'hex');
    assert.equal(formatIPv6(b, 0), '2001:db8::1');
    assert.equal(formatIPv6(Buffer.from('20010db8000100000000000100000001', 'hex'), 0), '2001:db8:1::1:0:1');
  });
});
