/**
 * Bytes of one log file → CloudTrail records, streamed: memory holds one record at a time, never the
 * file (except a file already in memory in CloudTrail's delivery shape, up to 4 MiB, which is parsed
 * whole: decodeLogBuffer). Accepted, plain or gzipped (sniffed from the bytes, RFC 1952 §2.3.1 magic 1f 8b, not the
 * name), in one file or mixed:
 *
 * - `{"Records":[…]}`, as CloudTrail delivers to S3;
 * - `{"Events":[…]}`, the output of `aws cloudtrail lookup-events`, where each `CloudTrailEvent` is
 *   the record as a JSON *string*;
 * - a bare JSON array of records (Stratus Red Team's detonation logs, most exports);
 * - JSON Lines: one record (or one LookupEvents event) per line.
 *
 * A scanner walks the bytes tracking only strings and nesting depth, cuts out each record and hands
 * it to JSON.parse. It never throws on bad input past the first problem: it returns the problem
 * (where, what) and how many records came before it, and the caller decides (Wireshark's rule).
 */
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { CloudTrailRecord } from '../record.ts';

export interface DecodeResult {
  /** Records handed to `onRecord`. */
  records: number;
  /** Why the file could not be read to its end (records before the problem were still delivered). */
  error?: string;
}

/** One record longer than this is refused rather than buffered (CloudTrail's own records are < 1 MiB). */
export const MAX_RECORD_BYTES = 32 * 1024 * 1024;
/**
 * Parts of a record nested deeper than this are replaced by a note: JSON.parse takes any depth, but
 * rules, the report and JSON.stringify walk values recursively. The record itself (its event name,
 * identity, time) is kept, so its finding is not lost to a hostile `requestParameters`.
 */
export const MAX_KEPT_DEPTH = 64;
const CHUNK = 256 * 1024;

export async function decodeLogStream(
  input: AsyncIterable<Uint8Array>,
  onRecord: (record: CloudTrailRecord) => void,
): Promise<DecodeResult> {
  const splitter = new RecordSplitter(onRecord);
  const iterator = input[Symbol.asyncIterator]();
  let stage = 'read';
  try {
    // The gzip magic is two bytes; a stream may hand them over one at a time.
    let head: Buffer = Buffer.alloc(0);
    while (head.length < 2) {
      const next = await iterator.next();
      if (next.done) break;
      head = Buffer.concat([head, next.value]);
    }
    if (head.length === 0) return { records: 0, error: 'empty file' };
    const all = async function* () {
      yield head;
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
    };
    const consume = async (chunks: AsyncIterable<Buffer | Uint8Array>) => {
      for await (const chunk of chunks) splitter.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    };
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      stage = 'gunzip';
      await pipeline(all, createGunzip({ chunkSize: CHUNK }), consume);
    } else {
      await consume(all());
    }
    splitter.end();
    return { records: splitter.records };
  } catch (error) {
    return { records: splitter.records, error: describeError(error, stage, splitter) };
  }
}

/**
 * A whole small file already in memory (local.ts reads small files in one call and gunzips them on
 * libuv's thread pool: for a tree of thousands of 5 KB files the streams cost more than the data).
 */
export function decodeLogBuffer(bytes: Buffer, onRecord: (record: CloudTrailRecord) => void): DecodeResult {
  const splitter = new RecordSplitter(onRecord);
  if (bytes.length === 0) return { records: 0, error: 'empty file' };
  try {
    const records = bytes.length <= WHOLE_PARSE_MAX ? deliveredFile(bytes) : undefined;
    if (records) {
      for (const record of records) {
        splitter.records++;
        onRecord(record);
      }
      return { records: splitter.records };
    }
    for (let i = 0; i < bytes.length; i += CHUNK) splitter.push(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)));
    splitter.end();
    return { records: splitter.records };
  } catch (error) {
    return { records: splitter.records, error: describeError(error, 'read', splitter) };
  }
}

/** Files up to this size are first tried with one JSON.parse of the whole text (deliveredFile). */
const WHOLE_PARSE_MAX = 4 * 1024 * 1024;
/** How a file in CloudTrail's delivery shape starts. */
const DELIVERY_HEAD = /^[ \t\r\n]*\{[ \t\r\n]*"Records"[ \t\r\n]*:/;

/**
 * The records of a file in CloudTrail's delivery shape (`{"Records":[…]}` and nothing else, every
 * element a record no deeper than MAX_KEPT_DEPTH), parsed in one call; undefined for anything else,
 * which the splitter then reads with its exact messages. For the thousands of small files a trail
 * delivers, one JSON.parse of the file costs less than scanning it byte by byte in JavaScript and
 * parsing each record's slice; the result is the same records in the same order.
 */
function deliveredFile(bytes: Buffer): CloudTrailRecord[] | undefined {
  // Other shapes (a bare array, LookupEvents' `Events`, JSON Lines of wrappers) are told from the
  // first bytes, so that they are not parsed whole only to be parsed again by the splitter.
  if (!DELIVERY_HEAD.test(bytes.toString('latin1', 0, 64))) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const keys = Object.keys(doc);
  const list = (doc as { Records?: unknown }).Records;
  if (keys.length !== 1 || keys[0] !== 'Records' || !Array.isArray(list)) return undefined;
  for (const r of list as unknown[]) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return undefined;
    const o = r as Record<string, unknown>;
    if (typeof o.eventName !== 'string' && typeof o.eventTime !== 'string' && typeof o.eventID !== 'string') {
      return undefined;
    }
    if (deeperThan(o, MAX_KEPT_DEPTH)) return undefined;
  }
  return list as CloudTrailRecord[];
}

/**
 * Whether containers nest more than `limit` levels below `node` (at level `depth`). Recursion is
 * bounded by `limit`; an index loop over values is several times faster than for-in on Node 24.
 */
function deeperThan(node: object, limit: number, depth = 1): boolean {
  const values: unknown[] = Array.isArray(node) ? node : Object.values(node);
  for (let i = 0; i < values.length; i++) {
    const child = values[i];
    if (child === null || typeof child !== 'object') continue;
    if (depth >= limit || deeperThan(child, limit, depth + 1)) return true;
  }
  return false;
}

export function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function describeError(error: unknown, stage: string, splitter: RecordSplitter): string {
  const after = splitter.records ? ` (after ${splitter.records} record(s))` : '';
  if (error instanceof DecodeError) return `${error.message}${after}`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (stage === 'gunzip' && code === 'Z_BUF_ERROR') return `truncated gzip: the file ends mid-stream${after}`;
  if (stage === 'gunzip' && typeof code === 'string' && code.startsWith('Z_'))
    return `corrupt gzip: ${message}${after}`;
  return `read failed: ${message}${after}`;
}

class DecodeError extends Error {}

const QUOTE = 0x22;
/** RFC 8259 §2: ws = space, horizontal tab, line feed, carriage return. */
const JSON_WHITESPACE: boolean[] = Array.from(
  { length: 256 },
  (_, b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d,
);
const BACKSLASH = 0x5c;
const WRAPPER_KEYS = new Set(['Records', 'Events']);

/**
 * Cuts records out of a JSON byte stream. Depth counts open containers; `recordDepth` is the depth
 * at which an opening `{` starts a record: 1 inside a top-level array or a wrapper object's array,
 * 0 for a top-level object (JSON Lines, or a wrapper until its `Records` key shows it is one).
 */
class RecordSplitter {
  records = 0;
  private depth = 0;
  private inString = false;
  /** An odd run of backslashes ended the previous chunk inside a string: its first byte is escaped. */
  private escaped = false;
  /** Depth of the array whose elements are records, or -1 outside one. */
  private arrayDepth = -1;
  /** Whether the current record array holds LookupEvents events (`Events`) rather than records. */
  private lookupEvents = false;
  private capturing = false;
  private captureDepth = 0;
  private captureStart = 0;
  private captureMaxDepth = 0;
  private captured: Buffer[] = [];
  private capturedBytes = 0;
  private offset = 0;
  private element = 0;
  /** Top-level JSON values seen (one for a Records file, one per line for JSON Lines). */
  private values = 0;

  private readonly onRecord: (record: CloudTrailRecord) => void;

  constructor(onRecord: (record: CloudTrailRecord) => void) {
    this.onRecord = onRecord;
  }

  push(chunk: Buffer): void {
    const n = chunk.length;
    let i = 0;
    if (this.capturing) this.captureStart = 0;
    while (i < n) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        continue;
      }
      const c = chunk[i]!;
      if (c === QUOTE) {
        this.inString = true;
        if (!this.capturing && this.depth <= (this.arrayDepth < 0 ? 0 : this.arrayDepth)) {
          this.fail(`unexpected string at byte ${this.offset + i}`);
        }
      } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        if (!this.capturing) {
          if (c === 0x7b && (this.depth === 0 || this.depth === this.arrayDepth)) this.startCapture(i);
          else if (c === 0x5b && this.depth === 0) this.openArray(1, false);
          if (this.depth === 0) this.values++;
        } else if (c === 0x5b && this.depth === 1 && this.arrayDepth < 0) {
          // `[` as a value of the top-level object: a `Records`/`Events` key makes it a wrapper.
          const key = this.lastKey(chunk, i);
          if (key !== undefined && WRAPPER_KEYS.has(key)) {
            this.capturing = false;
            this.captured = [];
            this.openArray(2, key === 'Events');
          }
        }
        // Depth is only a counter here (no recursion), so any depth is scanned; endCapture prunes.
        if (++this.depth > this.captureMaxDepth && this.capturing) this.captureMaxDepth = this.depth;
      } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
        if (this.depth === 0) this.fail(`unexpected '${String.fromCharCode(c)}' at byte ${this.offset + i}`);
        this.depth--;
        if (this.capturing && this.depth === this.captureDepth) this.endCapture(chunk, i);
        else if (this.depth === this.arrayDepth - 1 && c === 0x5d) this.arrayDepth = -1;
      } else if (!this.capturing && !JSON_WHITESPACE[c] && c !== 0x2c /* , */ && c !== 0x3a /* : */) {
        // Only RFC 8259 §2 whitespace passes: a NUL-filled file (preallocated, crashed) is named at byte 0.
        const atTop = this.depth === 0 || this.depth === this.arrayDepth;
        if (atTop) {
          this.fail(
            this.arrayDepth > 0 && this.depth === this.arrayDepth
              ? `element ${this.element} of the record list is not an object (byte ${this.offset + i})`
              : `not CloudTrail JSON: unexpected '${printable(c)}' at byte ${this.offset + i}`,
          );
        }
      }
      i++;
    }
    if (this.capturing) {
      const piece = chunk.subarray(this.captureStart);
      this.captured.push(piece);
      this.capturedBytes += piece.length;
      if (this.capturedBytes > MAX_RECORD_BYTES)
        this.fail(`a record longer than ${MAX_RECORD_BYTES} bytes at byte ${this.offset}`);
    }
    this.offset += n;
  }

  end(): void {
    if (this.inString || this.depth > 0) {
      this.fail(
        `truncated JSON: the input ends inside ${this.arrayDepth > 0 ? `element ${this.element} of the record list` : 'a JSON value'} (byte ${this.offset})`,
      );
    }
    if (this.values === 0) this.fail('no JSON value in the file');
  }

  /** Skips string bytes from `i`; returns the index after the closing quote, or the chunk's length. */
  private skipString(chunk: Buffer, i: number): number {
    if (this.escaped) {
      this.escaped = false;
      i++;
      if (i >= chunk.length) return i;
    }
    for (;;) {
      const q = chunk.indexOf(QUOTE, i);
      if (q < 0) {
        // Carry an unfinished escape into the next chunk.
        let run = 0;
        for (let k = chunk.length - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
        this.escaped = run % 2 === 1;
        return chunk.length;
      }
      let run = 0;
      for (let k = q - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
      if (run % 2 === 0) {
        this.inString = false;
        return q + 1;
      }
      i = q + 1;
    }
  }

  private openArray(depthInside: number, lookupEvents: boolean): void {
    this.arrayDepth = depthInside;
    this.lookupEvents = lookupEvents;
  }

  private startCapture(i: number): void {
    this.capturing = true;
    this.captureDepth = this.depth;
    this.captureMaxDepth = this.depth;
    this.captureStart = i;
    this.captured = [];
    this.capturedBytes = 0;
  }

  private endCapture(chunk: Buffer, i: number): void {
    this.capturing = false;
    const last = chunk.subarray(this.captureStart, i + 1);
    const text = this.captured.length
      ? Buffer.concat([...this.captured, last]).toString('utf8')
      : chunk.toString('utf8', this.captureStart, i + 1);
    this.captured = [];
    const where = this.arrayDepth > 0 ? `element ${this.element} of the record list` : `object ${this.element + 1}`;
    this.element++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.fail(`malformed JSON in ${where}: ${(error as Error).message}`);
    }
    if (this.captureMaxDepth - this.captureDepth > MAX_KEPT_DEPTH) value = pruneDeep(value, MAX_KEPT_DEPTH);
    this.deliver(value, where, this.arrayDepth > 0 ? this.lookupEvents : undefined);
  }

  /** `lookup`: true inside `Events`, false inside `Records`/an array, undefined for a top-level object. */
  private deliver(value: unknown, where: string, lookup: boolean | undefined): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(`${where} is not an object`);
    const o = value as Record<string, unknown>;
    if (lookup !== false && 'CloudTrailEvent' in o) {
      const inner = o.CloudTrailEvent;
      let record: unknown = inner;
      if (typeof inner === 'string') {
        try {
          record = JSON.parse(inner);
        } catch (error) {
          this.fail(`${where}: CloudTrailEvent is not JSON: ${(error as Error).message}`);
        }
      }
      return this.deliver(record, `${where} (CloudTrailEvent)`, false);
    }
    if (lookup === true) this.fail(`${where} has no CloudTrailEvent`);
    if (typeof o.eventName !== 'string' && typeof o.eventTime !== 'string' && typeof o.eventID !== 'string') {
      this.fail(`${where} is not a CloudTrail record (no eventName, eventTime or eventID)`);
    }
    this.records++;
    this.onRecord(o as CloudTrailRecord);
  }

  /** The key written just before position `i` of the top-level object (`"Records" :`), if short. */
  private lastKey(chunk: Buffer, i: number): string | undefined {
    const tailBytes = 96;
    let text = chunk.toString('latin1', Math.max(this.captureStart, i - tailBytes), i);
    if (text.length < tailBytes && this.captured.length) {
      const before = Buffer.concat(this.captured).toString('latin1');
      text = before.slice(-tailBytes) + text;
    }
    const match = /"([A-Za-z]+)"\s*:\s*$/.exec(text);
    return match?.[1];
  }

  private fail(message: string): never {
    throw new DecodeError(message);
  }
}

/** Replaces containers deeper than `limit` with a short note, iteratively (the input may be 100k deep). */
export function pruneDeep(root: unknown, limit: number): unknown {
  const stack: { node: Record<string, unknown> | unknown[]; depth: number }[] = [];
  if (root !== null && typeof root === 'object') stack.push({ node: root as Record<string, unknown>, depth: 1 });
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node).values();
    for (const k of keys) {
      const child = (node as Record<string | number, unknown>)[k];
      if (child === null || typeof child !== 'object') continue;
      if (depth >= limit)
        (node as Record<string | number, unknown>)[k] = `[nested deeper than ${limit} levels: left out]`;
      else stack.push({ node: child as Record<string, unknown>, depth: depth + 1 });
    }
  }
  return root;
}

function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
}
