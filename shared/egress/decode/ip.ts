/**
 * IPv4 and IPv6: addresses, the transport protocol and its bytes. Extension headers are walked
 * (RFC 8200 §4); a fragment says where it belongs (`fragmentOf`) and analyze/fragments.ts puts the
 * datagram back together (large DNS answers arrive fragmented). Never throws.
 */
import type { NetworkPayload } from './link.ts';

export interface IpPacket {
  version: 4 | 6;
  src: string;
  dst: string;
  /** IANA protocol number of the payload: 6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6. */
  protocol: number;
  payload: Buffer;
  /** A non-first fragment, or a first fragment whose payload is incomplete. */
  fragment: boolean;
  /** For a fragment: its datagram's identification, its byte offset in it, and whether more follow. */
  fragmentOf?: { id: number; offset: number; more: boolean };
  /**
   * Payload bytes on the wire, from the IP header: more than `payload.length` when the capture cut
   * the packet (snaplen, or `-i any` capping offloaded super-segments at the interface MTU).
   */
  wirePayloadLength: number;
}

export function formatIPv4(b: Buffer, o: number): string {
  return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}

/** RFC 5952 text form: lower case, leading zeros dropped, the longest run of zero groups as `::`. */
// A capture holds few distinct addresses and many packets: formatting each IPv6 address once was a
// tenth of the analysis time on a bulk capture. Keyed by the raw 16 bytes; bounded.
const ipv6Cache = new Map<string, string>();

function cachedIPv6(b: Buffer, o: number): string {
  const key = b.toString('latin1', o, o + 16);
  let text = ipv6Cache.get(key);
  if (text === undefined) {
    if (ipv6Cache.size >= 65_536) ipv6Cache.clear();
    text = formatIPv6(b, o);
    ipv6Cache.set(key, text);
  }
  return text;
}

export function formatIPv6(b: Buffer, o: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(b.readUInt16BE(o + i * 2));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

// Extension headers that carry a "next header" and a length in 8-octet units (RFC 8200 §4).
const IPV6_EXTENSIONS = new Set([0, 43, 60, 135, 139, 140]);

export function decodeIp(network: NetworkPayload): IpPacket | undefined {
  const b = network.data;
  if (network.version === 4) {
    if (b.length < 20) return undefined;
    const ihl = (b[0]! & 0x0f) * 4;
    if (ihl < 20 || b.length < ihl) return undefined;
    const total = b.readUInt16BE(2);
    const end = total >= ihl && total <= b.length ? total : b.length;
    const flagsOffset = b.readUInt16BE(6);
    const moreFragments = (flagsOffset & 0x2000) !== 0;
    const fragmentOffset = flagsOffset & 0x1fff;
    return {
      version: 4,
      src: formatIPv4(b, 12),
      dst: formatIPv4(b, 16),
      protocol: b[9]!,
      payload: b.subarray(ihl, end),
      fragment: moreFragments || fragmentOffset !== 0,
      // RFC 791 §3.1: the offset counts 8-octet units.
      fragmentOf:
        moreFragments || fragmentOffset !== 0
          ? { id: b.readUInt16BE(4), offset: fragmentOffset * 8, more: moreFragments }
          : undefined,
      // TSO hands the capture a super-segment whose total length field may be 0: count what we have.
      wirePayloadLength: total >= ihl ? total - ihl : end - ihl,
    };
  }
  if (b.length < 40) return undefined;
  const payloadLength = b.readUInt16BE(4);
  const end = payloadLength > 0 && 40 + payloadLength <= b.length ? 40 + payloadLength : b.length;
  let next = b[6]!;
  let offset = 40;
  let fragment = false;
  let fragmentOf: IpPacket['fragmentOf'];
  // Bounded: each header is at least 8 bytes, so the walk ends within the packet.
  while (offset < end) {
    if (IPV6_EXTENSIONS.has(next)) {
      if (offset + 2 > end) return undefined;
      const length = (b[offset + 1]! + 1) * 8;
      next = b[offset]!;
      offset += length;
    } else if (next === 44) {
      // Fragment header (RFC 8200 §4.5): 8 bytes; offset and M flag in bytes 2-3.
      if (offset + 8 > end) return undefined;
      const field = b.readUInt16BE(offset + 2);
      fragment = (field & 0xfff8) !== 0 || (field & 1) !== 0;
      // The offset is already in bytes once the low 3 bits are masked off (8-octet units << 3).
      if (fragment) fragmentOf = { id: b.readUInt32BE(offset + 4), offset: field & 0xfff8, more: (field & 1) !== 0 };
      next = b[offset]!;
      offset += 8;
    } else if (next === 51) {
      // Authentication Header: length in 4-octet units minus 2 (RFC 4302 §2.2).
      if (offset + 2 > end) return undefined;
      const length = (b[offset + 1]! + 2) * 4;
      next = b[offset]!;
      offset += length;
    } else break;
  }
  if (offset > end) return undefined;
  return {
    version: 6,
    src: cachedIPv6(b, 8),
    dst: cachedIPv6(b, 24),
    protocol: next,
    payload: b.subarray(offset, end),
    fragment,
    fragmentOf,
    wirePayloadLength: payloadLength > 0 ? Math.max(0, 40 + payloadLength - offset) : end - offset,
  };
}
