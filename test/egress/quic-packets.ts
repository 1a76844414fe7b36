/**
 * The encrypt side of QUIC Initials, written here independently of the decoder under test (its own
 * HKDF, its own header layout), so the two meet only on the wire bytes. Checked against the
 * published vectors first (quic-vectors.test.ts reproduces RFC 9001 A.2, RFC 9369 A.2 and
 * draft-ietf-quic-tls-29 A.2 byte for byte), then used for every other version with its own salt.
 */
import { createCipheriv, createHmac, hkdfSync } from 'node:crypto';

/** A version as its specification describes its Initial protection (salts copied with sources). */
export interface VersionSpec {
  version: number;
  name: string;
  salt: string;
  labels: 'quic' | 'quicv2';
  /** Long-header type bits of Initial / 0-RTT / Handshake. */
  types: [number, number, number];
  frames: 'ietf' | 'google';
  hello: 'tls' | 'chlo';
}

const V1: [number, number, number] = [0, 1, 2];
const V2: [number, number, number] = [1, 2, 3];

export const SPECS: VersionSpec[] = [
  // RFC 9001 §5.2; RFC 9369 §3.3.1; draft-ietf-quic-v2-01 §3.3.1
  spec(0x00000001, 'v1', '38762cf7f55934b34d179ae6a4c80cadccbb7f0a'),
  { ...spec(0x6b3343cf, 'v2', '0dede3def700a6db819381be6e269dcbf9bd2ed9'), labels: 'quicv2', types: V2 },
  { ...spec(0x709a50c4, 'v2-draft', 'a707c203a59b47184a1d62ca570406ea7ae3e5d3'), labels: 'quicv2', types: V2 },
  // draft-ietf-quic-tls-22 §5.2
  spec(0xff000016, 'draft-22', '7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a'),
  // draft-ietf-quic-tls-23 .. -28 §5.2
  ...[23, 24, 25, 26, 27, 28].map((d) =>
    spec(0xff000000 + d, `draft-${d}`, 'c3eef712c72ebb5a11a7d2432bb46365bef9f502'),
  ),
  // draft-ietf-quic-tls-29 .. -32 §5.2
  ...[29, 30, 31, 32].map((d) => spec(0xff000000 + d, `draft-${d}`, 'afbfec289993d24c9e9786f19c6111e04390a899')),
  // draft-ietf-quic-tls-33, -34 §5.2 (the RFC 9001 salt)
  ...[33, 34].map((d) => spec(0xff000000 + d, `draft-${d}`, '38762cf7f55934b34d179ae6a4c80cadccbb7f0a')),
  // mvfst, facebook/mvfst quic/QuicConstants.h + FizzCryptoFactory (kQuicDraft22Salt / 23Salt / V1Salt)
  spec(0xfaceb001, 'mvfst-draft-22', '7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a'),
  spec(0xfaceb002, 'mvfst-draft-27', 'c3eef712c72ebb5a11a7d2432bb46365bef9f502'),
  spec(0xfaceb003, 'mvfst-v1-alias', '38762cf7f55934b34d179ae6a4c80cadccbb7f0a'),
  spec(0xfaceb00e, 'mvfst-experimental', 'c3eef712c72ebb5a11a7d2432bb46365bef9f502'),
  spec(0xfaceb010, 'mvfst-alias', 'c3eef712c72ebb5a11a7d2432bb46365bef9f502'),
  spec(0xfaceb013, 'mvfst-experimental3', 'c3eef712c72ebb5a11a7d2432bb46365bef9f502'),
  // Google, as Wireshark's packet-quic.c lists the salts (hanshake_salt_draft_q50/t50/t51)
  { ...spec(0x54303530, 'T050', '7ff579e5acd072915580304c43a2367c60488310'), frames: 'google' },
  { ...spec(0x54303531, 'T051', '7a4edef4e7ccee5fa4506c19124fc8ccda6e033d'), frames: 'google' },
  { ...spec(0x51303530, 'Q050', '504574efd066fe2f9d945cfcdbd3a7f0d3b56b45'), frames: 'google', hello: 'chlo' },
];

function spec(version: number, name: string, salt: string): VersionSpec {
  return { version, name, salt, labels: 'quic', types: V1, frames: 'ietf', hello: 'tls' };
}

export function specOf(name: string): VersionSpec {
  const found = SPECS.find((s) => s.name === name);
  if (!found) throw new Error(`no spec ${name}`);
  return found;
}

/** HKDF-Expand-Label (RFC 8446 §7.1) with an empty context, one HMAC block. */
function expandLabel(prk: Buffer, label: string, length: number): Buffer {
  const full = Buffer.from(`tls13 ${label}`);
  const info = Buffer.concat([Buffer.from([0, length, full.length]), full, Buffer.from([0])]);
  return createHmac('sha256', prk)
    .update(Buffer.concat([info, Buffer.from([1])]))
    .digest()
    .subarray(0, length);
}

export function testKeys(dcid: Buffer, s: VersionSpec): { secret: Buffer; key: Buffer; iv: Buffer; hp: Buffer } {
  // Node's own HKDF does Extract(salt, dcid) then Expand-Label("client in") in one call.
  const clientIn = Buffer.from('tls13 client in');
  const info = Buffer.concat([Buffer.from([0, 32, clientIn.length]), clientIn, Buffer.from([0])]);
  const secret = Buffer.from(hkdfSync('sha256', dcid, Buffer.from(s.salt, 'hex'), info, 32));
  return {
    secret,
    key: expandLabel(secret, `${s.labels} key`, 16),
    iv: expandLabel(secret, `${s.labels} iv`, 12),
    hp: expandLabel(secret, `${s.labels} hp`, 16),
  };
}

export function varint(value: number): Buffer {
  if (value < 0x40) return Buffer.from([value]);
  if (value < 0x4000) return Buffer.from([0x40 | (value >> 8), value & 0xff]);
  const b = Buffer.alloc(4);
  b.writeUInt32BE((value | 0x80000000) >>> 0);
  return b;
}

/** A CRYPTO frame: IETF type 0x06 (RFC 9000 §19.6), Google type 0x08 (Q050/T05x). */
export function cryptoFrame(offset: number, data: Buffer, frames: 'ietf' | 'google' = 'ietf'): Buffer {
  return Buffer.concat([Buffer.from([frames === 'ietf' ? 0x06 : 0x08]), varint(offset), varint(data.length), data]);
}

function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v >>> 0);
  return b;
}

/**
 * A protected client Initial (RFC 9000 §17.2.2, RFC 9001 §5.3-5.4) carrying `plaintext` frames
 * padded with zeros (PADDING) to `payloadLength`, with a 4-byte packet number.
 */
export function sealInitial(options: {
  spec: VersionSpec;
  dcid: Buffer;
  plaintext: Buffer;
  packetNumber?: number;
  scid?: Buffer;
  payloadLength?: number;
  keysFrom?: Buffer;
}): Buffer {
  const s = options.spec;
  const scid = options.scid ?? Buffer.alloc(0);
  const pn = options.packetNumber ?? 0;
  const payload = Buffer.concat([
    options.plaintext,
    Buffer.alloc(Math.max(0, (options.payloadLength ?? 1162) - options.plaintext.length)),
  ]);
  const length = 4 + payload.length + 16;
  const header = Buffer.concat([
    Buffer.from([0xc0 | (s.types[0] << 4) | 0x03]),
    u32(s.version),
    Buffer.from([options.dcid.length]),
    options.dcid,
    Buffer.from([scid.length]),
    scid,
    varint(0), // no token
    Buffer.from([0x40 | (length >> 8), length & 0xff]),
    u32(pn),
  ]);
  const keys = testKeys(options.keysFrom ?? options.dcid, s);
  const nonce = Buffer.from(keys.iv);
  for (let i = 0; i < 4; i++) nonce[11 - i] = nonce[11 - i]! ^ ((pn >>> (8 * i)) & 0xff);
  const gcm = createCipheriv('aes-128-gcm', keys.key, nonce);
  gcm.setAAD(header);
  const packet = Buffer.concat([header, gcm.update(payload), gcm.final(), gcm.getAuthTag()]);
  const pnOffset = header.length - 4;
  const mask = createCipheriv('aes-128-ecb', keys.hp, null).update(packet.subarray(pnOffset + 4, pnOffset + 20));
  packet[0] = packet[0]! ^ (mask[0]! & 0x0f);
  for (let i = 0; i < 4; i++) packet[pnOffset + i] = packet[pnOffset + i]! ^ mask[1 + i]!;
  return packet;
}

/**
 * A 0-RTT or Handshake long-header packet: its keys come from TLS secrets nobody on the path has,
 * so its protected body is just opaque bytes here.
 */
export function opaqueLongPacket(
  spec: VersionSpec,
  kind: '0-rtt' | 'handshake',
  dcid: Buffer,
  bodyLength = 300,
): Buffer {
  const type = kind === '0-rtt' ? spec.types[1] : spec.types[2];
  const body = Buffer.alloc(bodyLength, 0x5a);
  return Buffer.concat([
    Buffer.from([0xc0 | (type << 4) | 0x01]),
    u32(spec.version),
    Buffer.from([dcid.length]),
    dcid,
    Buffer.from([0]),
    Buffer.from([0x40 | (body.length >> 8), body.length & 0xff]),
    body,
  ]);
}

/** A QUIC-crypto handshake message: tag, entry count, padding, (tag, end offset) pairs, values. */
export function chloMessage(entries: [string, Buffer][], messageTag = 'CHLO'): Buffer {
  const tagBytes = (t: string) => Buffer.concat([Buffer.from(t, 'latin1'), Buffer.alloc(4 - t.length)]);
  const sorted = [...entries].sort((a, b) => tagBytes(a[0]).readUInt32LE(0) - tagBytes(b[0]).readUInt32LE(0));
  const head = Buffer.alloc(8);
  tagBytes(messageTag).copy(head, 0);
  head.writeUInt16LE(sorted.length, 4);
  let end = 0;
  const index = sorted.map(([tag, value]) => {
    end += value.length;
    const e = Buffer.alloc(8);
    tagBytes(tag).copy(e, 0);
    e.writeUInt32LE(end, 4);
    return e;
  });
  return Buffer.concat([head, ...index, ...sorted.map(([, v]) => v)]);
}

/** A CHLO as Chrome sends it: SNI, version, a few options and PAD to fill the packet. */
export function chromeChlo(serverName: string, version: string, pad = 900): Buffer {
  return chloMessage([
    ['PAD', Buffer.alloc(pad, 0x2d)],
    ['SNI', Buffer.from(serverName, 'latin1')],
    ['VER', Buffer.from(version, 'latin1')],
    ['CCS', Buffer.alloc(16, 1)],
    ['UAID', Buffer.from('Chrome/80.0.3987.0', 'latin1')],
    ['ICSL', Buffer.from([0x1e, 0, 0, 0])],
  ]);
}

/** A gQUIC STREAM frame (0b1FDOOOSS) on stream 1 with a 2-byte data length and `offsetBytes` offset. */
export function gquicStreamFrame(offset: number, data: Buffer, offsetBytes = 0, littleEndian = false): Buffer {
  const ooo = offsetBytes === 0 ? 0 : offsetBytes - 1;
  const type = 0x80 | 0x20 | (ooo << 2) | 0x00;
  const off = Buffer.alloc(offsetBytes);
  for (let i = 0; i < offsetBytes; i++)
    off[littleEndian ? i : offsetBytes - 1 - i] = Math.floor(offset / 256 ** i) & 0xff;
  const len = Buffer.alloc(2);
  if (littleEndian) len.writeUInt16LE(data.length);
  else len.writeUInt16BE(data.length);
  return Buffer.concat([Buffer.from([type, 0x01]), off, len, data]);
}

/** A Q043-style packet: public flags (version + 8-byte CID + 1-byte packet number), then hash + frames. */
export function gquicPublicHeaderPacket(version: string, cid: Buffer, frames: Buffer[], packetNumber = 1): Buffer {
  return Buffer.concat([
    Buffer.from([0x09]),
    cid,
    Buffer.from(version, 'latin1'),
    Buffer.from([packetNumber]),
    Buffer.alloc(12, 0xaa), // FNV-1a message hash (not checked by the reader)
    ...frames,
  ]);
}

/** A Q046 long-header packet: 0xc3 (Initial, 4-byte packet number), version, DCIL/SCIL, CID, pn. */
export function gquicLongHeaderPacket(version: string, cid: Buffer, frames: Buffer[], packetNumber = 1): Buffer {
  return Buffer.concat([
    Buffer.from([0xc3]),
    Buffer.from(version, 'latin1'),
    Buffer.from([((cid.length - 3) << 4) | 0]),
    cid,
    u32(packetNumber),
    Buffer.alloc(12, 0xaa),
    ...frames,
  ]);
}
