/**
 * The client's QUIC Initial packets (RFC 9000 §17.2.2), decrypted to the CRYPTO frames that carry its
 * TLS ClientHello, so a QUIC (HTTP/3) connection is named by its SNI like a TLS one.
 *
 * Initial packets are encrypted, but with keys anyone can derive from the packet's Destination
 * Connection ID (RFC 9001 §5.2; QUIC v2 has its own salt and labels, RFC 9369 §3.3): HKDF-Extract
 * with the version's salt, then HKDF-Expand-Label "client in" -> "quic key" / "quic iv" / "quic hp".
 * Header protection is removed with AES-128-ECB over a 16-byte sample (RFC 9001 §5.4), the payload
 * opened with AES-128-GCM (§5.3). Everything is in node:crypto; no npm parser exists for this.
 *
 * A ClientHello with post-quantum key shares does not fit one ~1200-byte Initial: browsers spread it
 * over several packets and shuffle the CRYPTO frames inside each, so this module returns frames with
 * their stream offsets and the caller reassembles them (model/flows.ts contiguousPrefix).
 */
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { ClientHelloResult } from './tls.ts';
import { parseClientHelloBody } from './tls.ts';

export const QUIC_V1 = 0x00000001;
export const QUIC_V2 = 0x6b3343cf;

interface VersionParameters {
  salt: Buffer;
  labelPrefix: string;
  /** The long-header type bits of an Initial packet. */
  initialType: number;
}

const VERSIONS = new Map<number, VersionParameters>([
  [
    QUIC_V1,
    { salt: Buffer.from('38762cf7f55934b34d179ae6a4c80cadccbb7f0a', 'hex'), labelPrefix: 'quic', initialType: 0 },
  ],
  [
    QUIC_V2,
    { salt: Buffer.from('0dede3def700a6db819381be6e269dcbf9bd2ed9', 'hex'), labelPrefix: 'quicv2', initialType: 1 },
  ],
]);

export interface InitialKeys {
  key: Buffer;
  iv: Buffer;
  hp: Buffer;
}

export interface CryptoFrame {
  offset: number;
  data: Buffer;
}

export type InitialResult =
  /** Not a QUIC long-header Initial of a version we know (or not QUIC at all). */
  | { status: 'not-initial' }
  /** An Initial whose payload did not authenticate with the keys tried. */
  | { status: 'undecryptable'; dcid: Buffer; version: number }
  | { status: 'ok'; dcid: Buffer; version: number; frames: CryptoFrame[] };

/** HKDF-Expand-Label (RFC 8446 §7.1) for outputs of at most one SHA-256 block. */
function expandLabel(secret: Buffer, label: string, length: number): Buffer {
  const fullLabel = Buffer.from(`tls13 ${label}`, 'latin1');
  const info = Buffer.concat([
    Buffer.from([length >> 8, length & 0xff, fullLabel.length]),
    fullLabel,
    Buffer.from([0]),
  ]);
  // HKDF-Expand: T(1) = HMAC(PRK, info | 0x01); one block is enough for 12-32 bytes.
  return createHmac('sha256', secret)
    .update(Buffer.concat([info, Buffer.from([1])]))
    .digest()
    .subarray(0, length);
}

/** The client's Initial keys for a Destination Connection ID (RFC 9001 §5.2, RFC 9369 §3.3.1-2). */
export function clientInitialKeys(dcid: Buffer, version: number): InitialKeys | undefined {
  const params = VERSIONS.get(version);
  if (!params) return undefined;
  const initialSecret = createHmac('sha256', params.salt).update(dcid).digest();
  const clientSecret = expandLabel(initialSecret, 'client in', 32);
  return {
    key: expandLabel(clientSecret, `${params.labelPrefix} key`, 16),
    iv: expandLabel(clientSecret, `${params.labelPrefix} iv`, 12),
    hp: expandLabel(clientSecret, `${params.labelPrefix} hp`, 16),
  };
}

/** A variable-length integer (RFC 9000 §16), or undefined past the end. */
function readVarint(b: Buffer, o: number): { value: number; next: number } | undefined {
  if (o >= b.length) return undefined;
  const length = 1 << (b[o]! >> 6);
  if (o + length > b.length) return undefined;
  let value = b[o]! & 0x3f;
  for (let i = 1; i < length; i++) value = value * 256 + b[o + i]!;
  return { value, next: o + length };
}

interface InitialHeader {
  version: number;
  dcid: Buffer;
  /** Offset of the (protected) packet number. */
  pnOffset: number;
  /** Offset just past this packet (Length covers packet number and payload). */
  end: number;
}

function parseInitialHeader(b: Buffer): InitialHeader | undefined {
  // Long header with the fixed bit (RFC 9000 §17.2); QUIC bit greasing (RFC 9287) may clear the
  // fixed bit, so only the form bit is required.
  if (b.length < 7 || (b[0]! & 0x80) === 0) return undefined;
  const version = b.readUInt32BE(1);
  const params = VERSIONS.get(version);
  if (!params || ((b[0]! >> 4) & 0x03) !== params.initialType) return undefined;
  let o = 5;
  const dcidLength = b[o++]!;
  if (dcidLength > 20 || o + dcidLength >= b.length) return undefined;
  const dcid = b.subarray(o, o + dcidLength);
  o += dcidLength;
  const scidLength = b[o++]!;
  if (scidLength > 20) return undefined;
  o += scidLength;
  const token = readVarint(b, o);
  if (!token) return undefined;
  o = token.next + token.value;
  const length = readVarint(b, o);
  if (!length) return undefined;
  const end = length.next + length.value;
  // The header-protection sample starts 4 bytes past the packet number's offset and is 16 bytes.
  if (end > b.length || length.next + 4 + 16 > end) return undefined;
  return { version, dcid: Buffer.from(dcid), pnOffset: length.next, end };
}

/** Removes header protection and opens the payload; undefined when it does not authenticate. */
function openInitial(packet: Buffer, header: InitialHeader, keys: InitialKeys): Buffer | undefined {
  const sample = packet.subarray(header.pnOffset + 4, header.pnOffset + 20);
  const ecb = createCipheriv('aes-128-ecb', keys.hp, null);
  const mask = ecb.update(sample);
  const first = packet[0]! ^ (mask[0]! & 0x0f);
  const pnLength = (first & 0x03) + 1;
  const headerBytes = Buffer.from(packet.subarray(0, header.pnOffset + pnLength));
  headerBytes[0] = first;
  let packetNumber = 0;
  for (let i = 0; i < pnLength; i++) {
    const byte = packet[header.pnOffset + i]! ^ mask[1 + i]!;
    headerBytes[header.pnOffset + i] = byte;
    packetNumber = packetNumber * 256 + byte;
  }
  const nonce = Buffer.from(keys.iv);
  // The packet number, left-padded to the IV's length, XORed into its low bytes (RFC 9001 §5.3).
  for (let i = 0; i < 4; i++) nonce[11 - i] = nonce[11 - i]! ^ (Math.floor(packetNumber / 256 ** i) & 0xff);
  const body = packet.subarray(header.pnOffset + pnLength, header.end);
  if (body.length < 16) return undefined;
  try {
    const gcm = createDecipheriv('aes-128-gcm', keys.key, nonce);
    gcm.setAAD(headerBytes);
    gcm.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([gcm.update(body.subarray(0, body.length - 16)), gcm.final()]);
  } catch {
    return undefined;
  }
}

/** The CRYPTO frames of a decrypted Initial payload; stops at a frame an Initial may not carry. */
export function cryptoFrames(payload: Buffer): CryptoFrame[] {
  const frames: CryptoFrame[] = [];
  let o = 0;
  while (o < payload.length) {
    const type = payload[o]!;
    if (type === 0x00 || type === 0x01) {
      o++; // PADDING, PING
    } else if (type === 0x06) {
      const offset = readVarint(payload, o + 1);
      const length = offset && readVarint(payload, offset.next);
      if (!offset || !length || length.next + length.value > payload.length) break;
      frames.push({ offset: offset.value, data: payload.subarray(length.next, length.next + length.value) });
      o = length.next + length.value;
    } else if (type === 0x02 || type === 0x03) {
      // ACK: largest, delay, range count, first range, then (gap, length) pairs, then ECN counts.
      let v = readVarint(payload, o + 1);
      for (let i = 0; v && i < 2; i++) v = readVarint(payload, v.next);
      const ranges = v?.value ?? 0;
      v = v && readVarint(payload, v.next);
      for (let i = 0; v && i < ranges * 2 + (type === 0x03 ? 3 : 0); i++) v = readVarint(payload, v.next);
      if (!v) break;
      o = v.next;
    } else {
      break; // CONNECTION_CLOSE or anything else: nothing more for us
    }
  }
  return frames;
}

/**
 * Decrypts the first Initial packet of a UDP datagram sent by a client. `originalDcid` is the DCID
 * of the flow's first Initial: a client keeps the keys derived from it after the server picks a new
 * connection ID (RFC 9001 §5.2), so later Initials need it.
 */
export function decodeClientInitial(datagram: Buffer, originalDcid?: Buffer): InitialResult {
  const header = parseInitialHeader(datagram);
  if (!header) return { status: 'not-initial' };
  const candidates = [header.dcid, ...(originalDcid && !originalDcid.equals(header.dcid) ? [originalDcid] : [])];
  for (const dcid of candidates) {
    const keys = clientInitialKeys(dcid, header.version);
    const payload = keys && openInitial(datagram, header, keys);
    if (payload) return { status: 'ok', dcid: header.dcid, version: header.version, frames: cryptoFrames(payload) };
  }
  return { status: 'undecryptable', dcid: header.dcid, version: header.version };
}

/** The ClientHello at the start of a QUIC CRYPTO stream: handshake messages without TLS records. */
export function parseCryptoClientHello(stream: Buffer): ClientHelloResult {
  if (stream.length < 4) return { status: 'need-more' };
  if (stream[0] !== 1) return { status: 'not-tls' };
  const needed = 4 + stream.readUIntBE(1, 3);
  if (needed > 64 * 1024) return { status: 'not-tls' };
  if (stream.length < needed) return { status: 'need-more', needed };
  return parseClientHelloBody(stream.subarray(4, needed));
}
