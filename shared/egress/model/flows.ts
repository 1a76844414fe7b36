/**
 * Per-connection state while a capture streams past: who opened it, whether it was answered, and the
 * first bytes the client sent (kept only until they name the destination, capped, then dropped).
 */
import type { QuicSession } from '../decode/quic.ts';
import type { FailureKind, NamedBy } from './report.ts';

export interface FlowName {
  host: string;
  namedBy: NamedBy;
  protocol?: string;
  /** For CONNECT: the real destination's port, and the proxy this flow reached. */
  port?: number;
  /** For QUIC: the version's name ("v1", "draft-29", "Q046"…), named or not. */
  quicVersion?: string;
}

export interface Flow {
  transport: 'tcp' | 'udp';
  clientIp: string;
  clientPort: number;
  serverIp: string;
  serverPort: number;
  firstSeen: number;
  lastSeen: number;
  bytes: number;
  synSeen: boolean;
  synAckSeen: boolean;
  failure?: FailureKind;
  name?: FlowName;
  /** The client's first bytes, by offset from the first payload byte; undefined once decided. */
  pending?: Map<number, Buffer>;
  /** The client's initial sequence number, from its SYN. */
  isn?: number;
  /** Sequence number of the client's first payload byte. */
  baseSeq?: number;
  /** QUIC: the client's Initials read so far (original DCID, CRYPTO data), until the flow is named. */
  quic?: QuicSession;
  /** How many payload segments we looked at; the decoders give up after a few. */
  segments: number;
}

/** Joins contiguous segments from offset 0 (retransmissions and overlaps collapse). */
export function contiguousPrefix(pending: Map<number, Buffer>, cap: number): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    let best: Buffer | undefined;
    for (const [start, data] of pending) {
      if (start <= offset && start + data.length > offset) {
        const tail = data.subarray(offset - start);
        if (!best || tail.length > best.length) best = tail;
      }
    }
    if (!best || offset >= cap) break;
    parts.push(best);
    offset += best.length;
  }
  return Buffer.concat(parts).subarray(0, cap);
}
