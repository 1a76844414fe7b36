// One QUIC flow, datagram by datagram, as a capture shows it: the Initial after a 0-RTT packet,
// packets coalesced in one datagram, a ClientHello shuffled over several Initials, a Retry, version
// negotiation, versions nobody can decrypt, and the session's caps.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { feedQuic, newQuicSession, type QuicFeed } from '../../shared/egress/decode/quic.ts';
import { cryptoClientHello } from './packets.ts';
import { cryptoFrame, opaqueLongPacket, sealInitial, specOf } from './quic-packets.ts';

const DCID = Buffer.from('c0ffee00c0ffee01', 'hex');
const v1 = specOf('v1');

function feedAll(datagrams: Buffer[]): QuicFeed[] {
  const session = newQuicSession();
  return datagrams.map((d) => feedQuic(session, d));
}

describe('a QUIC flow fed datagram by datagram', () => {
  test('a flow whose first datagram is a 0-RTT packet is kept and named by the Initial after it', () => {
    const zeroRtt = opaqueLongPacket(v1, '0-rtt', DCID);
    const initial = sealInitial({
      spec: v1,
      dcid: DCID,
      plaintext: cryptoFrame(0, cryptoClientHello('late.example.test', 400)),
    });
    const [first, second] = feedAll([zeroRtt, initial]);
    assert.deepEqual(first, {
      status: 'unnamed',
      version: 1,
      versionName: 'v1',
      reason: 'no Initial seen: the flow began with a 0-RTT packet',
    });
    assert.deepEqual(second, { status: 'named', host: 'late.example.test', version: 1, versionName: 'v1' });
  });

  test('a flow that starts at a Handshake packet says so, and a v2 one is read with v2 packet types', () => {
    const v2 = specOf('v2');
    const [feed] = feedAll([opaqueLongPacket(v2, 'handshake', DCID)]);
    assert.ok(feed!.status === 'unnamed' && feed!.versionName === 'v2' && /Handshake packet/.test(feed!.reason));
  });

  test('an Initial coalesced with a 0-RTT packet after it (RFC 9000 §12.2) is read', () => {
    const initial = sealInitial({
      spec: v1,
      dcid: DCID,
      plaintext: cryptoFrame(0, cryptoClientHello('coalesced.example.test', 300)),
      payloadLength: 600,
    });
    const datagram = Buffer.concat([initial, opaqueLongPacket(v1, '0-rtt', DCID, 400)]);
    assert.deepEqual(feedAll([datagram]), [
      { status: 'named', host: 'coalesced.example.test', version: 1, versionName: 'v1' },
    ]);
  });

  test('an Initial after a Handshake packet in the same datagram is found too', () => {
    const initial = sealInitial({
      spec: specOf('draft-29'),
      dcid: DCID,
      plaintext: cryptoFrame(0, cryptoClientHello('second.example.test', 300)),
      payloadLength: 500,
    });
    const datagram = Buffer.concat([opaqueLongPacket(specOf('draft-29'), 'handshake', DCID, 100), initial]);
    const [feed] = feedAll([datagram]);
    assert.ok(feed!.status === 'named' && feed!.host === 'second.example.test' && feed!.versionName === 'draft-29');
  });

  test('bytes after the coalesced packets that are no packet of this connection are ignored', () => {
    const initial = sealInitial({
      spec: v1,
      dcid: DCID,
      plaintext: cryptoFrame(0, cryptoClientHello('trailer.example.test', 300)),
      payloadLength: 600,
    });
    // Junk with the long-header bit, an unknown version and another DCID: not a coalesced packet.
    const junk = Buffer.concat([Buffer.from('c0deadbeef08', 'hex'), Buffer.alloc(8, 9), Buffer.alloc(500, 0xee)]);
    assert.deepEqual(feedAll([Buffer.concat([initial, junk])]), [
      { status: 'named', host: 'trailer.example.test', version: 1, versionName: 'v1' },
    ]);
  });

  test('CRYPTO frames out of order across three Initials name the flow only when the hello is whole', () => {
    const hello = cryptoClientHello('shuffled.example.test', 2600);
    const piece = (a: number, b: number) => cryptoFrame(a, hello.subarray(a, b));
    const packets = [
      Buffer.concat([piece(1900, 2300), piece(0, 300), piece(1100, 1500)]),
      Buffer.concat([piece(300, 700), piece(2300, hello.length)]),
      Buffer.concat([piece(1500, 1900), piece(700, 1100)]),
    ].map((plaintext, pn) => sealInitial({ spec: v1, dcid: DCID, plaintext, packetNumber: pn }));
    const feeds = feedAll([packets[2]!, packets[0]!, packets[1]!]);
    assert.deepEqual(
      feeds.map((f) => f.status),
      ['need-more', 'need-more', 'named'],
    );
  });

  test('a retransmitted Initial repeating CRYPTO data does not disturb the reassembly', () => {
    const hello = cryptoClientHello('retransmit.example.test', 1500);
    const a = sealInitial({ spec: v1, dcid: DCID, plaintext: cryptoFrame(0, hello.subarray(0, 800)) });
    const b = sealInitial({ spec: v1, dcid: DCID, plaintext: cryptoFrame(800, hello.subarray(800)), packetNumber: 1 });
    const feeds = feedAll([a, a, b]);
    assert.equal(feeds[2]!.status, 'named');
  });

  test("after a server's new connection ID, later Initials keep the first DCID's keys (RFC 9001 §5.2)", () => {
    const hello = cryptoClientHello('newcid.example.test', 1500);
    const first = sealInitial({ spec: v1, dcid: DCID, plaintext: cryptoFrame(0, hello.subarray(0, 700)) });
    const serverCid = Buffer.from('5e17e0a1', 'hex');
    const later = sealInitial({
      spec: v1,
      dcid: serverCid,
      keysFrom: DCID,
      plaintext: cryptoFrame(700, hello.subarray(700)),
      packetNumber: 1,
    });
    assert.equal(feedAll([first, later])[1]!.status, 'named');
  });

  test('after a Retry, the Initial keyed by the Retry-chosen DCID is read', () => {
    const retryCid = Buffer.from('0102030405060708090a', 'hex');
    const initial = sealInitial({
      spec: v1,
      dcid: retryCid,
      plaintext: cryptoFrame(0, cryptoClientHello('retry.example.test', 400)),
    });
    const original = sealInitial({ spec: v1, dcid: DCID, plaintext: Buffer.from([0x01]) }); // a PING-only Initial
    const feeds = feedAll([original, initial]);
    assert.deepEqual(feeds[0], {
      status: 'unnamed',
      version: 1,
      versionName: 'v1',
      reason: 'no ClientHello in the Initials seen',
    });
    assert.equal(feeds[1]!.status, 'named');
  });

  test('a version with no public keys is QUIC, version shown, unnamed', () => {
    const unknown = { ...v1, version: 0x12345678 };
    const packet = sealInitial({
      spec: unknown,
      dcid: DCID,
      plaintext: cryptoFrame(0, cryptoClientHello('x.test', 300)),
    });
    assert.deepEqual(feedAll([packet]), [
      {
        status: 'unnamed',
        version: 0x12345678,
        versionName: '0x12345678',
        reason: 'no public Initial keys for this version',
      },
    ]);
    const [old] = feedAll([
      sealInitial({ spec: { ...v1, version: 0xff000011 }, dcid: DCID, plaintext: Buffer.alloc(10) }),
    ]);
    assert.ok(old!.status === 'unnamed' && old!.reason === 'draft-17 Initials are not read (drafts 22-34 are)');
    const q049 = sealInitial({ spec: { ...v1, version: 0x51303439 }, dcid: DCID, plaintext: Buffer.alloc(10) });
    const [feed] = feedAll([q049]);
    assert.ok(feed!.status === 'unnamed' && feed!.versionName === 'Q049' && /no public keys/.test(feed!.reason));
  });

  test('a greased version, then the real one after version negotiation: named with the real version', () => {
    const grease = sealInitial({ spec: { ...v1, version: 0x1a2a3a4a }, dcid: DCID, plaintext: Buffer.alloc(10) });
    const initial = sealInitial({
      spec: v1,
      dcid: DCID,
      plaintext: cryptoFrame(0, cryptoClientHello('vn.example.test', 300)),
    });
    const [first, second] = feedAll([grease, initial]);
    assert.ok(first!.status === 'unnamed' && first!.versionName === 'reserved-0x1a2a3a4a');
    assert.deepEqual(second, { status: 'named', host: 'vn.example.test', version: 1, versionName: 'v1' });
  });

  test('a hello that changes version midway (incompatible negotiation) is read afresh in the new one', () => {
    const hello = cryptoClientHello('restart.example.test', 1500);
    const d29 = sealInitial({
      spec: specOf('draft-29'),
      dcid: DCID,
      plaintext: cryptoFrame(0, cryptoClientHello('stale.test', 1500).subarray(0, 1200)),
    });
    const whole = sealInitial({ spec: v1, dcid: DCID, plaintext: cryptoFrame(0, hello.subarray(0, 1000)) });
    const rest = sealInitial({
      spec: v1,
      dcid: DCID,
      plaintext: cryptoFrame(1000, hello.subarray(1000)),
      packetNumber: 1,
    });
    const feeds = feedAll([d29, whole, rest]);
    assert.deepEqual(feeds[2], { status: 'named', host: 'restart.example.test', version: 1, versionName: 'v1' });
  });

  test('a ClientHello without server_name, and a CRYPTO stream that is no hello, are final unnamed', () => {
    const noSni = Buffer.from(cryptoClientHello('x.test', 300));
    // The SNI extension is the last one (9 + name bytes); give it a GREASE type so none is left.
    noSni.writeUInt16BE(0xfafa, noSni.length - (9 + 'x.test'.length));
    const session = newQuicSession();
    const [feed] = [feedQuic(session, sealInitial({ spec: v1, dcid: DCID, plaintext: cryptoFrame(0, noSni) }))];
    assert.deepEqual(feed, {
      status: 'unnamed',
      version: 1,
      versionName: 'v1',
      reason: 'ClientHello without server_name',
    });
    assert.ok(session.final);
    const notHello = Buffer.from(cryptoClientHello('x.test', 300));
    notHello[0] = 0x02; // a ServerHello's type byte
    const [other] = feedAll([sealInitial({ spec: v1, dcid: DCID, plaintext: cryptoFrame(0, notHello) })]);
    assert.ok(other!.status === 'unnamed' && other!.reason === 'CRYPTO stream is not a ClientHello');
  });

  test('the session gives up after its datagram cap and says the hello was incomplete', () => {
    const hello = cryptoClientHello('never.example.test', 3000);
    const part = sealInitial({ spec: v1, dcid: DCID, plaintext: cryptoFrame(0, hello.subarray(0, 500)) });
    const feeds = feedAll(Array.from({ length: 20 }, () => part));
    assert.deepEqual(feeds[14], { status: 'need-more' });
    assert.deepEqual(feeds[15], { status: 'unnamed', version: 1, versionName: 'v1', reason: 'ClientHello incomplete' });
    assert.deepEqual(feeds[19], feeds[15]);
  });

  test('CRYPTO data far past any real hello is not kept (bounded memory)', () => {
    const session = newQuicSession();
    const far = sealInitial({ spec: v1, dcid: DCID, plaintext: cryptoFrame(10_000_000, Buffer.alloc(900, 1)) });
    for (let i = 0; i < 5; i++) feedQuic(session, far);
    assert.equal(session.cryptoBytes, 0);
    assert.equal(session.crypto.size, 0);
  });

  test('short-header packets and random UDP are not QUIC when nothing before them was', () => {
    assert.deepEqual(feedAll([Buffer.from([0x40, 1, 2, 3, 4, 5, 6, 7, 8])]), [{ status: 'not-quic' }]);
    // A small datagram with the long-header bit and an unknown version is not claimed as QUIC either.
    assert.deepEqual(feedAll([Buffer.from('c0deadbeef00000000000000', 'hex')]), [{ status: 'not-quic' }]);
  });
});
