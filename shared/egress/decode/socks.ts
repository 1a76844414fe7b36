/**
 * SOCKS proxies: the real destination a client asks a SOCKS server to connect to, from the client's
 * first bytes (like HTTP CONNECT). Pure; never throws.
 *
 *   SOCKS5  RFC 1928 §3-4 (greeting, then VER CMD RSV ATYP DST.ADDR DST.PORT),
 *           with RFC 1929 username/password sub-negotiation in between when offered
 *   SOCKS4  "SOCKS: A protocol for TCP proxy across firewalls" (VN=4 CD DSTPORT DSTIP USERID NUL)
 *   SOCKS4a the same with DSTIP 0.0.0.x and the host name after USERID (OpenSSH's socks4a.protocol)
 */
import { formatIPv4, formatIPv6 } from './ip.ts';

export type SocksResult =
  { status: 'not-socks' } | { status: 'need-more' } | { status: 'ok'; version: 4 | 5; host: string; port: number };

const NEED_MORE: SocksResult = { status: 'need-more' };
const NOT_SOCKS: SocksResult = { status: 'not-socks' };
const MAX_USERID = 255;

export function parseSocksRequest(b: Buffer): SocksResult {
  if (!b.length) return NEED_MORE;
  if (b[0] === 5) return socks5(b);
  if (b[0] === 4) return socks4(b);
  return NOT_SOCKS;
}

function socks5(b: Buffer): SocksResult {
  if (b.length < 2) return NEED_MORE;
  const methods = b[1]!;
  if (methods === 0 || methods > 16) return NOT_SOCKS;
  let o = 2 + methods;
  if (b.length < o + 1) return NEED_MORE;
  const offered = b.subarray(2, o);
  // RFC 1929 §2: VER=1 ULEN UNAME PLEN PASSWD, sent when the server chose method 2.
  if (b[o] === 1 && offered.includes(2)) {
    if (b.length < o + 2) return NEED_MORE;
    const userEnd = o + 2 + b[o + 1]!;
    if (b.length < userEnd + 1) return NEED_MORE;
    o = userEnd + 1 + b[userEnd]!;
  }
  if (b.length < o + 5) return NEED_MORE;
  // VER CMD RSV ATYP: CONNECT (1) is the one that names a TCP destination.
  if (b[o] !== 5 || b[o + 1] !== 1 || b[o + 2] !== 0) return NOT_SOCKS;
  const type = b[o + 3]!;
  const at = o + 4;
  let host: string;
  let portAt: number;
  if (type === 1) {
    if (b.length < at + 6) return NEED_MORE;
    host = formatIPv4(b, at);
    portAt = at + 4;
  } else if (type === 3) {
    const length = b[at]!;
    if (!length) return NOT_SOCKS;
    if (b.length < at + 1 + length + 2) return NEED_MORE;
    host = b
      .subarray(at + 1, at + 1 + length)
      .toString('latin1')
      .toLowerCase();
    portAt = at + 1 + length;
  } else if (type === 4) {
    if (b.length < at + 18) return NEED_MORE;
    host = formatIPv6(b, at);
    portAt = at + 16;
  } else return NOT_SOCKS;
  return { status: 'ok', version: 5, host, port: b.readUInt16BE(portAt) };
}

function socks4(b: Buffer): SocksResult {
  if (b.length < 9) return NEED_MORE;
  if (b[1] !== 1) return NOT_SOCKS; // CONNECT only (2 is BIND)
  const port = b.readUInt16BE(2);
  const userEnd = b.indexOf(0, 8);
  if (userEnd < 0) return b.length > 8 + MAX_USERID ? NOT_SOCKS : NEED_MORE;
  const v4a = b[4] === 0 && b[5] === 0 && b[6] === 0 && b[7] !== 0;
  if (!v4a) return { status: 'ok', version: 4, host: formatIPv4(b, 4), port };
  const hostEnd = b.indexOf(0, userEnd + 1);
  if (hostEnd < 0) return b.length > userEnd + 1 + 255 ? NOT_SOCKS : NEED_MORE;
  const host = b
    .subarray(userEnd + 1, hostEnd)
    .toString('latin1')
    .toLowerCase();
  return host ? { status: 'ok', version: 4, host, port } : NOT_SOCKS;
}
