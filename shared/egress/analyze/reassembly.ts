/**
 * First-flight reassembly: the client's first bytes of a connection (TCP payload by sequence offset,
 * QUIC CRYPTO frames by stream offset), kept only until a namer decides, and capped so a connection
 * costs at most MAX_PENDING bytes and MAX_SEGMENTS looks whatever its sender does.
 */

export const MAX_PENDING = 16 * 1024;
export const MAX_SEGMENTS = 12;

/** Bytes of one stream by offset from its first byte; retransmissions and overlaps are allowed. */
export type Pending = Map<number, Buffer>;

/** Keeps a copy of the part of `data` at `offset` that falls inside the cap (packet buffers are recycled). */
export function addPending(pending: Pending, offset: number, data: Buffer): void {
  if (offset < MAX_PENDING) pending.set(offset, Buffer.from(data.subarray(0, MAX_PENDING - offset)));
}

/** Joins contiguous segments from offset 0 (retransmissions and overlaps collapse). */
export function contiguousPrefix(pending: Pending, cap = MAX_PENDING): Buffer {
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
