/**
 * rpm's NDB package database (`Packages.db`: SUSE, and any rpm ≥ 4.16 built with the ndb backend),
 * read as rpm's `lib/backend/ndb/rpmpkg.c` lays it out. Every number is little-endian 32-bit:
 * - a 32-byte header: magic "RpmP" at 0, version 0 at 4, generation at 8, slot page count at 12;
 * - slot pages (4096 bytes each) right after it, the first page's first two 16-byte slots being the
 *   header: a slot is magic "Slot", package index, block offset, block count; offset 0 is a free slot;
 * - at block offset × 16, a blob: a 16-byte head (magic "BlbS", package index, generation, length),
 *   the header blob, zero padding, and a 12-byte tail (Adler-32 of head, blob and padding; length;
 *   magic "BlbE") ending the last of its `count` 16-byte blocks.
 * Never throws on bad bytes inside a blob: a blob that does not check out is left out and counted.
 * A file that is not an NDB database at all is an error.
 */

const BLK = 16;
const PAGE = 4096;
const HEADER_MAGIC = 0x506d7052; // 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24
const SLOT_MAGIC = 0x746f6c53; // "Slot"
const HEAD_MAGIC = 0x53626c42; // "BlbS"
const TAIL_MAGIC = 0x45626c42; // "BlbE"
const HEAD = 16;
const TAIL = 12;

export class NdbError extends Error {}

/** Adler-32 (RFC 1950 §8.2): the checksum rpm keeps in each blob's tail. */
export function adler32(bytes: Buffer, start = 1): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(bytes.length, i + 5552); // the most bytes before b can overflow 32 bits
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

export function readNdb(file: Buffer, options: { maxValue?: number } = {}): { values: Buffer[]; skipped: number } {
  const maxValue = options.maxValue ?? 64 * 1024 * 1024;
  if (file.length < 32 || file.readUInt32LE(0) !== HEADER_MAGIC)
    throw new NdbError('not an rpm NDB database (no "RpmP" magic)');
  const version = file.readUInt32LE(4);
  if (version !== 0) throw new NdbError(`NDB version ${version}, telltale reads version 0`);
  const slotPages = file.readUInt32LE(12);
  if (slotPages === 0 || slotPages * PAGE > file.length)
    throw new NdbError('the slot pages run past the end of the file');
  const values: Buffer[] = [];
  let skipped = 0;
  const firstBlob = (slotPages * PAGE) / BLK;
  for (let at = 32; at < slotPages * PAGE; at += 16) {
    if (file.readUInt32LE(at) !== SLOT_MAGIC) throw new NdbError(`slot at byte ${at} has no "Slot" magic`);
    const pkgIndex = file.readUInt32LE(at + 4);
    const blkOffset = file.readUInt32LE(at + 8);
    const blkCount = file.readUInt32LE(at + 12);
    if (blkOffset === 0) continue; // a free slot
    const start = blkOffset * BLK;
    const end = start + blkCount * BLK;
    if (!pkgIndex || blkOffset < firstBlob || blkCount * BLK < HEAD + TAIL || end > file.length) {
      skipped++;
      continue;
    }
    const length = file.readUInt32LE(start + 12);
    const ok =
      file.readUInt32LE(start) === HEAD_MAGIC &&
      file.readUInt32LE(start + 4) === pkgIndex &&
      length <= maxValue &&
      blkCount === Math.ceil((HEAD + length + TAIL) / BLK) &&
      file.readUInt32LE(end - 8) === length &&
      file.readUInt32LE(end - 4) === TAIL_MAGIC &&
      file.readUInt32LE(end - 12) === adler32(file.subarray(start, end - TAIL));
    if (!ok) {
      skipped++;
      continue;
    }
    values.push(Buffer.from(file.subarray(start + HEAD, start + HEAD + length)));
  }
  return { values, skipped };
}
