/**
 * A read-only reader for the rows of one table of an SQLite 3 database file, enough for rpm's
 * `rpmdb.sqlite` (Fedora ≥ 33, RHEL ≥ 9), following the documented file format
 * (sqlite.org/fileformat2.html): the 100-byte header, table b-tree pages (§1.6), cell payloads with
 * overflow pages (§1.6 "payload overflow"), the record format (§2.1), and a write-ahead log's
 * committed frames (§4).
 *
 * Why not a library: node:sqlite exists only from Node 22.5 (this suite also runs on Node 20);
 * sql.js needs its .wasm file shipped beside the ncc bundle; better-sqlite3 is a native build.
 * Reading one table's rows is ~150 lines of the stable, public format.
 */

const MAGIC = 'SQLite format 3\0';

export class SqliteFormatError extends Error {}

function varint(buf: Buffer, at: number): [value: number, length: number] {
  let v = 0;
  for (let i = 0; i < 8; i++) {
    const b = buf[at + i];
    if (b === undefined) throw new SqliteFormatError('a varint runs past the page');
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) return [v, i + 1];
  }
  const last = buf[at + 8];
  if (last === undefined) throw new SqliteFormatError('a varint runs past the page');
  return [v * 256 + last, 9];
}

export type SqlValue = null | number | bigint | string | Buffer;

/** §2.1 record format: a header of serial types, then the values. */
export function decodeRecord(payload: Buffer): SqlValue[] {
  const [headerSize, n0] = varint(payload, 0);
  const types: number[] = [];
  for (let at = n0; at < headerSize;) {
    const [t, n] = varint(payload, at);
    types.push(t);
    at += n;
  }
  const values: SqlValue[] = [];
  let at = headerSize;
  for (const t of types) {
    if (t === 0) values.push(null);
    else if (t >= 1 && t <= 6) {
      const len = [0, 1, 2, 3, 4, 6, 8][t]!;
      if (len === 8) values.push(payload.readBigInt64BE(at));
      else values.push(payload.readIntBE(at, len));
      at += len;
    } else if (t === 7) {
      values.push(payload.readDoubleBE(at));
      at += 8;
    } else if (t === 8 || t === 9) values.push(t - 8);
    else if (t >= 12) {
      const len = t % 2 === 0 ? (t - 12) / 2 : (t - 13) / 2;
      const bytes = payload.subarray(at, at + len);
      values.push(t % 2 === 0 ? Buffer.from(bytes) : bytes.toString('utf8'));
      at += len;
    } else throw new SqliteFormatError(`unknown serial type ${t}`);
  }
  return values;
}

export class SqliteFile {
  readonly pageSize: number;
  readonly usable: number;
  #db: Buffer;
  #wal = new Map<number, Buffer>();

  constructor(db: Buffer, wal?: Buffer) {
    if (db.length < 100 || db.toString('latin1', 0, 16) !== MAGIC)
      throw new SqliteFormatError('not an SQLite 3 database');
    const raw = db.readUInt16BE(16);
    this.pageSize = raw === 1 ? 65536 : raw;
    this.usable = this.pageSize - db[20]!;
    this.#db = db;
    if (wal) this.#applyWal(wal);
  }

  /** §4.1: frames after the last commit frame, or with the wrong salts, are not part of the database. */
  #applyWal(wal: Buffer): void {
    if (wal.length < 32 || (wal.readUInt32BE(0) & 0xfffffffe) !== 0x377f0682) return;
    const salt1 = wal.readUInt32BE(16);
    const salt2 = wal.readUInt32BE(20);
    const frame = 24 + this.pageSize;
    const staged = new Map<number, Buffer>();
    for (let at = 32; at + frame <= wal.length; at += frame) {
      if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
      staged.set(wal.readUInt32BE(at), wal.subarray(at + 24, at + frame));
      if (wal.readUInt32BE(at + 4) !== 0) {
        for (const [n, p] of staged) this.#wal.set(n, p);
        staged.clear();
      }
    }
  }

  page(n: number): Buffer {
    const w = this.#wal.get(n);
    if (w) return w;
    const start = (n - 1) * this.pageSize;
    if (n < 1 || start + this.pageSize > this.#db.length) throw new SqliteFormatError(`page ${n} is outside the file`);
    return this.#db.subarray(start, start + this.pageSize);
  }

  /** Every row of the table b-tree rooted at `root`, in rowid order. */
  *rows(root: number): Generator<{ rowid: number; values: SqlValue[] }> {
    const stack = [root];
    const seen = new Set<number>();
    // Depth-first, left to right: interior pages push their children in reverse.
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n)) throw new SqliteFormatError('the b-tree has a cycle');
      seen.add(n);
      const page = this.page(n);
      const h = n === 1 ? 100 : 0;
      const kind = page[h];
      const cells = page.readUInt16BE(h + 3);
      if (kind === 0x05) {
        const children: number[] = [];
        for (let i = 0; i < cells; i++) children.push(page.readUInt32BE(page.readUInt16BE(h + 12 + 2 * i)));
        children.push(page.readUInt32BE(h + 8));
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      } else if (kind === 0x0d) {
        for (let i = 0; i < cells; i++) yield this.#leafCell(page, page.readUInt16BE(h + 8 + 2 * i));
      } else throw new SqliteFormatError(`page ${n} is not a table b-tree page (type ${kind})`);
    }
  }

  #leafCell(page: Buffer, at: number): { rowid: number; values: SqlValue[] } {
    const [size, n1] = varint(page, at);
    const [rowid, n2] = varint(page, at + n1);
    const start = at + n1 + n2;
    const u = this.usable;
    const x = u - 35;
    let local = size;
    if (size > x) {
      const m = Math.floor(((u - 12) * 32) / 255) - 23;
      const k = m + ((size - m) % (u - 4));
      local = k <= x ? k : m;
    }
    const parts = [page.subarray(start, start + local)];
    let got = local;
    let next = local < size ? page.readUInt32BE(start + local) : 0;
    const seen = new Set<number>();
    while (next && got < size) {
      if (seen.has(next)) throw new SqliteFormatError('an overflow chain loops');
      seen.add(next);
      const o = this.page(next);
      const take = Math.min(u - 4, size - got);
      parts.push(o.subarray(4, 4 + take));
      got += take;
      next = o.readUInt32BE(0);
    }
    if (got < size) throw new SqliteFormatError('an overflow chain ends early');
    return { rowid, values: decodeRecord(Buffer.concat(parts)) };
  }

  /** The root page of table `name`, from sqlite_schema (page 1: type, name, tbl_name, rootpage, sql). */
  tableRoot(name: string): number | undefined {
    for (const { values } of this.rows(1)) {
      if (values[0] === 'table' && typeof values[1] === 'string' && values[1].toLowerCase() === name.toLowerCase())
        return Number(values[3]);
    }
    return undefined;
  }
}
