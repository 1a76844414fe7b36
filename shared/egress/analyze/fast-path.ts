/**
 * The fast path. Most packets of a real capture belong to a connection that is already named and
 * oriented: all they change is its last-seen time and its byte count. Such a packet is recognised
 * from the frame's raw bytes (a link header, unfragmented IPv4 or IPv6 without extension headers,
 * TCP without SYN or RST) and its connection found in a small table keyed by
 * the raw addresses and ports, with no address text, key string, object or view made. Everything
 * else (and a packet whose connection is not in the table) takes the full path in analyzer.ts, which
 * says afterwards which connection the packet was filed under so that the table learns it.
 *
 * The table is direct-mapped and per direction: a slot holds one direction's raw 4-tuple and its
 * connection; a collision just overwrites (the full path is always right, only slower).
 */
import type { Flow } from './flow.ts';

const SLOT_BITS = 12;
const SLOTS = 1 << SLOT_BITS;
/** Per slot: the tuple's length in words (3 for IPv4, 9 for IPv6; 0 = empty), then the words. */
const STRIDE = 10;

// A FIN changes nothing the analysis keeps; a SYN (a new connection on old ports) and a RST do.
const SYN_RST = 0x02 | 0x04;
const DNS_PORTS = new Set([53, 5353]);

export class FlowCache {
  private readonly words = new Uint32Array(SLOTS * STRIDE);
  private readonly flows: (Flow | undefined)[] = new Array<Flow | undefined>(SLOTS).fill(undefined);
  /** The last packet looked up and missed: its slot and tuple, for `learn`. */
  private missSlot = -1;
  private readonly miss = new Uint32Array(STRIDE);

  /**
   * Counts a packet of a known, decided connection and returns true; false when the packet must take
   * the full path (then `learn` may file its connection once the full path has seen it).
   */
  count(linkType: number, b: Buffer, start: number, end: number, time: number): boolean {
    this.missSlot = -1;
    let o: number;
    // Where the IP header starts and which version the link layer says it is, for the link types
    // Linux captures mostly have (link.ts decodes them all).
    let said: number;
    if (linkType === 276) {
      if (end - start < 20) return false;
      o = start + 20;
      said = ipEtherType(b[start]!, b[start + 1]!);
    } else if (linkType === 1) {
      if (end - start < 14) return false;
      o = start + 14;
      said = ipEtherType(b[start + 12]!, b[start + 13]!);
    } else if (linkType === 113) {
      if (end - start < 16) return false;
      o = start + 16;
      said = ipEtherType(b[start + 14]!, b[start + 15]!);
    } else if (linkType === 101 || linkType === 12 || linkType === 14) {
      o = start;
      said = end > o ? b[o]! >> 4 : 0;
    } else if (linkType === 228 || linkType === 229) {
      o = start;
      said = linkType === 228 ? 4 : 6;
    } else return false;
    if (end - o < 1) return false;
    const version = b[o]! >> 4;
    if (version !== said) return false;
    let t: number;
    let ipEnd: number;
    let wire: number;
    const m = this.miss;
    if (version === 4) {
      if (end - o < 20) return false;
      const ihl = (b[o]! & 0x0f) * 4;
      // TCP, not a fragment (MF clear, offset 0).
      if (ihl < 20 || b[o + 9] !== 6 || (b[o + 6]! & 0x3f) !== 0 || b[o + 7] !== 0) return false;
      const total = (b[o + 2]! << 8) | b[o + 3]!;
      const length = end - o;
      ipEnd = total >= ihl && total <= length ? o + total : end;
      // As decode/ip.ts counts it: TSO super-segments may carry a total length of 0.
      wire = total >= ihl ? total - ihl : ipEnd - o - ihl;
      t = o + ihl;
      m[0] = 3;
      m[1] = u32(b, o + 12);
      m[2] = u32(b, o + 16);
    } else if (version === 6) {
      if (end - o < 40 || b[o + 6] !== 6) return false;
      const payloadLength = (b[o + 4]! << 8) | b[o + 5]!;
      ipEnd = payloadLength > 0 && 40 + payloadLength <= end - o ? o + 40 + payloadLength : end;
      wire = payloadLength > 0 ? payloadLength : ipEnd - o - 40;
      t = o + 40;
      m[0] = 9;
      for (let i = 0; i < 8; i++) m[1 + i] = u32(b, o + 8 + i * 4);
    } else return false;
    if (ipEnd - t < 20) return false;
    const headerLength = (b[t + 12]! >> 4) * 4;
    if (headerLength < 20 || headerLength > ipEnd - t) return false;
    const words = m[0];
    m[words] = u32(b, t);
    let h = 0x811c9dc5;
    for (let i = 1; i <= words; i++) h = Math.imul(h ^ m[i]!, 0x01000193);
    const slot = (h ^ (h >>> SLOT_BITS) ^ (h >>> (2 * SLOT_BITS))) & (SLOTS - 1);
    // Openings and resets change a connection's state: the full path reads them.
    if ((b[t + 13]! & SYN_RST) !== 0) return false;
    this.missSlot = slot;
    const flow = this.flows[slot];
    if (flow === undefined || !this.matches(slot)) return false;
    if (time > flow.lastSeen) flow.lastSeen = time;
    flow.bytes += wire;
    return true;
  }

  /**
   * After the full path: the connection the last missed packet was filed under. Only a connection
   * the full path has nothing left to learn from is filed (oriented, decided, not DNS over TCP,
   * whose bytes the DNS book reads).
   */
  learn(flow: Flow | undefined): void {
    const slot = this.missSlot;
    this.missSlot = -1;
    if (slot < 0 || !flow || flow.transport !== 'tcp' || !flow.oriented || !flow.decided) return;
    if (DNS_PORTS.has(flow.serverPort)) return;
    const base = slot * STRIDE;
    const m = this.miss;
    for (let i = 0; i <= m[0]!; i++) this.words[base + i] = m[i]!;
    this.flows[slot] = flow;
  }

  /** Forgets every connection (one was set aside for a new one on the same ports). */
  clear(): void {
    this.flows.fill(undefined);
    this.missSlot = -1;
  }

  private matches(slot: number): boolean {
    const base = slot * STRIDE;
    const m = this.miss;
    const n = m[0]!;
    if (this.words[base] !== n) return false;
    for (let i = 1; i <= n; i++) if (this.words[base + i] !== m[i]) return false;
    return true;
  }
}

/** Big-endian 32 bits; the caller has checked the bounds (Buffer#readUInt32BE checks them again). */
function u32(b: Buffer, o: number): number {
  return b[o]! * 0x1000000 + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

/** 4 for EtherType 0x0800, 6 for 0x86dd, else 0: VLAN tags and the rest take the full path. */
function ipEtherType(high: number, low: number): number {
  return high === 0x08 && low === 0x00 ? 4 : high === 0x86 && low === 0xdd ? 6 : 0;
}
