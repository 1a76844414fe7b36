// What block mode recorded, joined into the report: refused packets from NFLOG named by the DNS
// answer that gave their address and tied to the follower's process record of the same five-tuple.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  attributeEndpoints,
  blockedConnections,
  nameAt,
  withoutBlocked,
  type BlockRecords,
} from '../../shared/egress/block/attribution.ts';
import { decodeNflog } from '../../shared/egress/block/nflog.ts';
import type { Endpoint } from '../../shared/egress/model/report.ts';

/** An NFLOG frame (LINKTYPE_NFLOG): header, then little-endian TLVs padded to 4 bytes. */
function nflogFrame(family: number, group: number, tlvs: [number, Buffer][]): Buffer {
  const parts: Buffer[] = [Buffer.from([family, 0, group >> 8, group & 0xff])];
  for (const [type, value] of tlvs) {
    const header = Buffer.alloc(4);
    header.writeUInt16LE(4 + value.length, 0);
    header.writeUInt16LE(type, 2);
    parts.push(header, value, Buffer.alloc((4 - (value.length % 4)) % 4));
  }
  return Buffer.concat(parts);
}

test('an NFLOG frame gives its group, prefix, uid and the IP packet', () => {
  const ip = Buffer.alloc(40);
  ip[0] = 0x45;
  const uid = Buffer.alloc(4);
  uid.writeUInt32BE(1001);
  const log = decodeNflog(
    nflogFrame(2, 4242, [
      [10, Buffer.from('telltale:forward\0')],
      [11, uid],
      [9, ip],
    ]),
  );
  assert.equal(log?.group, 4242);
  assert.equal(log?.prefix, 'telltale:forward');
  assert.equal(log?.uid, 1001);
  assert.equal(log?.network?.version, 4);
  assert.equal(log?.network?.data.length, 40);
});

test('truncated and garbage frames never throw', () => {
  assert.equal(decodeNflog(Buffer.alloc(2)), undefined);
  for (let n = 0; n < 64; n++) decodeNflog(Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff)));
  const cut = nflogFrame(10, 1, [[9, Buffer.alloc(40)]]).subarray(0, 20);
  assert.equal(decodeNflog(cut)?.network, undefined);
});

const records: BlockRecords = {
  dns: [
    { time: 1000, name: 'cdn.example', address: '203.0.113.9', ttl: 60, allowedBy: [] },
    { time: 5000, name: 'evil.example', address: '203.0.113.9', ttl: 60, allowedBy: [] },
  ],
  connections: [
    {
      time: 6000,
      transport: 'tcp',
      src: '10.0.0.1',
      sport: 40000,
      dst: '203.0.113.9',
      dport: 443,
      process: { pid: 7, exe: '/usr/bin/curl' },
    },
  ],
  refused: [
    { time: 6001, origin: 'output', transport: 'tcp', src: '10.0.0.1', sport: 40000, dst: '203.0.113.9', dport: 443 },
    { time: 6100, origin: 'output', transport: 'udp', src: '10.0.0.1', sport: 5000, dst: '198.51.100.1', dport: 443 },
    { time: 6200, origin: 'output', transport: 'udp', src: '10.0.0.1', sport: 5000, dst: '198.51.100.1', dport: 443 },
  ],
  unreadable: 0,
};

test('a refused connection is named by the latest DNS answer before it, and tied to its process', () => {
  assert.equal(nameAt(records.dns, '203.0.113.9', 6001), 'evil.example');
  assert.equal(nameAt(records.dns, '203.0.113.9', 2000), 'cdn.example');
  const blocked = blockedConnections(records, [{ name: 'npm test', start: 5500, end: 7000 }]);
  assert.deepEqual(
    blocked.map((b) => [
      b.host,
      b.namedBy,
      b.port,
      b.transport,
      b.attempts,
      b.steps,
      b.processes?.[0]?.exe,
      b.unattributed,
    ]),
    [
      ['198.51.100.1', 'none', 443, 'udp', 2, ['npm test'], undefined, 1],
      ['evil.example', 'dns', 443, 'tcp', 1, ['npm test'], '/usr/bin/curl', undefined],
    ],
  );
});

test('an endpoint that was only ever refused leaves the endpoint list', () => {
  const endpoint = (over: Partial<Endpoint>): Endpoint => ({
    host: 'evil.example', port: 443, transport: 'tcp', protocol: 'https', addresses: ['203.0.113.9'], namedBy: 'dns',
    firstSeen: '', lastSeen: '', connections: 1, failed: 1, failures: ['refused'], bytes: 60, ...over,
  }); // prettier-ignore
  const blocked = blockedConnections(records);
  const kept = withoutBlocked([endpoint({}), endpoint({ failed: 0, failures: [] }), endpoint({ port: 80 })], blocked);
  assert.deepEqual(
    kept.map((e) => `${e.port} ${e.failed}`),
    ['443 0', '80 1'],
  );
});

test('a flow logged twice, the second time after its socket closed, keeps the process of the first', () => {
  // Chromium's refused QUIC attempt: the first Initial names the process; the retry that was already
  // on its way when the ICMP error closed the socket finds no socket (as an older follower logged it).
  const quic = { transport: 'udp', src: '10.0.0.1', sport: 38923, dst: '10.0.9.9', dport: 443 } as const;
  const chromium = { pid: 9, exe: '/usr/lib/chromium/chromium' };
  const blocked = blockedConnections({
    dns: [{ time: 100, name: 'h3.denied.example', address: '10.0.9.9', ttl: 60, allowedBy: [] }],
    connections: [
      { time: 1000, ...quic, process: chromium },
      { time: 1004, ...quic },
    ],
    refused: [
      { time: 1001, origin: 'output', ...quic },
      { time: 1005, origin: 'output', ...quic },
    ],
    unreadable: 0,
  });
  assert.deepEqual(
    blocked.map((b) => [b.host, b.attempts, b.processes?.map((p) => p.exe), b.unattributed]),
    [['h3.denied.example', 2, ['/usr/lib/chromium/chromium'], undefined]],
  );
});

test('a port reused later by another process is told apart by time', () => {
  const tuple = { transport: 'tcp', src: '10.0.0.1', sport: 40000, dst: '10.0.9.9', dport: 22 } as const;
  const blocked = blockedConnections({
    dns: [],
    connections: [
      { time: 1000, ...tuple, process: { pid: 1, exe: '/usr/bin/ssh' } },
      { time: 90_000, ...tuple, process: { pid: 2, exe: '/usr/bin/nc' } },
    ],
    refused: [
      { time: 1001, origin: 'output', ...tuple },
      { time: 90_001, origin: 'output', ...tuple },
    ],
    unreadable: 0,
  });
  // Same tuple twice: the second refusal is the same flow key, so only the first is attributed;
  // what matters is that it is ssh (the record at its time), not nc (the record logged last).
  assert.deepEqual(
    blocked[0]?.processes?.map((p) => p.exe),
    ['/usr/bin/ssh'],
  );
});

test('an endpoint counts a connection once, however many of its packets were logged', () => {
  const endpoint: Endpoint = {
    host: 'h3.example', port: 443, transport: 'udp', protocol: 'quic', addresses: ['10.0.9.9'], namedBy: 'sni',
    firstSeen: '', lastSeen: '', connections: 2, failed: 0, failures: [], bytes: 2400,
  }; // prettier-ignore
  const flow = (sport: number) => ({ transport: 'udp', src: '10.0.0.1', sport, dst: '10.0.9.9', dport: 443 }) as const;
  const counts = attributeEndpoints(
    [endpoint],
    [
      { time: 1, ...flow(5000), process: { pid: 9, exe: '/usr/lib/chromium/chromium' } },
      { time: 2, ...flow(5000) },
      { time: 3, ...flow(5000) },
      { time: 4, ...flow(5001) },
    ],
  );
  assert.deepEqual(counts, { connections: 2, attributed: 1 });
  assert.deepEqual(
    endpoint.processes?.map((p) => p.exe),
    ['/usr/lib/chromium/chromium'],
  );
  assert.equal(endpoint.unattributed, 1);
});
