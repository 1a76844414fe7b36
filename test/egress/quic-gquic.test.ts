// Google QUIC before TLS: Q043 (public header) and Q046 (IETF-style long header) send their CHLO in
// plaintext on stream 1; its SNI tag names the server. Packets built byte by byte from the format.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeGquicPacket, parseChlo } from '../../shared/egress/decode/gquic.ts';
import { feedQuic, newQuicSession } from '../../shared/egress/decode/quic.ts';
import {
  chloMessage,
  chromeChlo,
  gquicLongHeaderPacket,
  gquicPublicHeaderPacket,
  gquicStreamFrame,
} from './quic-packets.ts';

const CID = Buffer.from('d5a4c3b2a1908070', 'hex');

describe('Google QUIC CHLO in plaintext', () => {
  test('a Q043 packet (public header, version flag, 8-byte CID) is named by its SNI tag', () => {
    const packet = gquicPublicHeaderPacket('Q043', CID, [gquicStreamFrame(0, chromeChlo('www.google.com', 'Q043'))]);
    // The bytes as the format lays them out: flags, CID, "Q043", packet number, 12-byte hash, frame.
    assert.equal(packet[0], 0x09);
    assert.equal(packet.subarray(9, 13).toString('latin1'), 'Q043');
    assert.equal(packet[13 + 1 + 12], 0xa0, 'STREAM, data length present, no offset, 1-byte stream id');
    assert.deepEqual(feedQuic(newQuicSession(), packet), {
      status: 'named',
      host: 'www.google.com',
      version: 0x51303433,
      versionName: 'Q043',
    });
  });

  test('a Q046 packet (long header, DCIL nibble 5 = 8 bytes) is named by its SNI tag', () => {
    const packet = gquicLongHeaderPacket('Q046', CID, [gquicStreamFrame(0, chromeChlo('YouTube.com', 'Q046'))]);
    assert.equal(packet[5], 0x50);
    assert.deepEqual(feedQuic(newQuicSession(), packet), {
      status: 'named',
      host: 'youtube.com',
      version: 0x51303436,
      versionName: 'Q046',
    });
  });

  test('as Chromium lays out Q046: PADDING zeros first, then a STREAM frame to the end of the packet', () => {
    // Seen in a real Chromium capture (quic-chromium.test.ts): gQUIC PADDING ends at the first
    // non-zero byte; type 0x80 = STREAM with no data length (to the end), no offset, 1-byte id.
    const chlo = chromeChlo('padded.example.test', 'Q046', 200);
    const packet = gquicLongHeaderPacket('Q046', CID, [Buffer.alloc(700), Buffer.from([0x80, 0x01]), chlo]);
    const feed = feedQuic(newQuicSession(), packet);
    assert.ok(feed.status === 'named' && feed.host === 'padded.example.test');
  });

  test('a CHLO split over two packets at stream offsets is named once whole, not before', () => {
    const chlo = chromeChlo('split.example.test', 'Q043', 1500);
    const first = gquicPublicHeaderPacket('Q043', CID, [gquicStreamFrame(0, chlo.subarray(0, 1000))], 1);
    const second = gquicPublicHeaderPacket('Q043', CID, [gquicStreamFrame(1000, chlo.subarray(1000), 2)], 2);
    const session = newQuicSession();
    assert.deepEqual(feedQuic(session, first), { status: 'need-more' });
    assert.equal(feedQuic(session, second).status, 'named');
  });

  test('Q035-Q038 write their stream fields little-endian; the reader follows the version', () => {
    const chlo = chromeChlo('old.example.test', 'Q035', 1500);
    const first = gquicPublicHeaderPacket('Q035', CID, [gquicStreamFrame(0, chlo.subarray(0, 700), 0, true)], 1);
    const second = gquicPublicHeaderPacket('Q035', CID, [gquicStreamFrame(700, chlo.subarray(700), 2, true)], 2);
    const session = newQuicSession();
    feedQuic(session, first);
    const feed = feedQuic(session, second);
    assert.ok(feed.status === 'named' && feed.host === 'old.example.test' && feed.versionName === 'Q035');
  });

  test('a CHLO without an SNI tag is QUIC, unnamed, with its version', () => {
    const chlo = chloMessage([
      ['PAD', Buffer.alloc(500)],
      ['VER', Buffer.from('Q043')],
    ]);
    const feed = feedQuic(newQuicSession(), gquicPublicHeaderPacket('Q043', CID, [gquicStreamFrame(0, chlo)]));
    assert.deepEqual(feed, {
      status: 'unnamed',
      version: 0x51303433,
      versionName: 'Q043',
      reason: 'CHLO without an SNI tag',
    });
  });

  test('an SNI tag that is not a host name names nothing', () => {
    const chlo = chloMessage([['SNI', Buffer.from('evil\nname')]]);
    assert.deepEqual(parseChlo(chlo), { status: 'ok' });
  });

  test('the tag list is read as the format says: counts, end offsets, values', () => {
    const chlo = chloMessage([
      ['SNI', Buffer.from('a.example')],
      ['AEAD', Buffer.from('AESG')],
    ]);
    assert.deepEqual(parseChlo(chlo), { status: 'ok', serverName: 'a.example' });
    for (let cut = 0; cut < chlo.length; cut++)
      assert.equal(parseChlo(chlo.subarray(0, cut)).status, 'need-more', `cut at ${cut}`);
    assert.equal(parseChlo(Buffer.from('SHLO0000')).status, 'not-chlo');
    const decreasing = Buffer.from(chlo);
    decreasing.writeUInt32LE(1, 8 + 8 + 4); // second entry ends before the first
    assert.equal(parseChlo(decreasing).status, 'not-chlo');
  });

  test('encrypted gQUIC packets and other UDP are not taken for a CHLO', () => {
    // After the handshake a Q043 client drops the version flag: nothing here is a CHLO packet.
    assert.equal(decodeGquicPacket(Buffer.concat([Buffer.from([0x08]), CID, Buffer.alloc(40, 7)])), undefined);
    assert.equal(decodeGquicPacket(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')), undefined);
    assert.deepEqual(feedQuic(newQuicSession(), Buffer.alloc(100, 0x11)), { status: 'not-quic' });
  });
});
