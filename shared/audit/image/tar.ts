/**
 * A tar reader for image archives and layers (POSIX.1-2001 pax, ustar, GNU long names).
 *
 * Why not an npm tar library: `tar` (node-tar) is built around extracting to disk, and `tar-stream`
 * hides where each entry's data starts. Both positions matter here: an uncompressed layer inside an
 * uncompressed `docker save` archive is read by header alone (positional 512-byte reads, bodies
 * never touched), and a file's bytes are later fetched at their offset. The format is small and
 * fixed (POSIX.1-2001 "pax Interchange Format"; GNU tar manual "Basic Tar Format"), so ~150 lines
 * here are cheaper than working around a library. Decoders never throw on bad bytes inside an
 * entry; a malformed header ends the archive with an error the caller reports.
 */
import type { FileHandle } from 'node:fs/promises';
import type { ByteReader } from './bytes.ts';

export type TarEntryType = 'file' | 'hardlink' | 'symlink' | 'character-device' | 'block-device' | 'directory' | 'pipe';

export interface TarEntry {
  /** Path as stored, without a leading `./` or `/`, no trailing slash. */
  name: string;
  type: TarEntryType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname: string;
  mtime: number;
  /** Offset of the entry's data from the start of the tar stream. */
  dataOffset: number;
}

const BLOCK = 512;
const WINDOW = 64 * 1024;
/** Largest pax or GNU long-name header read (they hold one path or a few attributes). */
const MAX_META = 1024 * 1024;

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'character-device',
  '4': 'block-device',
  '5': 'directory',
  '6': 'pipe',
};

/** A number field: octal text, or GNU base-256 when the top bit of the first byte is set. */
function num(block: Buffer, offset: number, length: number): number {
  const first = block[offset]!;
  if (first & 0x80) {
    let v = first & 0x3f;
    for (let i = 1; i < length; i++) v = v * 256 + block[offset + i]!;
    return first & 0x40 ? -v : v;
  }
  let v = 0;
  for (let i = offset; i < offset + length; i++) {
    const c = block[i]!;
    if (c === 0 || c === 0x20) {
      if (v === 0 && i < offset + length - 1 && c === 0x20) continue; // leading spaces
      if (c === 0) break;
      continue;
    }
    if (c < 0x30 || c > 0x37) return NaN;
    v = v * 8 + (c - 0x30);
  }
  return v;
}

function str(block: Buffer, offset: number, length: number): string {
  const end = block.indexOf(0, offset);
  return block.toString('utf8', offset, end < 0 || end > offset + length ? offset + length : end);
}

function checksumOk(block: Buffer): boolean {
  const stored = num(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum === stored;
}

/** pax records: "<len> <key>=<value>\n", lengths in decimal bytes (POSIX.1-2001 pax §"extended header"). */
export function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp < 0) break;
    const len = Number(data.toString('latin1', i, sp));
    if (!Number.isInteger(len) || len <= 0 || i + len > data.length) break;
    const record = data.toString('utf8', sp + 1, i + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}

export function normalizeName(name: string): string {
  let n = name;
  while (n.startsWith('./')) n = n.slice(2);
  n = n.replace(/^\/+/, '').replace(/\/+$/, '');
  return n === '.' ? '' : n;
}

interface Pending {
  pax: Record<string, string>;
  global: Record<string, string>;
  longName?: string;
  longLink?: string;
}

type HeaderOutcome =
  | { kind: 'end' }
  | { kind: 'meta'; flag: string; size: number }
  | { kind: 'entry'; entry: Omit<TarEntry, 'dataOffset'> };

function decodeHeader(block: Buffer, pending: Pending): HeaderOutcome {
  if (block.every((b) => b === 0)) return { kind: 'end' };
  if (!checksumOk(block)) throw new Error('a tar header has a bad checksum (not a tar archive, or a corrupt one)');
  const flag = String.fromCharCode(block[156]!);
  const size = num(block, 124, 12);
  if (!Number.isFinite(size) || size < 0) throw new Error('a tar header has an unreadable size');
  if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
    // Real pax/GNU headers are a few hundred bytes: a huge one is an attempt to make us allocate it.
    if (size > MAX_META) throw new Error(`a tar extended header claims ${size} bytes (more than ${MAX_META})`);
    return { kind: 'meta', flag, size };
  }
  const ustar = block.toString('latin1', 257, 262) === 'ustar';
  const prefix = ustar ? str(block, 345, 155) : '';
  let name = pending.longName ?? (prefix ? `${prefix}/${str(block, 0, 100)}` : str(block, 0, 100));
  let linkname = pending.longLink ?? str(block, 157, 100);
  const attrs = { ...pending.global, ...pending.pax };
  if (attrs.path !== undefined) name = attrs.path;
  if (attrs.linkpath !== undefined) linkname = attrs.linkpath;
  pending.pax = {};
  delete pending.longName;
  delete pending.longLink;
  const type = TYPES[flag] ?? (name.endsWith('/') ? 'directory' : 'file');
  const field = (key: string, fallback: number) => {
    if (attrs[key] === undefined) return fallback;
    const v = Number(attrs[key]);
    return Number.isFinite(v) ? v : fallback;
  };
  const entrySize = field('size', size);
  if (!Number.isSafeInteger(entrySize) || entrySize < 0) throw new Error('a tar header has an unreadable size');
  return {
    kind: 'entry',
    entry: {
      name: normalizeName(name),
      type,
      mode: num(block, 100, 8) & 0o7777,
      uid: field('uid', num(block, 108, 8)),
      gid: field('gid', num(block, 116, 8)),
      size: entrySize,
      linkname,
      mtime: field('mtime', num(block, 136, 12)),
    },
  };
}

const pad = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

function applyMeta(pending: Pending, flag: string, data: Buffer): void {
  if (flag === 'x') pending.pax = parsePax(data);
  else if (flag === 'g') pending.global = { ...pending.global, ...parsePax(data) };
  else if (flag === 'L') pending.longName = data.toString('utf8').replace(/\0.*$/s, '');
  else pending.longLink = data.toString('utf8').replace(/\0.*$/s, '');
}

/**
 * Entries of a tar stream in order. The caller may take an entry's body with `body()` (whole) or
 * `stream()` before asking for the next entry; otherwise it is skipped.
 */
export async function* readTarStream(
  reader: ByteReader,
): AsyncGenerator<{ entry: TarEntry; body(): Promise<Buffer>; stream(): AsyncGenerator<Buffer> }> {
  const pending: Pending = { pax: {}, global: {} };
  for (;;) {
    const block = await reader.read(BLOCK);
    if (!block) return; // a tar without end blocks (some writers) ends at EOF
    const h = decodeHeader(block, pending);
    if (h.kind === 'end') return;
    if (h.kind === 'meta') {
      const data = await reader.read(h.size);
      if (!data) throw new Error('the archive ends inside a tar extended header');
      applyMeta(pending, h.flag, data);
      await reader.skip(pad(h.size));
      continue;
    }
    const dataOffset = reader.position;
    const size = h.entry.type === 'file' ? h.entry.size : 0;
    const entry: TarEntry = { ...h.entry, size, dataOffset };
    const end = dataOffset + size;
    yield {
      entry,
      body: async () => {
        const data = await reader.read(size);
        if (!data) throw new Error(`the archive ends inside ${entry.name}`);
        return data;
      },
      stream: () => reader.slice(size),
    };
    // Whatever the caller did not consume of the body, and the padding, is skipped.
    const rest = end - reader.position;
    if (rest > 0 && !(await reader.skip(rest))) throw new Error(`the archive ends inside ${entry.name}`);
    if (!(await reader.skip(pad(size)))) return;
  }
}

/**
 * Entries of an uncompressed tar held in a file, read by header alone: each 512-byte header is read
 * at its offset and the bodies are never touched. `start`/`end` bound a tar nested in another.
 */
export async function* scanTarFile(
  handle: FileHandle,
  start = 0,
  end = Number.POSITIVE_INFINITY,
): AsyncGenerator<TarEntry> {
  const pending: Pending = { pax: {}, global: {} };
  // Headers of small files sit close together: read ahead in windows instead of 512 bytes a call.
  const window = Buffer.alloc(WINDOW);
  let windowStart = -1;
  let windowLength = 0;
  const header = async (at: number): Promise<Buffer | undefined> => {
    if (windowStart < 0 || at < windowStart || at + BLOCK > windowStart + windowLength) {
      const { bytesRead } = await handle.read(window, 0, WINDOW, at);
      windowStart = at;
      windowLength = bytesRead;
      if (bytesRead < BLOCK) return undefined;
    }
    return window.subarray(at - windowStart, at - windowStart + BLOCK);
  };
  let at = start;
  while (at + BLOCK <= end) {
    const block = await header(at);
    if (!block) return;
    const h = decodeHeader(block, pending);
    if (h.kind === 'end') return;
    at += BLOCK;
    if (h.kind === 'meta') {
      applyMeta(pending, h.flag, await readRange(handle, at, h.size));
      at += h.size + pad(h.size);
      continue;
    }
    const size = h.entry.type === 'file' ? h.entry.size : 0;
    yield { ...h.entry, size, dataOffset: at };
    at += size + pad(size);
  }
}

export async function readRange(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(out, done, length - done, offset + done);
    if (bytesRead === 0) throw new Error(`the file ends ${length - done} bytes early`);
    done += bytesRead;
  }
  return out;
}
