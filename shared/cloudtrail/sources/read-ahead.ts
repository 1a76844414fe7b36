/**
 * Read-ahead for trees of small log files, on the second core. CloudTrail writes a file per account,
 * region and ~5 minutes, most a few KB: for such a tree the main thread spent an eighth of its time
 * opening, reading, closing and inflating files, each too small for libuv's thread pool to pay for
 * its round trips. A worker thread does that instead, for batches of files at a time, and hands
 * the inflated bytes back without a copy (transferred ArrayBuffers); the main thread only parses
 * and judges.
 *
 * The worker is a short stdlib-only script (fs, zlib), evaluated from this string so that every
 * bundle carries it without a separate file. It reads only files up to TINY_FILE bytes and inflates
 * them up to MAX_INFLATED; anything else (a big file, a gzip bomb, a read error) comes back as
 * `undefined` and the caller reads it its usual way, streamed, with its usual error messages.
 * Without worker threads (or if the worker dies) every read answers `undefined` the same way.
 */
import { Worker } from 'node:worker_threads';

/** Files up to this size are read ahead (bigger ones are streamed by the caller). */
export const TINY_FILE = 64 * 1024;
/** A read-ahead file inflating past this is left to the caller's bounded stream instead. */
const MAX_INFLATED = 4 * 1024 * 1024;
/** Files asked for in one message (fewer when no more are waiting). */
const BATCH = 32;

export interface ReadAhead {
  /** The file's bytes (inflated when gzip) and its mtime, or undefined: read it yourself. */
  read(file: string): Promise<{ bytes: Buffer; modifiedMs: number } | undefined>;
  close(): Promise<void>;
}

const WORKER = `
const { parentPort } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync } = require('node:fs');
const { gunzipSync } = require('node:zlib');
const TINY = ${TINY_FILE}, MAX = ${MAX_INFLATED};
function one(file) {
  let fd;
  try { fd = openSync(file, 'r'); } catch { return undefined; }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > TINY || info.size === 0) return undefined;
    const raw = Buffer.allocUnsafeSlow(info.size);
    let got = 0;
    while (got < raw.length) { const n = readSync(fd, raw, got, raw.length - got, got); if (n === 0) break; got += n; }
    if (got !== raw.length) return undefined;
    const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw, { maxOutputLength: MAX }) : raw;
    return { bytes, modifiedMs: info.mtimeMs };
  } catch { return undefined; } finally { try { closeSync(fd); } catch {} }
}
parentPort.on('message', ({ id, files }) => {
  const results = files.map(one);
  const transfer = [];
  const out = results.map((r) => {
    if (!r) return undefined;
    // A view of a pooled or shared buffer cannot be transferred: copy it into one of its own
    // (Buffer.from would copy into the pool again).
    let b = r.bytes;
    if (b.byteOffset !== 0 || b.byteLength !== b.buffer.byteLength) { const own = Buffer.allocUnsafeSlow(b.length); b.copy(own); b = own; }
    transfer.push(b.buffer);
    return { buffer: b.buffer, length: b.length, modifiedMs: r.modifiedMs };
  });
  parentPort.postMessage({ id, out }, transfer);
});
`;

type Answer = { bytes: Buffer; modifiedMs: number } | undefined;

/** A read-ahead worker, started now; `close` ends it. */
export function startReadAhead(): ReadAhead {
  let worker: Worker | undefined;
  try {
    worker = new Worker(WORKER, { eval: true });
  } catch {
    worker = undefined;
  }
  let broken = worker === undefined;
  const waiting: { file: string; resolve: (a: Answer) => void }[] = [];
  const sent = new Map<number, ((a: Answer) => void)[]>();
  let nextId = 0;
  let scheduled = false;
  const failAll = () => {
    broken = true;
    for (const resolvers of sent.values()) for (const r of resolvers) r(undefined);
    sent.clear();
    for (const w of waiting.splice(0)) w.resolve(undefined);
  };
  worker?.on(
    'message',
    (message: { id: number; out: ({ buffer: ArrayBuffer; length: number; modifiedMs: number } | undefined)[] }) => {
      const resolvers = sent.get(message.id);
      sent.delete(message.id);
      if (!resolvers) return;
      message.out.forEach((r, i) =>
        resolvers[i]?.(r ? { bytes: Buffer.from(r.buffer, 0, r.length), modifiedMs: r.modifiedMs } : undefined),
      );
      if (!sent.size) worker?.unref();
    },
  );
  worker?.on('error', failAll);
  worker?.on('exit', failAll);
  worker?.unref();
  const flush = () => {
    scheduled = false;
    while (waiting.length && worker && !broken) {
      const batch = waiting.splice(0, BATCH);
      const id = nextId++;
      sent.set(
        id,
        batch.map((w) => w.resolve),
      );
      worker.ref();
      worker.postMessage({ id, files: batch.map((w) => w.file) });
    }
  };
  return {
    read(file) {
      if (broken) return Promise.resolve(undefined);
      return new Promise<Answer>((resolve) => {
        waiting.push({ file, resolve });
        // Requests made in the same turn of the event loop go together.
        if (waiting.length >= BATCH) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    async close() {
      broken = true;
      failAll();
      // Not awaited: terminating a worker takes tens of milliseconds, and an unref'd worker does
      // not keep the process alive meanwhile.
      void worker?.terminate();
    },
  };
}
