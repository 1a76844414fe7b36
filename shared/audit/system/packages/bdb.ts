/**
 * The values of a Berkeley DB (4.x/5.x) hash or btree file, read without libdb: what rpm's
 * `Packages` database is on RHEL/CentOS ≤ 8 and Amazon Linux 2 (one rpm header blob per value, keyed
 * by the header's instance number). Read-only and page by page, as rpm's own `bdb_ro` backend does.
 *
 * Layout (Berkeley DB `dbinc/db_page.h`):
 * - page 0 is the metadata page: magic at 12 (hash 0x061561, btree 0x053162), version at 16, page
 *   size at 20, encryption algorithm at 24, page type at 25, meta flags at 26, last page number at 32;
 *   the file is in its writer's byte order, told by which order makes the magic read right;
 * - every page starts with a 26-byte header: page number at 8, next page at 16, entry count at 20,
 *   "high free offset" at 22 (on an overflow page: the bytes of data it holds), type at 25; after it
 *   the 16-bit offsets of the page's items;
 * - hash pages (types 2 and 13) hold key/data pairs: an item is a type byte, then either the bytes
 *   inline (H_KEYDATA, 1; the item runs to the previous item's start) or, for big values, a 12-byte
 *   H_OFFPAGE (3) naming the first overflow page (at 4) and the total length (at 8);
 * - btree leaf pages (type 5) hold key/data pairs too: an item is length (16 bits), type, bytes
 *   (B_KEYDATA, 1), or B_OVERFLOW (3) with the first page at 4 and the total length at 8;
 * - overflow pages (type 7) chain through "next page", each holding "high free offset" bytes.
 * Never throws on bad bytes inside a page: a value that does not add up is left out. A file that is
 * not a Berkeley DB at all, or one telltale cannot read (encrypted, checksummed), is an error.
 */

const HASH_MAGIC = 0x061561;
const BTREE_MAGIC = 0x053162;
const PAGE_HEADER = 26;
const P_HASH_UNSORTED = 2;
const P_LBTREE = 5;
const P_OVERFLOW = 7;
const P_HASH = 13;
const KEYDATA = 1;
const OFFPAGE = 3;
/** DBMETA_CHKSUM: pages carry a checksum that moves the item offsets; rpm never sets it. */
const META_CHECKSUM = 0x01;

export class BerkeleyDbError extends Error {}

export interface BerkeleyDbValues {
  kind: 'hash' | 'btree';
  values: Buffer[];
  /** Values left out because their pages did not add up (truncated file, broken chain). */
  skipped: number;
}

/** Every data value of the file (keys are not returned), in page order. */
export function readBerkeleyDb(file: Buffer, options: { maxValue?: number } = {}): BerkeleyDbValues {
  const maxValue = options.maxValue ?? 64 * 1024 * 1024;
  if (file.length < 512) throw new BerkeleyDbError('too short to be a Berkeley DB file');
  let le = true;
  let magic = file.readUInt32LE(12);
  if (magic !== HASH_MAGIC && magic !== BTREE_MAGIC) {
    le = false;
    magic = file.readUInt32BE(12);
  }
  if (magic !== HASH_MAGIC && magic !== BTREE_MAGIC) throw new BerkeleyDbError('not a Berkeley DB hash or btree file');
  const u32 = (at: number) => (le ? file.readUInt32LE(at) : file.readUInt32BE(at));
  const u16 = (at: number) => (le ? file.readUInt16LE(at) : file.readUInt16BE(at));
  const pageSize = u32(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
    throw new BerkeleyDbError(`unexpected page size ${pageSize}`);
  if (file[24] !== 0) throw new BerkeleyDbError('the database is encrypted');
  if ((file[26]! & META_CHECKSUM) !== 0)
    throw new BerkeleyDbError('the database has page checksums, which telltale does not read');
  const kind = magic === HASH_MAGIC ? 'hash' : 'btree';
  const pages = Math.floor(file.length / pageSize);
  const last = Math.min(u32(32), pages - 1);

  const overflow = (first: number, total: number): Buffer | undefined => {
    if (total > maxValue) return undefined;
    const out = Buffer.allocUnsafe(total);
    let have = 0;
    let pgno = first;
    // A chain longer than the file has pages loops: stop there.
    for (let hops = 0; pgno !== 0 && have < total && hops <= pages; hops++) {
      if (pgno > last) return undefined;
      const at = pgno * pageSize;
      if (file[at + 25] !== P_OVERFLOW) return undefined;
      const len = u16(at + 22);
      if (len > pageSize - PAGE_HEADER || have + len > total) return undefined;
      file.copy(out, have, at + PAGE_HEADER, at + PAGE_HEADER + len);
      have += len;
      pgno = u32(at + 16);
    }
    return have === total ? out : undefined;
  };

  const values: Buffer[] = [];
  let skipped = 0;
  for (let pgno = 1; pgno <= last; pgno++) {
    const at = pgno * pageSize;
    const type = file[at + 25];
    const isHash = kind === 'hash' && (type === P_HASH || type === P_HASH_UNSORTED);
    const isLeaf = kind === 'btree' && type === P_LBTREE;
    if (!isHash && !isLeaf) continue;
    const entries = u16(at + 20);
    if (PAGE_HEADER + entries * 2 > pageSize) {
      skipped++;
      continue;
    }
    const offset = (i: number) => u16(at + PAGE_HEADER + i * 2);
    // Items come in key/data pairs; the data is the odd one.
    for (let i = 1; i < entries; i += 2) {
      const off = offset(i);
      if (off < PAGE_HEADER + entries * 2 || off >= pageSize) {
        skipped++;
        continue;
      }
      const item = at + off;
      let value: Buffer | undefined;
      if (isHash) {
        const itemType = file[item];
        if (itemType === KEYDATA) {
          // A hash item runs to where the previous item (stored above it) starts.
          const end = i === 0 ? pageSize : offset(i - 1);
          if (end > off && end <= pageSize) value = Buffer.from(file.subarray(item + 1, at + end));
        } else if (itemType === OFFPAGE && off + 12 <= pageSize) value = overflow(u32(item + 4), u32(item + 8));
      } else if (off + 3 <= pageSize) {
        const itemType = file[item + 2]! & 0x7f; // the top bit marks a deleted item
        if (file[item + 2]! & 0x80) continue;
        if (itemType === KEYDATA) {
          const len = u16(item);
          if (off + 3 + len <= pageSize) value = Buffer.from(file.subarray(item + 3, item + 3 + len));
        } else if (itemType === OFFPAGE && off + 12 <= pageSize) value = overflow(u32(item + 4), u32(item + 8));
      }
      if (value) values.push(value);
      else skipped++;
    }
  }
  return { kind, values, skipped };
}
