// Property-based fuzzing of the QUIC readers: arbitrary datagrams, real Initials with bytes flipped or
// cut, and correctly sealed Initials whose decrypted payload is random (the frame and hello parsers
// behind the AEAD see garbage too). The decoders themselves must not throw (they have no guard);
// feedQuic must never throw and always answer one of its five shapes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeGquicPacket, parseChlo } from '../../shared/egress/decode/gquic.ts';
import {
  cryptoFrames,
  decodeClientInitial,
  feedQuic,
  newQuicSession,
  parseCryptoClientHello,
  type QuicFeed,
} from '../../shared/egress/decode/quic.ts';
import { cryptoClientHello } from './packets.ts';
import {
  chromeChlo,
  cryptoFrame,
  gquicPublicHeaderPacket,
  gquicStreamFrame,
  sealInitial,
  SPECS,
  specOf,
} from './quic-packets.ts';

const bytes = fc.uint8Array({ maxLength: 1500 }).map((a) => Buffer.from(a));
const DCID = Buffer.from('0102030405060708', 'hex');

function wellFormed(feed: QuicFeed): boolean {
  switch (feed.status) {
    case 'not-quic':
    case 'need-more':
      return Object.keys(feed).length === 1;
    case 'named':
      return feed.host.length > 0 && typeof feed.versionName === 'string';
    case 'unnamed':
      return feed.reason.length > 0 && typeof feed.versionName === 'string';
  }
}

test('the QUIC decoders return plain data on arbitrary bytes', () => {
  fc.assert(
    fc.property(bytes, (b) => {
      decodeClientInitial(b);
      decodeClientInitial(b, DCID);
      cryptoFrames(b);
      parseCryptoClientHello(b);
      parseChlo(b);
      decodeGquicPacket(b);
    }),
    { numRuns: 3000 },
  );
});

test('feedQuic never throws on a stream of arbitrary datagrams', () => {
  fc.assert(
    fc.property(fc.array(bytes, { maxLength: 20 }), (datagrams) => {
      const session = newQuicSession();
      for (const d of datagrams) assert.ok(wellFormed(feedQuic(session, d)));
      assert.ok(session.cryptoBytes <= 64 * 1024);
    }),
    { numRuns: 500 },
  );
});

test('real Initials and gQUIC packets with bytes flipped or cut never throw', () => {
  const packets = [
    sealInitial({ spec: specOf('v1'), dcid: DCID, plaintext: cryptoFrame(0, cryptoClientHello('a.test', 600)) }),
    sealInitial({
      spec: specOf('Q050'),
      dcid: DCID,
      plaintext: cryptoFrame(0, chromeChlo('b.test', 'Q050', 300), 'google'),
    }),
    gquicPublicHeaderPacket('Q043', DCID, [gquicStreamFrame(0, chromeChlo('c.test', 'Q043', 300))]),
  ];
  fc.assert(
    fc.property(
      fc.constantFrom(...packets),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 8 }),
      fc.nat(),
      (packet, flips, cut) => {
        const b = Buffer.from(packet);
        for (const [at, x] of flips) b[at % b.length] = b[at % b.length]! ^ x;
        const session = newQuicSession();
        assert.ok(wellFormed(feedQuic(session, b)));
        assert.ok(wellFormed(feedQuic(session, b.subarray(0, cut % (b.length + 1)))));
        decodeGquicPacket(b);
      },
    ),
    { numRuns: 1500 },
  );
});

test('Initials that decrypt to random frames never throw, in every version', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SPECS), fc.uint8Array({ maxLength: 1100 }), (spec, plain) => {
      const packet = sealInitial({ spec, dcid: DCID, plaintext: Buffer.from(plain) });
      const decoded = decodeClientInitial(packet);
      assert.equal(decoded.status, 'ok', 'the AEAD opens whatever the plaintext');
      if (decoded.status === 'ok')
        for (const f of decoded.frames) {
          parseCryptoClientHello(f.data);
          parseChlo(f.data);
        }
      assert.ok(wellFormed(feedQuic(newQuicSession(), packet)));
    }),
    { numRuns: 600 },
  );
});
