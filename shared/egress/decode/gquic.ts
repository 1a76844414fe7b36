/**
 * Google QUIC's own handshake: the client hello (CHLO) of QUIC-crypto, which gQUIC Q043-Q046 send
 * in plaintext on stream 1 and Q050 sends in CRYPTO frames inside its (publicly keyed) Initial.
 * The CHLO's `SNI` tag names the server.
 *
 * Formats, from Google's "QUIC Crypto" and "QUIC Wire Layout" documents as Wireshark's
 * epan/dissectors/packet-gquic.c reads them:
 * - Handshake message: message tag (4 bytes, "CHLO"), entry count (uint16 LE), 2 bytes of padding,
 *   then per entry a tag (4 bytes) and the end offset of its value (uint32 LE, non-decreasing),
 *   then the values back to back.
 * - Public header (Q043 and earlier): public flags (0x01 version present, 0x08 8-byte connection
 *   ID, 0x30 packet-number length 1/2/4/6), connection ID, version "Q043", packet number.
 * - Q044-Q046: an IETF-style long header: first byte 0b11TT00PP, version, DCIL/SCIL nibbles (each
 *   length + 3, 0 for none), connection IDs, packet number of PP + 1 bytes.
 * - Unencrypted packets then carry a 12-byte message hash (FNV-1a) and Google frames; a STREAM
 *   frame type is 0b1FDOOOSS (F fin, D 2-byte data length present, OOO offset length 0 or
 *   OOO + 1 bytes, SS stream-id length SS + 1); integers are big-endian since Q039.
 */
import { googleQVersion } from './quic-versions.ts';

export type ChloResult =
  | { status: 'need-more' }
  | { status: 'not-chlo' }
  /** A whole CHLO; `serverName` only when its SNI tag holds a plausible host name. */
  | { status: 'ok'; serverName?: string };

const CHLO = 0x43484c4f; // "CHLO"
const TAG_SNI = 0x534e4900; // "SNI\0"
// Chromium refuses messages with more entries (kMaxEntries); a CHLO is ~1-2 KB padded.
const MAX_ENTRIES = 128;
const MAX_MESSAGE = 64 * 1024;

/** The CHLO at the start of a QUIC-crypto stream. */
export function parseChlo(stream: Buffer): ChloResult {
  if (stream.length < 4) return CHLO_PREFIX.subarray(0, stream.length).equals(stream) ? needMore : notChlo;
  if (stream.readUInt32BE(0) !== CHLO) return notChlo;
  if (stream.length < 8) return needMore;
  const entries = stream.readUInt16LE(4);
  if (entries > MAX_ENTRIES) return notChlo;
  const valuesStart = 8 + entries * 8;
  if (stream.length < valuesStart) return needMore;
  let previousEnd = 0;
  let sni: { start: number; end: number } | undefined;
  for (let i = 0; i < entries; i++) {
    const at = 8 + i * 8;
    const end = stream.readUInt32LE(at + 4);
    if (end < previousEnd || valuesStart + end > MAX_MESSAGE) return notChlo;
    if (stream.readUInt32BE(at) === TAG_SNI) sni = { start: previousEnd, end };
    previousEnd = end;
  }
  if (stream.length < valuesStart + previousEnd) return needMore;
  if (!sni) return { status: 'ok' };
  const name = stream.subarray(valuesStart + sni.start, valuesStart + sni.end).toString('latin1');
  return /^[A-Za-z0-9._-]{1,253}$/.test(name) ? { status: 'ok', serverName: name } : { status: 'ok' };
}

const CHLO_PREFIX = Buffer.from('CHLO', 'latin1');
const needMore: ChloResult = { status: 'need-more' };
const notChlo: ChloResult = { status: 'not-chlo' };

export interface GquicPacket {
  version: number;
  /** The client's connection ID (8 bytes in every version here). */
  cid: Buffer;
  /** Data of stream 1 (the crypto handshake stream), by stream offset. */
  frames: { offset: number; data: Buffer }[];
}

/**
 * A client's plaintext gQUIC packet (Q034-Q046) carrying its version, or undefined for anything
 * else (encrypted packets, IETF QUIC, other protocols).
 */
export function decodeGquicPacket(b: Buffer): GquicPacket | undefined {
  if (b.length < 14) return undefined;
  const first = b[0]!;
  let o: number;
  let version: number;
  let cid: Buffer;
  if ((first & 0xc0) === 0xc0) {
    // Q044-Q046 long header.
    version = b.readUInt32BE(1);
    const q = googleQVersion(version);
    if (q === undefined || q < 44 || q > 46) return undefined;
    const dcil = b[5]! >> 4 ? (b[5]! >> 4) + 3 : 0;
    const scil = b[5]! & 0x0f ? (b[5]! & 0x0f) + 3 : 0;
    cid = b.subarray(6, 6 + dcil);
    o = 6 + dcil + scil + (first & 0x03) + 1;
  } else if ((first & 0xc0) === 0 && first & 0x01 && first & 0x08) {
    // Public header with the version flag and a full 8-byte connection ID (a client's first packets).
    version = b.readUInt32BE(9);
    const q = googleQVersion(version);
    if (q === undefined || q < 34 || q > 43) return undefined;
    cid = b.subarray(1, 9);
    o = 13 + [1, 2, 4, 6][(first >> 4) & 0x03]!;
  } else return undefined;
  const q = googleQVersion(version)!;
  o += 12; // message authentication hash of a NullEncrypted packet
  if (o >= b.length) return undefined;
  const bigEndian = q >= 39;
  const frames: GquicPacket['frames'] = [];
  while (o < b.length) {
    const type = b[o]!;
    if (type === 0x00 || type === 0x07) {
      o++; // PADDING (zeros to the end), PING
      continue;
    }
    if ((type & 0x80) === 0) break; // ACK, STOP_WAITING or others: nothing more for us
    const idLength = (type & 0x03) + 1;
    const offsetBits = (type >> 2) & 0x07;
    const offsetLength = offsetBits ? offsetBits + 1 : 0;
    let p = o + 1;
    if (p + idLength + offsetLength + (type & 0x20 ? 2 : 0) > b.length) break;
    const streamId = readUInt(b, p, idLength, bigEndian);
    p += idLength;
    const offset = readUInt(b, p, offsetLength, bigEndian);
    p += offsetLength;
    let length = b.length - p;
    if (type & 0x20) {
      length = readUInt(b, p, 2, bigEndian);
      p += 2;
    }
    if (p + length > b.length) break;
    if (streamId === 1) frames.push({ offset, data: b.subarray(p, p + length) });
    o = p + length;
  }
  return { version, cid: Buffer.from(cid), frames };
}

function readUInt(b: Buffer, at: number, length: number, bigEndian: boolean): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + b[bigEndian ? at + i : at + length - 1 - i]!;
  return value;
}
