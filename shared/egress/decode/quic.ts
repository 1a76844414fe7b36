/**
 * The client's QUIC Initial packets (RFC 9000 §17.2.2), decrypted to the CRYPTO frames that carry its
 * TLS ClientHello, so a QUIC (HTTP/3) connection is named by its SNI like a TLS one.
 *
 * Initial packets are encrypted, but with keys anyone can derive from the packet's Destination
 * Connection ID (RFC 9001 §5.2): HKDF-Extract with the version's salt, then HKDF-Expand-Label
 * "client in" -> "quic key" / "quic iv" / "quic hp" (QUIC v2: "quicv2 …", RFC 9369 §3.3). Header
 * protection is removed with AES-128-ECB over a 16-byte sample (RFC 9001 §5.4), the payload opened
 * with AES-128-GCM (§5.3). Everything is in node:crypto; no npm parser exists for this. Which
 * versions have public keys, and their salts, is quic-versions.ts; Google QUIC's plaintext and
 * QUIC-crypto hellos are gquic.ts.
 *
 * A ClientHello with post-quantum key shares does not fit one ~1200-byte Initial: browsers spread it
 * over several packets and shuffle the CRYPTO frames inside each. `feedQuic` keeps a per-flow
 * session that reassembles them (bounded), walks coalesced packets (RFC 9000 §12.2), skips 0-RTT and
 * Handshake packets, and says why a flow could not be named.
 */
import { createRequire } from 'node:module';

// node:crypto is loaded on the first QUIC packet: loading it cost every analysis ~10 ms, and most
// captures hold no QUIC. (A synchronous require: the decoders are synchronous.)
let nodeCrypto: typeof import('node:crypto') | undefined;
const crypto = () => (nodeCrypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
import { decodeGquicPacket, parseChlo } from './gquic.ts';
import {
  googleQVersion,
  initialProtection,
  isGreaseVersion,
  QUIC_V1,
  QUIC_V2,
  versionName,
  type InitialProtection,
} from './quic-versions.ts';
import type { ClientHelloResult } from './tls.ts';
import { parseClientHelloBody } from './tls.ts';

export { QUIC_V1, QUIC_V2, versionName };

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
  return crypto()
    .createHmac('sha256', secret)
    .update(Buffer.concat([info, Buffer.from([1])]))
    .digest()
    .subarray(0, length);
}

function keysFrom(dcid: Buffer, salt: Buffer, labelPrefix: string): InitialKeys {
  const initialSecret = crypto().createHmac('sha256', salt).update(dcid).digest();
  const clientSecret = expandLabel(initialSecret, 'client in', 32);
  return {
    key: expandLabel(clientSecret, `${labelPrefix} key`, 16),
    iv: expandLabel(clientSecret, `${labelPrefix} iv`, 12),
    hp: expandLabel(clientSecret, `${labelPrefix} hp`, 16),
  };
}

/**
 * The client's Initial keys for a Destination Connection ID (RFC 9001 §5.2, RFC 9369 §3.3.1-2),
 * with the salt the version's specification names; undefined for a version without public keys.
 */
export function clientInitialKeys(dcid: Buffer, version: number): InitialKeys | undefined {
  const protection = initialProtection(version);
  return protection && keysFrom(dcid, protection.salts[0]!, protection.labelPrefix);
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

/** The version-independent long header (RFC 8999 §5.1) at `start`. */
interface InvariantHeader {
  start: number;
  version: number;
  dcid: Buffer;
  /** Offset just past the Source Connection ID. */
  next: number;
}

function parseInvariant(b: Buffer, start: number): InvariantHeader | undefined {
  // Long header form bit; QUIC bit greasing (RFC 9287) may clear the fixed bit, so only form counts.
  if (start + 7 > b.length || (b[start]! & 0x80) === 0) return undefined;
  const version = b.readUInt32BE(start + 1);
  let o = start + 5;
  const dcidLength = b[o++]!;
  if (dcidLength > 20 || o + dcidLength >= b.length) return undefined;
  const dcid = b.subarray(o, o + dcidLength);
  o += dcidLength;
  const scidLength = b[o++]!;
  if (scidLength > 20 || o + scidLength > b.length) return undefined;
  return { start, version, dcid, next: o + scidLength };
}

type PacketKind = 'initial' | '0-rtt' | 'handshake';

interface ProtectedPacket extends InvariantHeader {
  kind: PacketKind;
  /** Offset of the (protected) packet number. */
  pnOffset: number;
  /** Offset just past this packet (Length covers packet number and payload). */
  end: number;
}

/** The rest of a long header whose version's layout we know (RFC 9000 §17.2.1-17.2.4). */
function parseProtected(b: Buffer, h: InvariantHeader, p: InitialProtection): ProtectedPacket | undefined {
  const type = (b[h.start]! >> 4) & 0x03;
  if (type === p.types.retry) return undefined; // no Length field; never sent by a client anyway
  const kind: PacketKind = type === p.types.initial ? 'initial' : type === p.types.zeroRtt ? '0-rtt' : 'handshake';
  let o = h.next;
  if (kind === 'initial') {
    const token = readVarint(b, o);
    if (!token) return undefined;
    o = token.next + token.value;
  }
  const length = readVarint(b, o);
  if (!length) return undefined;
  const end = length.next + length.value;
  // The header-protection sample starts 4 bytes past the packet number's offset and is 16 bytes.
  if (end > b.length || length.next + 4 + 16 > end) return undefined;
  return { ...h, kind, pnOffset: length.next, end };
}

/** Removes header protection and opens the payload; undefined when it does not authenticate. */
function openPacket(b: Buffer, packet: ProtectedPacket, keys: InitialKeys): Buffer | undefined {
  const sample = b.subarray(packet.pnOffset + 4, packet.pnOffset + 20);
  const mask = crypto().createCipheriv('aes-128-ecb', keys.hp, null).update(sample);
  const first = b[packet.start]! ^ (mask[0]! & 0x0f);
  const pnLength = (first & 0x03) + 1;
  const headerBytes = Buffer.from(b.subarray(packet.start, packet.pnOffset + pnLength));
  headerBytes[0] = first;
  let packetNumber = 0;
  for (let i = 0; i < pnLength; i++) {
    const byte = b[packet.pnOffset + i]! ^ mask[1 + i]!;
    headerBytes[packet.pnOffset - packet.start + i] = byte;
    packetNumber = packetNumber * 256 + byte;
  }
  const nonce = Buffer.from(keys.iv);
  // The packet number, left-padded to the IV's length, XORed into its low bytes (RFC 9001 §5.3).
  for (let i = 0; i < 4; i++) nonce[11 - i] = nonce[11 - i]! ^ (Math.floor(packetNumber / 256 ** i) & 0xff);
  const body = b.subarray(packet.pnOffset + pnLength, packet.end);
  if (body.length < 16) return undefined;
  try {
    const gcm = crypto().createDecipheriv('aes-128-gcm', keys.key, nonce);
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
 * The CRYPTO frames of a Google QUIC (Q050/T050/T051) Initial: Google frames, where PADDING is 0x00,
 * PING 0x07 and CRYPTO 0x08 with varint offset and length (Wireshark packet-gquic.c FT_CRYPTO).
 */
function googleCryptoFrames(payload: Buffer): CryptoFrame[] {
  const frames: CryptoFrame[] = [];
  let o = 0;
  while (o < payload.length) {
    const type = payload[o]!;
    if (type === 0x00 || type === 0x07) o++;
    else if (type === 0x08) {
      const offset = readVarint(payload, o + 1);
      const length = offset && readVarint(payload, offset.next);
      if (!offset || !length || length.next + length.value > payload.length) break;
      frames.push({ offset: offset.value, data: payload.subarray(length.next, length.next + length.value) });
      o = length.next + length.value;
    } else break;
  }
  return frames;
}

/** Opens an Initial with the first candidate DCID and salt that authenticates. */
function openInitial(
  b: Buffer,
  packet: ProtectedPacket,
  protection: InitialProtection,
  candidates: Buffer[],
): { dcid: Buffer; frames: CryptoFrame[] } | undefined {
  for (const dcid of candidates) {
    for (const salt of protection.salts) {
      const payload = openPacket(b, packet, keysFrom(dcid, salt, protection.labelPrefix));
      if (payload)
        return {
          dcid: Buffer.from(dcid),
          frames: protection.frames === 'google' ? googleCryptoFrames(payload) : cryptoFrames(payload),
        };
    }
  }
  return undefined;
}

function uniqueCandidates(...dcids: (Buffer | undefined)[]): Buffer[] {
  const out: Buffer[] = [];
  for (const d of dcids) if (d && !out.some((o) => o.equals(d))) out.push(d);
  return out;
}

/**
 * Decrypts the first Initial packet of a UDP datagram sent by a client. `originalDcid` is the DCID
 * of the flow's first Initial: a client keeps the keys derived from it after the server picks a new
 * connection ID (RFC 9001 §5.2), so later Initials need it.
 */
export function decodeClientInitial(datagram: Buffer, originalDcid?: Buffer): InitialResult {
  let start = 0;
  while (start < datagram.length) {
    const h = parseInvariant(datagram, start);
    const protection = h && initialProtection(h.version);
    const packet = h && protection && parseProtected(datagram, h, protection);
    if (!h || !protection || !packet) return { status: 'not-initial' };
    if (packet.kind === 'initial') {
      const opened = openInitial(datagram, packet, protection, uniqueCandidates(packet.dcid, originalDcid));
      const dcid = Buffer.from(packet.dcid);
      return opened
        ? { status: 'ok', dcid, version: h.version, frames: opened.frames }
        : { status: 'undecryptable', dcid, version: h.version };
    }
    start = packet.end;
  }
  return { status: 'not-initial' };
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

// ---------------------------------------------------------------------------------------------
// One flow's client datagrams, one at a time.

export type QuicFeed =
  /** Nothing in this flow so far looks like QUIC; the caller may stop feeding it. */
  | { status: 'not-quic' }
  /** QUIC, and a ClientHello (or CHLO) has begun: the rest is in the next Initials. */
  | { status: 'need-more' }
  /** Final: the client's hello names the server. */
  | { status: 'named'; host: string; version: number; versionName: string }
  /**
   * QUIC that cannot be named, and why. Final once the hello was read or the session's caps are
   * reached; before that a later datagram may still name the flow (an Initial after a 0-RTT packet,
   * a real version after a greased one), so a caller can keep feeding and record this meanwhile.
   */
  | { status: 'unnamed'; version: number; versionName: string; reason: string };

export interface QuicSession {
  /** DCID from which the client's Initial keys derive (its first Initial's, RFC 9001 §5.2). */
  originalDcid?: Buffer;
  /** DCID of a 0-RTT packet seen before any Initial: the one the Initial that follows uses too. */
  earlyDcid?: Buffer;
  /** The version of the last QUIC packet seen, and of the decrypted CRYPTO data. */
  version?: number;
  cryptoVersion?: number;
  hello: 'tls' | 'chlo';
  /** Reassembled CRYPTO data (or gQUIC stream 1) by offset, bounded by MAX_CRYPTO. */
  crypto: Map<number, Buffer>;
  cryptoBytes: number;
  datagrams: number;
  /** Why the flow could not be named yet, when something was seen. */
  reason?: string;
  verdict: QuicFeed;
  final: boolean;
}

// A client's hello arrives in its first few datagrams (post-quantum hellos: 2-3 Initials); past this
// many the flow is decided with what was seen.
const MAX_DATAGRAMS = 16;
// The largest ClientHello tls.ts accepts; CRYPTO data past it is not kept.
const MAX_CRYPTO = 64 * 1024;
// A datagram of a version we know nothing of counts as QUIC only if it is padded like an Initial
// (RFC 9000 §14.1: a client's first datagram is at least 1200 bytes) or the flow already was QUIC.
const MIN_INITIAL_DATAGRAM = 1200;

export function newQuicSession(): QuicSession {
  return {
    hello: 'tls',
    crypto: new Map(),
    cryptoBytes: 0,
    datagrams: 0,
    verdict: { status: 'not-quic' },
    final: false,
  };
}

/** Feeds one datagram the client sent; never throws, whatever the bytes. */
export function feedQuic(session: QuicSession, datagram: Buffer): QuicFeed {
  if (session.final) return session.verdict;
  session.datagrams++;
  try {
    step(session, datagram);
  } catch {
    // The decoders bound every read; this is a last guard so bad bytes never stop an analysis.
    if (session.version !== undefined) session.reason ??= 'malformed packet';
  }
  session.verdict = verdict(session);
  if (session.verdict.status === 'named' || session.datagrams >= MAX_DATAGRAMS) {
    session.final = true;
    if (session.verdict.status === 'need-more') session.verdict = unnamed(session, 'ClientHello incomplete');
  }
  return session.verdict;
}

function unnamed(session: QuicSession, reason: string): QuicFeed {
  const version = session.version ?? 0;
  return { status: 'unnamed', version, versionName: versionName(version), reason };
}

function step(session: QuicSession, b: Buffer): void {
  if (b.length === 0) return;
  const gquic = decodeGquicPacket(b);
  if (gquic) {
    session.version = gquic.version;
    session.hello = 'chlo';
    addCrypto(session, gquic.version, gquic.frames);
    session.reason ??= `no CHLO on stream 1 of this ${versionName(gquic.version)} packet`;
    return;
  }
  let start = 0;
  let first: Buffer | undefined;
  while (start < b.length) {
    const h = parseInvariant(b, start);
    if (!h || h.version === 0) return; // short header, padding, or version negotiation: done
    // Coalesced packets share one DCID (RFC 9000 §12.2); anything else after them is not a packet.
    if (first && !h.dcid.equals(first)) return;
    first ??= h.dcid;
    const protection = initialProtection(h.version);
    if (!protection) {
      // Claimed as QUIC only if it looks like a client's first Initial of any real version: padded to
      // 1200 bytes and a DCID of at least 8 (RFC 9000 §14.1, §7.2).
      if (start === 0 && session.version === undefined && (b.length < MIN_INITIAL_DATAGRAM || h.dcid.length < 8))
        return;
      session.version = h.version;
      const q = googleQVersion(h.version);
      session.reason = isGreaseVersion(h.version)
        ? 'reserved version (the client is forcing version negotiation)'
        : q !== undefined
          ? `Google QUIC ${versionName(h.version)} Initials have no public keys`
          : h.version >>> 8 === 0xff0000
            ? `${versionName(h.version)} Initials are not read (drafts 22-34 are)`
            : 'no public Initial keys for this version';
      return; // without the version's layout we cannot find the next coalesced packet
    }
    const packet = parseProtected(b, h, protection);
    if (!packet) {
      if (session.version !== undefined) session.reason ??= 'malformed long header';
      return;
    }
    session.version = h.version;
    if (packet.kind === 'initial') {
      const opened = openInitial(
        b,
        packet,
        protection,
        uniqueCandidates(packet.dcid, session.originalDcid, session.earlyDcid),
      );
      if (opened) {
        session.originalDcid ??= opened.dcid;
        session.hello = protection.hello;
        addCrypto(session, h.version, opened.frames);
        // An Initial with only ACK/PING/PADDING (before a Retry, or after the hello was missed).
        if (!opened.frames.length) session.reason = 'no ClientHello in the Initials seen';
      } else session.reason = `Initial did not decrypt with ${versionName(h.version)}'s public keys`;
    } else if (!session.originalDcid) {
      if (packet.kind === '0-rtt') session.earlyDcid ??= Buffer.from(packet.dcid);
      session.reason ??= `no Initial seen: the flow began with a ${packet.kind === '0-rtt' ? '0-RTT' : 'Handshake'} packet`;
    }
    start = packet.end;
  }
}

function addCrypto(session: QuicSession, version: number, frames: CryptoFrame[]): void {
  if (frames.length && session.cryptoVersion !== undefined && session.cryptoVersion !== version) {
    // A new version after version negotiation restarts the handshake with a fresh hello.
    session.crypto.clear();
    session.cryptoBytes = 0;
  }
  for (const frame of frames) {
    if (frame.offset >= MAX_CRYPTO || session.cryptoBytes >= MAX_CRYPTO) continue;
    const data = frame.data.subarray(0, Math.min(MAX_CRYPTO - frame.offset, MAX_CRYPTO - session.cryptoBytes));
    const kept = session.crypto.get(frame.offset);
    if (kept && kept.length >= data.length) continue;
    session.crypto.set(frame.offset, Buffer.from(data));
    session.cryptoBytes += data.length - (kept?.length ?? 0);
    session.cryptoVersion = version;
  }
}

/** The CRYPTO stream's bytes contiguous from offset 0 (overlaps and retransmissions collapse). */
function contiguous(crypto: Map<number, Buffer>): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (let guard = 0; guard <= crypto.size; guard++) {
    let best: Buffer | undefined;
    for (const [start, data] of crypto) {
      if (start <= offset && start + data.length > offset) {
        const tail = data.subarray(offset - start);
        if (!best || tail.length > best.length) best = tail;
      }
    }
    if (!best) break;
    parts.push(best);
    offset += best.length;
  }
  return Buffer.concat(parts);
}

function verdict(session: QuicSession): QuicFeed {
  if (session.version === undefined) return { status: 'not-quic' };
  const version = session.cryptoVersion ?? session.version;
  if (session.crypto.size) {
    const stream = contiguous(session.crypto);
    const named = (host: string): QuicFeed => ({
      status: 'named',
      host: host.toLowerCase(),
      version,
      versionName: versionName(version),
    });
    const final = (reason: string): QuicFeed => {
      session.final = true;
      return { status: 'unnamed', version, versionName: versionName(version), reason };
    };
    if (session.hello === 'chlo') {
      const chlo = parseChlo(stream);
      if (chlo.status === 'ok') return chlo.serverName ? named(chlo.serverName) : final('CHLO without an SNI tag');
      if (chlo.status === 'not-chlo') return final('crypto stream is not a CHLO');
    } else {
      const hello = parseCryptoClientHello(stream);
      if (hello.status === 'ok')
        return hello.serverName ? named(hello.serverName) : final('ClientHello without server_name');
      if (hello.status === 'not-tls') return final('CRYPTO stream is not a ClientHello');
    }
    return { status: 'need-more' };
  }
  return session.reason ? unnamed(session, session.reason) : { status: 'need-more' };
}
