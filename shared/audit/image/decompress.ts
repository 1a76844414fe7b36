/**
 * Layer compression, told by magic bytes rather than by media type (a `docker save` layer named
 * `layer.tar` may be gzip, an OCI `+gzip` blob may be plain): gzip `1f 8b` (RFC 1952 §2.3.1), zstd
 * frame `28 b5 2f fd` (RFC 8878 §3.1.1). gzip through node:zlib; zstd through node:zlib where the
 * runtime has it (Node ≥ 22.15 / 23.8, so the Node 24 actions runtime) and otherwise `fzstd`, a
 * pure-JS streaming decoder (no native build, bundles with ncc), because Node 20 has no zstd.
 */
import { Decompress as FzstdDecompress } from 'fzstd';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';

export type Compression = 'gzip' | 'zstd' | 'none';

export function detectCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return 'none';
}

type ZstdFactory = () => NodeJS.ReadWriteStream;
const nativeZstd = (zlib as unknown as { createZstdDecompress?: ZstdFactory }).createZstdDecompress;

/**
 * fzstd decodes every block a push completes, synchronously, with no backpressure: a 64 KiB chunk
 * of RLE blocks (4 bytes for up to 128 KiB each, RFC 8878 §3.1.1.2) would come out as gigabytes at
 * once. Input is pushed in FZSTD_PIECE slices and the output drained between them, so one push
 * yields at most ~FZSTD_PIECE/4 blocks (8 MiB). fzstd buffers an incomplete block without copying
 * until its whole size is there, so small pieces cost calls, not quadratic copies.
 */
const FZSTD_PIECE = 256;

async function* fzstdStream(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const out: Buffer[] = [];
  const d = new FzstdDecompress((chunk) => out.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  for await (const chunk of source) {
    for (let at = 0; at < chunk.length; at += FZSTD_PIECE) {
      d.push(chunk.subarray(at, at + FZSTD_PIECE));
      while (out.length) yield out.shift()!;
    }
  }
  d.push(new Uint8Array(0), true);
  while (out.length) yield out.shift()!;
}

/** The decompressed bytes of `source`, whose first bytes are `head` (already read to sniff). */
export function decompress(source: AsyncIterable<Buffer>, kind: Compression): AsyncIterable<Buffer> {
  if (kind === 'none') return source;
  if (kind === 'zstd' && !nativeZstd) return fzstdStream(source);
  const inflater = kind === 'gzip' ? zlib.createGunzip() : nativeZstd!();
  // pipeline, not pipe: a read error upstream must reach the reader as a rejection, not a hang.
  return pipeline(Readable.from(source), inflater, () => {}) as unknown as AsyncIterable<Buffer>;
}

/** Splits the first `n` bytes off a stream to sniff them, and gives back the whole stream. */
export async function peek(
  source: AsyncIterable<Buffer>,
  n: number,
): Promise<{ head: Buffer; stream: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const held: Buffer[] = [];
  let have = 0;
  while (have < n) {
    const r = await it.next();
    if (r.done) break;
    held.push(r.value);
    have += r.value.length;
  }
  const head = Buffer.concat(held).subarray(0, n);
  async function* rest(): AsyncGenerator<Buffer> {
    yield* held;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, stream: rest() };
}
