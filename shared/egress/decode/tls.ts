/**
 * The TLS ClientHello (RFC 8446 §4.1.2) at the start of a client's byte stream: its server_name
 * (RFC 6066 §3) and ALPN (RFC 7301). The caller hands over the reassembled first bytes of the
 * stream; a ClientHello split over several segments or records (post-quantum key shares make it
 * ~2 KB) is answered `need-more` until enough bytes have arrived. Extensions may come in any order.
 */

export type ClientHelloResult =
  | { status: 'need-more'; /** bytes needed in total, when known */ needed?: number }
  | { status: 'not-tls' }
  | { status: 'ok'; serverName?: string; alpn: string[] };

const HANDSHAKE = 22;
const CLIENT_HELLO = 1;
// A ClientHello larger than this is not one we will wait for (the largest real ones are ~2-8 KB).
const MAX_HELLO = 64 * 1024;

/** Reassembles the handshake messages carried by consecutive TLS records. */
function handshakeBytes(stream: Buffer): { bytes: Buffer; complete: boolean } | 'not-tls' {
  const parts: Buffer[] = [];
  let offset = 0;
  let total = 0;
  let needed = -1;
  while (offset + 5 <= stream.length) {
    if (stream[offset] !== HANDSHAKE || stream[offset + 1] !== 3) return 'not-tls';
    const length = stream.readUInt16BE(offset + 3);
    const body = stream.subarray(offset + 5, Math.min(stream.length, offset + 5 + length));
    parts.push(body);
    total += body.length;
    if (needed < 0 && total >= 4) {
      const head = Buffer.concat(parts);
      if (head[0] !== CLIENT_HELLO) return 'not-tls';
      needed = 4 + head.readUIntBE(1, 3);
      if (needed > MAX_HELLO) return 'not-tls';
    }
    if (needed >= 0 && total >= needed) return { bytes: Buffer.concat(parts).subarray(0, needed), complete: true };
    if (body.length < length) break;
    offset += 5 + length;
  }
  if (stream.length >= 1 && stream[0] !== HANDSHAKE) return 'not-tls';
  return { bytes: Buffer.concat(parts), complete: false };
}

export function parseClientHello(stream: Buffer): ClientHelloResult {
  const handshake = handshakeBytes(stream);
  if (handshake === 'not-tls') return { status: 'not-tls' };
  if (!handshake.complete) return { status: 'need-more' };
  return parseClientHelloBody(handshake.bytes.subarray(4));
}

/** The ClientHello body, after the 4-byte handshake header. Also used for QUIC's CRYPTO stream. */
export function parseClientHelloBody(b: Buffer): ClientHelloResult {
  let o = 2 + 32; // legacy_version, random
  if (o + 1 > b.length) return { status: 'not-tls' };
  o += 1 + b[o]!; // legacy_session_id
  if (o + 2 > b.length) return { status: 'not-tls' };
  o += 2 + b.readUInt16BE(o); // cipher_suites
  if (o + 1 > b.length) return { status: 'not-tls' };
  o += 1 + b[o]!; // legacy_compression_methods
  const result: { status: 'ok'; serverName?: string; alpn: string[] } = { status: 'ok', alpn: [] };
  if (o + 2 > b.length) return result; // no extensions at all (TLS 1.0 style): valid, unnamed
  const end = Math.min(b.length, o + 2 + b.readUInt16BE(o));
  o += 2;
  while (o + 4 <= end) {
    const type = b.readUInt16BE(o);
    const length = b.readUInt16BE(o + 2);
    const body = b.subarray(o + 4, Math.min(end, o + 4 + length));
    if (type === 0 && body.length >= 5) {
      // server_name_list: list length, then entries of (type, length, name); host_name is type 0.
      let p = 2;
      while (p + 3 <= body.length) {
        const nameType = body[p]!;
        const nameLength = body.readUInt16BE(p + 1);
        if (nameType === 0 && p + 3 + nameLength <= body.length) {
          result.serverName = body.subarray(p + 3, p + 3 + nameLength).toString('latin1');
          break;
        }
        p += 3 + nameLength;
      }
    } else if (type === 16 && body.length >= 2) {
      let p = 2;
      while (p < body.length) {
        const len = body[p]!;
        if (p + 1 + len > body.length) break;
        result.alpn.push(body.subarray(p + 1, p + 1 + len).toString('latin1'));
        p += 1 + len;
      }
    }
    o += 4 + length;
  }
  return result;
}
