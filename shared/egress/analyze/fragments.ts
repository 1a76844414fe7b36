/**
 * IP fragment reassembly (RFC 791 §3.2 for IPv4, RFC 8200 §4.5 for IPv6), bounded: at most
 * MAX_DATAGRAMS datagrams in progress and MAX_DATAGRAM bytes each, and a datagram whose pieces do not
 * all arrive within TIMEOUT_MS of capture time is dropped (RFC 8200 §4.5 gives 60 s; RFC 791 suggests
 * 15 s to start, so 30 s covers both). Dropped pieces are counted so the report can say so.
 * Overlapping fragments (RFC 5722 forbids them in IPv6) make the datagram undecodable, not guessed.
 */
import type { IpPacket } from '../decode/ip.ts';

const MAX_DATAGRAMS = 4096;
const MAX_DATAGRAM = 65_535 + 8;
const TIMEOUT_MS = 30_000;

interface Partial {
  first?: IpPacket;
  pieces: { offset: number; data: Buffer }[];
  /** Total payload length, known once the last fragment (more = false) arrived. */
  total?: number;
  started: number;
  count: number;
  broken: boolean;
}

export class FragmentTable {
  private readonly partials = new Map<string, Partial>();
  /** Fragments that never became a datagram (timed out, overlapping, too large, table full). */
  dropped = 0;

  /** Takes a fragment; returns the whole datagram once its last missing piece arrives. */
  add(ip: IpPacket, time: number): IpPacket | undefined {
    const of = ip.fragmentOf!;
    this.expire(time);
    const key = `${ip.version} ${ip.src} ${ip.dst} ${ip.version === 4 ? ip.protocol : ''} ${of.id}`;
    let partial = this.partials.get(key);
    if (!partial) {
      if (this.partials.size >= MAX_DATAGRAMS) {
        this.dropped++;
        return undefined;
      }
      partial = { pieces: [], started: time, count: 0, broken: false };
      this.partials.set(key, partial);
    }
    partial.count++;
    if (partial.broken) return undefined;
    const end = of.offset + ip.payload.length;
    if (end > MAX_DATAGRAM || partial.count > 64) partial.broken = true;
    else if (!of.more) {
      if (partial.total !== undefined && partial.total !== end) partial.broken = true;
      partial.total = end;
    }
    if (of.offset === 0) partial.first = ip;
    for (const piece of partial.pieces) {
      const exact = piece.offset === of.offset && piece.data.length === ip.payload.length;
      const overlaps = of.offset < piece.offset + piece.data.length && piece.offset < end;
      if (overlaps && !exact) partial.broken = true;
    }
    if (partial.broken) return undefined;
    // Packet buffers are recycled by the capture reader: keep a copy.
    if (!partial.pieces.some((p) => p.offset === of.offset)) {
      partial.pieces.push({ offset: of.offset, data: Buffer.from(ip.payload) });
    }
    return this.complete(key, partial);
  }

  private complete(key: string, partial: Partial): IpPacket | undefined {
    if (partial.total === undefined || !partial.first) return undefined;
    const pieces = [...partial.pieces].sort((a, b) => a.offset - b.offset);
    let at = 0;
    for (const piece of pieces) {
      if (piece.offset !== at) return undefined;
      at += piece.data.length;
    }
    if (at !== partial.total) return undefined;
    this.partials.delete(key);
    const payload = Buffer.concat(pieces.map((p) => p.data));
    return {
      ...partial.first,
      payload,
      fragment: false,
      fragmentOf: undefined,
      wirePayloadLength: payload.length,
    };
  }

  private expire(time: number): void {
    // Insertion order is start order: stop at the first one still in time.
    for (const [key, partial] of this.partials) {
      if (time - partial.started <= TIMEOUT_MS) break;
      this.dropped += partial.count;
      this.partials.delete(key);
    }
  }

  /** At the end of the capture: what never completed. */
  finish(): void {
    for (const partial of this.partials.values()) this.dropped += partial.count;
    this.partials.clear();
  }
}
