// The classes of capture the real-world corpus showed we missed, each built byte by byte from its
// specification: mid-connection captures, fragments, tunnels, STARTTLS, SOCKS, loopback, names
// looked up but never contacted, long-lived connections across steps, NAT copies, and bounds.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import dnsPacket from 'dns-packet';
import { analyzeCaptureFile, analyzeCaptureFilesMerged } from '../../shared/egress/analyze.ts';
import { MAX_FLOWS } from '../../shared/egress/analyze/analyzer.ts';
import { toEndpoints } from '../../shared/egress/analyze/aggregate.ts';
import { DnsBook } from '../../shared/egress/analyze/dns-book.ts';
import type { Flow } from '../../shared/egress/analyze/flow.ts';
import { parseHttpRequest } from '../../shared/egress/decode/http.ts';
import { parseSocksRequest } from '../../shared/egress/decode/socks.ts';
import {
  ACK,
  clientHello,
  dnsAnswer,
  dnsQuery,
  ethernet,
  ethernetOf,
  geneve,
  gre,
  gtpU,
  ipv4,
  ipv4Fragments,
  ipv6,
  ipv6Fragments,
  pcap,
  pppoe,
  PSHACK,
  SYN,
  SYNACK,
  tcp,
  udp,
  vxlan,
  type Frame,
} from './packets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-classes-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function write(frames: Frame[], linkType = 101): string {
  const file = path.join(dir, `c${n++}.pcap`);
  writeFileSync(file, pcap(linkType, frames));
  return file;
}
const analyze = (frames: Frame[], linkType = 101, options = {}) => analyzeCaptureFile(write(frames, linkType), options);
const C = '10.1.0.5';
const S = '93.184.216.34';
const T = 1_700_000_000_000;
const hosts = (r: Awaited<ReturnType<typeof analyze>>) => r.endpoints.map((e) => `${e.host}:${e.port}/${e.transport}`);

/** A TLS connection from C:cport to server:port named `name`, from its SYN. */
function tlsConnection(server: string, port: number, name: string, cport = 50000, t = T): Frame[] {
  return [
    { time: t, data: ipv4(C, server, 6, tcp(cport, port, 100, SYN)) },
    { time: t + 1, data: ipv4(server, C, 6, tcp(port, cport, 900, SYNACK)) },
    { time: t + 2, data: ipv4(C, server, 6, tcp(cport, port, 101, PSHACK, clientHello(name))) },
  ];
}

describe('a capture that starts mid-connection', () => {
  test('the first packet is the SYN-ACK on an unknown port: its sender is the server', async () => {
    const report = await analyze([
      { time: T, data: ipv4(S, C, 6, tcp(7443, 40000, 900, SYNACK)) },
      { time: T + 1, data: ipv4(C, S, 6, tcp(40000, 7443, 101, PSHACK, clientHello('mid.example.test'))) },
    ]);
    assert.deepEqual(hosts(report), ['mid.example.test:7443/tcp']);
  });

  test('no handshake at all: the side that sends the ClientHello is the client, whatever the ports say', async () => {
    // Both ports look ephemeral and the server's is the higher one: ports alone would guess wrong.
    const report = await analyze([
      { time: T, data: ipv4(S, C, 6, tcp(45000, 33000, 900, ACK, Buffer.alloc(0))) },
      { time: T + 1, data: ipv4(C, S, 6, tcp(33000, 45000, 101, PSHACK, clientHello('late.example.test'))) },
    ]);
    assert.deepEqual(hosts(report), ['late.example.test:45000/tcp']);
  });

  test('the ephemeral range tells a server on a high port from its client', async () => {
    const report = await analyze([{ time: T, data: ipv4(S, C, 6, tcp(8000, 51000, 900, ACK, Buffer.from('x'))) }]);
    assert.deepEqual(hosts(report), [`${S}:8000/tcp`]);
  });
});

describe('IP fragments', () => {
  const answer = () =>
    dnsPacket.encode({
      type: 'response',
      id: 7,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ type: 'AAAA', name: 'big.example.test' }],
      answers: Array.from({ length: 120 }, (_, i) => ({
        type: 'AAAA' as const,
        name: 'big.example.test',
        ttl: 60,
        data: `2001:db8::${(i + 1).toString(16)}`,
      })),
    });

  test('a DNS answer fragmented over IPv4, out of order, names the address it gives', async () => {
    const reply = udp(53, 40001, answer());
    const pieces = ipv4Fragments('10.1.0.2', C, 17, reply, 1480);
    assert.ok(pieces.length >= 3);
    const report = await analyze([
      { time: T, data: ipv4(C, '10.1.0.2', 17, udp(40001, 53, dnsQuery(7, 'big.example.test', 'AAAA'))) },
      ...pieces.reverse().map((data, i) => ({ time: T + 1 + i, data })),
      { time: T + 10, data: ipv6('2001:db8::99', '2001:db8::77', 6, tcp(50000, 443, 1, SYN)) },
      { time: T + 11, data: ipv6('2001:db8::99', '2001:db8::5', 6, tcp(50001, 443, 1, SYN)) },
    ]);
    assert.equal(report.failedLookups.length, 0, 'the lookup did not time out');
    assert.ok(hosts(report).includes('big.example.test:443/tcp'), hosts(report).join());
    assert.equal(report.capture.undecoded, 0);
  });

  test('over IPv6 too; a fragment whose siblings never come is counted and warned about', async () => {
    const reply = udp(53, 40002, answer());
    const pieces = ipv6Fragments('2001:db8::53', '2001:db8::99', 17, reply, 1232);
    const lost = ipv4Fragments('10.1.0.2', C, 17, udp(53, 40003, answer()), 1480, 0x99);
    const report = await analyze([
      {
        time: T,
        data: ipv6('2001:db8::99', '2001:db8::53', 17, udp(40002, 53, dnsQuery(7, 'big.example.test', 'AAAA'))),
      },
      ...pieces.map((data, i) => ({ time: T + 1 + i, data })),
      { time: T + 10, data: lost[0]! },
      { time: T + 20, data: ipv6('2001:db8::99', '2001:db8::9', 6, tcp(50001, 443, 1, SYN)) },
    ]);
    assert.deepEqual(hosts(report), ['2001:db8::53:53/udp', 'big.example.test:443/tcp']);
    assert.equal(report.capture.undecodedBy?.fragment, 1);
    assert.match(report.warnings.join('\n'), /1 packets IP fragments whose datagram never completed/);
  });
});

describe('tunnels and encapsulations', () => {
  const inner4 = tlsConnection(S, 443, 'inside.example.test').map((f) => f.data);
  const inner6 = [
    ipv6('2001:db8::1', '2001:db8::2', 6, tcp(50000, 443, 100, SYN)),
    ipv6('2001:db8::1', '2001:db8::2', 6, tcp(50000, 443, 101, PSHACK, clientHello('inside6.example.test'))),
  ];
  const OUT_A = '192.0.2.1';
  const OUT_B = '192.0.2.2';
  const cases: [string, (ip: Buffer) => Buffer, number?][] = [
    ['IP-in-IP 4in4', (ip) => ipv4(OUT_A, OUT_B, 4, ip)],
    ['GRE', (ip) => ipv4(OUT_A, OUT_B, 47, gre(0x0800, ip, { key: 5 }))],
    ['GRE with Ethernet inside (gretap)', (ip) => ipv4(OUT_A, OUT_B, 47, gre(0x6558, ethernet(ip)))],
    ['ERSPAN type II', (ip) => ipv4(OUT_A, OUT_B, 47, gre(0x88be, Buffer.concat([Buffer.alloc(8, 0x10), ethernet(ip)]), { seq: 1 }))],
    ['ERSPAN type III', (ip) => ipv4(OUT_A, OUT_B, 47, gre(0x22eb, Buffer.concat([Buffer.alloc(12, 0x20), ethernet(ip)]), { seq: 1 }))],
    ['VXLAN', (ip) => ipv4(OUT_A, OUT_B, 17, udp(51000, 4789, vxlan(42, ethernet(ip, true))))],
    ['Geneve with options', (ip) => ipv4(OUT_A, OUT_B, 17, udp(51000, 6081, geneve(0x6558, ethernet(ip), 2)))],
    ['GTP-U with an extension header', (ip) => ipv4(OUT_A, OUT_B, 17, udp(2152, 2152, gtpU(9, ip, true)))],
    ['PPPoE', (ip) => pppoe(ip), 1],
    ['MPLS', (ip) => ethernetOf(0x8847, Buffer.concat([Buffer.from([0, 0x01, 0x01, 64]), ip])), 1],
  ]; // prettier-ignore
  for (const [kind, wrap, linkType] of cases) {
    test(`${kind}: the connection inside is named and the tunnel is said`, async () => {
      const frames = inner4.map((data, i) => ({ time: T + i, data: wrap(data) }));
      const report = await analyze(linkType === 1 ? frames : frames, linkType ?? 101);
      assert.deepEqual(hosts(report), ['inside.example.test:443/tcp'], kind);
      assert.equal(report.capture.undecoded, 0);
    });
  }
  test('IPv6 in IPv4 (6in4) and IPv4 in IPv6 (4in6)', async () => {
    const report = await analyze([
      ...inner6.map((data, i) => ({ time: T + i, data: ipv4(OUT_A, OUT_B, 41, data) })),
      ...inner4.map((data, i) => ({ time: T + 10 + i, data: ipv6('2001:db8::a', '2001:db8::b', 4, data) })),
    ]);
    assert.deepEqual(hosts(report).sort(), ['inside.example.test:443/tcp', 'inside6.example.test:443/tcp']);
    assert.equal(report.capture.tunnels?.['ip-in-ip'], 5);
    assert.match(report.warnings.join('\n'), /ip-in-ip 192\.0\.2\.1 -> 192\.0\.2\.2/);
  });
  test('a tunnel whose payload cannot be placed, an unknown protocol and a link type: counted by reason', async () => {
    const report = await analyze([
      { time: T, data: ipv4(OUT_A, OUT_B, 47, gre(0x9999, Buffer.alloc(40))) },
      { time: T + 1, data: ipv4(OUT_A, OUT_B, 50, Buffer.alloc(40)) }, // ESP
      { time: T + 2, data: ipv4(OUT_A, OUT_B, 132, Buffer.alloc(40)) }, // SCTP
    ]);
    assert.deepEqual(report.capture.undecodedBy, { tunnel: 1, protocol: 2 });
    assert.match(report.warnings.join('\n'), /1 packets inside a tunnel whose payload could not be decoded/);
    assert.match(report.warnings.join('\n'), /2 packets of an IP protocol other than TCP, UDP or ICMP/);
    const unknownLink = await analyze([{ time: T, data: Buffer.alloc(60) }], 147);
    assert.deepEqual(unknownLink.capture.undecodedBy, { 'link-type': 1 });
    assert.match(unknownLink.warnings.join('\n'), /link types 147 are not decoded/);
  });
});

describe('STARTTLS and SOCKS', () => {
  const plainThenTls = (port: number, plain: string[], name: string): Frame[] => {
    const frames: Frame[] = [
      { time: T, data: ipv4(C, S, 6, tcp(50010, port, 100, SYN)) },
      { time: T + 1, data: ipv4(S, C, 6, tcp(port, 50010, 900, SYNACK)) },
    ];
    let seq = 101;
    for (const line of [...plain.map((l) => Buffer.from(l, 'latin1')), clientHello(name, 1200)]) {
      frames.push({ time: T + 2 + frames.length, data: ipv4(C, S, 6, tcp(50010, port, seq, PSHACK, line)) });
      seq += line.length;
    }
    return frames;
  };
  const cases: [string, number, string[]][] = [
    ['smtp', 25, ['EHLO runner.example.test\r\n', 'STARTTLS\r\n']],
    ['smtp', 587, ['EHLO runner\r\n', 'STARTTLS\r\n']],
    ['imap', 143, ['a001 CAPABILITY\r\n', 'a002 STARTTLS\r\n']],
    ['pop3', 110, ['CAPA\r\n', 'STLS\r\n']],
    ['ftp', 21, ['AUTH TLS\r\n']],
    ['xmpp', 5222, ["<?xml version='1.0'?><stream:stream to='chat.example.test' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>", "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"]],
  ]; // prettier-ignore
  for (const [protocol, port, plain] of cases) {
    test(`${protocol} on ${port}: the ClientHello after the upgrade names the server`, async () => {
      const report = await analyze(plainThenTls(port, plain, `${protocol}.example.test`));
      assert.deepEqual(
        report.endpoints.map((e) => [e.host, e.port, e.protocol, e.namedBy]),
        [[`${protocol}.example.test`, port, protocol, 'sni']],
      );
    });
  }

  test('SOCKS5 (with username/password), SOCKS4 and SOCKS4a name the real destination and the proxy', async () => {
    const socks5 = Buffer.concat([
      Buffer.from([5, 2, 0, 2]),
      Buffer.from([1, 4, ...Buffer.from('user'), 4, ...Buffer.from('pass')]),
      Buffer.from([5, 1, 0, 3, 18, ...Buffer.from('dest5.example.test'), 0x01, 0xbb]),
    ]);
    assert.deepEqual(parseSocksRequest(socks5), { status: 'ok', version: 5, host: 'dest5.example.test', port: 443 });
    assert.equal(parseSocksRequest(socks5.subarray(0, 9)).status, 'need-more');
    const socks4 = Buffer.from([4, 1, 0, 80, 198, 51, 100, 7, ...Buffer.from('me'), 0]);
    const socks4a = Buffer.from([4, 1, 0x1f, 0x90, 0, 0, 0, 1, 0, ...Buffer.from('dest4a.example.test'), 0]);
    const frames: Frame[] = [];
    [socks5, socks4, socks4a].forEach((request, i) => {
      const port = 51000 + i;
      frames.push(
        { time: T + i * 10, data: ipv4(C, S, 6, tcp(port, 1080, 100, SYN)) },
        { time: T + i * 10 + 1, data: ipv4(S, C, 6, tcp(1080, port, 900, SYNACK)) },
        { time: T + i * 10 + 2, data: ipv4(C, S, 6, tcp(port, 1080, 101, PSHACK, request)) },
      );
    });
    const report = await analyze(frames);
    assert.deepEqual(report.endpoints.map((e) => [e.host, e.port, e.protocol, e.namedBy, e.via ?? '']).sort(), [
      ['198.51.100.7', 80, 'tcp', 'connect', `${S}:1080`],
      // One proxy endpoint: the first request's protocol names it.
      [S, 1080, 'socks5', 'none', ''],
      ['dest4a.example.test', 8080, 'tcp', 'connect', `${S}:1080`],
      ['dest5.example.test', 443, 'https', 'connect', `${S}:1080`],
    ]);
  });
});

describe('HTTP oddities', () => {
  test('runs of spaces in the request line are tolerated; a NUL in Host is no name', () => {
    assert.deepEqual(parseHttpRequest(Buffer.from('GET   /x    HTTP/1.1\r\nHost: spaced.example.test\r\n\r\n')), {
      status: 'ok',
      method: 'GET',
      host: 'spaced.example.test',
    });
    assert.deepEqual(parseHttpRequest(Buffer.from('GET / HTTP/1.1\r\nHost: evil.test\0.good.test\r\n\r\n')), {
      status: 'ok',
      method: 'GET',
    });
  });
});

describe('loopback, and names looked up but never contacted', () => {
  test('loopback connections are left out unless asked for; a proxy on loopback still names the destination', async () => {
    const connect = Buffer.from('CONNECT real.example.test:443 HTTP/1.1\r\nHost: real.example.test:443\r\n\r\n');
    const frames: Frame[] = [
      { time: T, data: ipv4('127.0.0.1', '127.0.0.1', 6, tcp(50000, 8125, 1, SYN)) },
      { time: T + 1, data: ipv4('127.0.0.1', '127.0.0.1', 6, tcp(8125, 50000, 1, SYNACK)) },
      { time: T + 2, data: ipv4('127.0.0.1', '127.0.0.1', 6, tcp(50001, 3128, 1, SYN)) },
      { time: T + 3, data: ipv4('127.0.0.1', '127.0.0.1', 6, tcp(3128, 50001, 1, SYNACK)) },
      { time: T + 4, data: ipv4('127.0.0.1', '127.0.0.1', 6, tcp(50001, 3128, 2, PSHACK, connect)) },
    ];
    const file = write(frames);
    const report = await analyzeCaptureFile(file);
    assert.deepEqual(hosts(report), ['real.example.test:443/tcp']);
    assert.match(report.warnings.join('\n'), /2 connections to loopback addresses are not egress/);
    const kept = await analyzeCaptureFile(file, { includeLoopback: true });
    assert.deepEqual(hosts(kept).sort(), ['127.0.0.1:3128/tcp', '127.0.0.1:8125/tcp', 'real.example.test:443/tcp']);
  });

  test('a resolved name nobody connected to is reported, HTTPS hints count as its addresses', async () => {
    const https = dnsPacket.encode({
      type: 'response',
      id: 3,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ type: 'HTTPS' as never, name: 'svc.example.test' }],
      answers: [],
    });
    // dns-packet cannot write type 65: patch the question type, then append an HTTPS record by hand.
    const rdata = Buffer.concat([
      Buffer.from([0, 1, 0]), // priority 1, TargetName "."
      Buffer.from([0, 1, 0, 3, 2, 0x68, 0x32]), // alpn=h2
      Buffer.from([0, 4, 0, 4, 203, 0, 113, 9]), // ipv4hint=203.0.113.9
    ]);
    const record = Buffer.concat([Buffer.from([0xc0, 12, 0, 65, 0, 1, 0, 0, 0, 60, 0, rdata.length]), rdata]);
    const message = Buffer.concat([https, record]);
    message.writeUInt16BE(65, https.length - 4);
    message.writeUInt16BE(1, 6); // ANCOUNT
    const report = await analyze([
      { time: T, data: ipv4(C, '10.1.0.2', 17, udp(40000, 53, dnsQuery(1, 'used.example.test'))) },
      { time: T + 1, data: ipv4('10.1.0.2', C, 17, udp(53, 40000, dnsAnswer(1, 'used.example.test', [{ type: 'A', name: 'used.example.test', data: '198.51.100.1' }]))) },
      { time: T + 2, data: ipv4(C, '10.1.0.2', 17, udp(40001, 53, dnsQuery(2, 'exfil-a1b2.example.test'))) },
      { time: T + 3, data: ipv4('10.1.0.2', C, 17, udp(53, 40001, dnsAnswer(2, 'exfil-a1b2.example.test', [{ type: 'A', name: 'exfil-a1b2.example.test', data: '198.51.100.2' }]))) },
      { time: T + 4, data: ipv4('10.1.0.2', C, 17, udp(53, 40002, message)) },
      ...tlsConnection('198.51.100.1', 443, 'used.example.test', 50000, T + 5),
      ...tlsConnection('203.0.113.9', 443, '', 50001, T + 10),
    ]); // prettier-ignore
    assert.deepEqual(
      report.lookedUp?.map((l) => [l.name, l.types, l.addresses]),
      [['exfil-a1b2.example.test', ['A'], ['198.51.100.2']]],
    );
    assert.ok(hosts(report).includes('svc.example.test:443/tcp'), 'the HTTPS hint named the address');
  });
});

describe('steps, NAT, several files', () => {
  test('a long-lived connection is in every step it was used in', async () => {
    const frames = [
      ...tlsConnection(S, 443, 'long.example.test', 50000, T),
      { time: T + 25_000, data: ipv4(C, S, 6, tcp(50000, 443, 5000, ACK, Buffer.from('x'))) },
    ];
    const report = await analyzeCaptureFile(write(frames), {
      steps: [
        { name: 'install', start: T - 1000, end: T + 10_000 },
        { name: 'build', start: T + 10_001, end: T + 20_000 },
        { name: 'test', start: T + 20_001, end: T + 30_000 },
        { name: 'deploy', start: T + 30_001 },
      ],
    });
    assert.deepEqual(report.endpoints[0]?.steps, ['install', 'build', 'test']);
  });

  test("a container's connection seen before and after NAT is one connection, with the container's address", async () => {
    const container = '10.88.0.7';
    const host = '10.0.2.15';
    const frames: Frame[] = [];
    for (const [client, t] of [
      [container, T],
      [host, T + 0.2],
    ] as const) {
      frames.push(
        { time: t, data: ipv4(client, S, 6, tcp(40100, 443, 777, SYN)) },
        { time: t + 1, data: ipv4(S, client, 6, tcp(443, 40100, 900, SYNACK)) },
        { time: t + 2, data: ipv4(client, S, 6, tcp(40100, 443, 778, PSHACK, clientHello('nat.example.test'))) },
      );
    }
    const report = await analyze(frames.sort((a, b) => a.time - b.time));
    assert.equal(report.endpoints.length, 1);
    assert.equal(report.endpoints[0]!.connections, 1);
    assert.deepEqual(report.endpoints[0]!.natClients, [container]);
  });

  test('several files merge into one report, a name learned in one naming the next', async () => {
    const dns = write([
      { time: T, data: ipv4(C, '10.1.0.2', 17, udp(40000, 53, dnsQuery(1, 'split.example.test'))) },
      { time: T + 1, data: ipv4('10.1.0.2', C, 17, udp(53, 40000, dnsAnswer(1, 'split.example.test', [{ type: 'A', name: 'split.example.test', data: S }]))) },
    ]); // prettier-ignore
    const conn = write([{ time: T + 5, data: ipv4(C, S, 6, tcp(50000, 22, 1, SYN)) }]);
    const merged = await analyzeCaptureFilesMerged([dns, conn]);
    assert.deepEqual(hosts(merged), ['10.1.0.2:53/udp', 'split.example.test:22/tcp']);
    assert.deepEqual(merged.capture.files, [dns, conn]);
    assert.equal(merged.capture.packets, 3);
  });
});

describe('bounded whatever the input', () => {
  test(`past ${MAX_FLOWS} connections, the rest are counted by destination and the report says so`, async () => {
    const frames: Frame[] = [];
    const total = MAX_FLOWS + 20_000;
    for (let i = 0; i < total; i++) {
      const src = `10.${(i >> 16) & 0xff}.${(i >> 8) & 0xff}.${i & 0xff}`;
      frames.push({ time: T + i, data: ipv4(src, S, 6, tcp(1024 + (i % 60000), 80, i, SYN)) });
    }
    const report = await analyze(frames);
    const endpoint = report.endpoints.find((e) => e.host === S && e.port === 80);
    assert.equal(endpoint?.connections, total);
    assert.match(report.warnings.join('\n'), /20000 later ones are counted by destination only/);
  });

  test('TCP data that never starts at offset 0, and one endpoint behind 200k addresses, stay linear', async () => {
    const frames: Frame[] = [
      { time: T, data: ipv4(C, S, 6, tcp(50000, 443, 100, SYN)) },
      { time: T + 1, data: ipv4(S, C, 6, tcp(443, 50000, 900, SYNACK)) },
    ];
    for (let i = 0; i < 50_000; i++) {
      frames.push({ time: T + 2 + i, data: ipv4(C, S, 6, tcp(50000, 443, 200 + (i % 8000), ACK, Buffer.from('z'))) });
    }
    const started = Date.now();
    const report = await analyze(frames);
    assert.deepEqual(hosts(report), [`${S}:443/tcp`], 'unnamed, and no buffer grew without bound');
    // 200k addresses behind one name (more connections than are tracked one by one, so the
    // aggregation is driven directly with its plain data).
    const flows: Flow[] = Array.from({ length: 200_000 }, (_, i) => ({
      transport: 'tcp', clientIp: C, clientPort: 1024 + (i % 60000), serverIp: `11.${(i >> 16) & 0xff}.${(i >> 8) & 0xff}.${i & 0xff}`,
      serverPort: 443, firstSeen: T + i, lastSeen: T + i, bytes: 100, synSeen: true, synAckSeen: true, oriented: true,
      segments: 1, name: { host: 'cdn.example.test', namedBy: 'sni', protocol: 'https' },
    })); // prettier-ignore
    const { endpoints } = toEndpoints(flows, new DnsBook());
    const cdn = endpoints.find((e) => e.host === 'cdn.example.test');
    assert.equal(cdn?.connections, 200_000);
    assert.equal(cdn.addresses.length + (cdn.addressesOmitted ?? 0), 200_000);
    assert.ok(cdn.addresses.length <= 1000, 'the listing is capped, the count is not');
    // Not a speed target (those live in benchmarks): a guard that the work is not quadratic.
    assert.ok(Date.now() - started < 60_000);
  });
});
