// What block mode recorded, joined into the report: refused packets from NFLOG named by the DNS
// answer that gave their address and tied to the follower's process record of the same five-tuple.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
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
