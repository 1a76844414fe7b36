export const id = 525;
export const ids = [525];
export const modules = {

/***/ 9813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W0: () => (/* binding */ isAbsent),
/* harmony export */   g$: () => (/* binding */ tooLarge),
/* harmony export */   tG: () => (/* binding */ MAX_FILE_READ)
/* harmony export */ });
/**
 * The one interface between audit resources and what they inspect. Resources (file, user,
 * package, port, …) ask a target questions; targets (host, image, OCI layout, container) answer
 * them. A new target must never touch a resource file (Goss's resource × system split).
 *
 * Change log for the image engineer (read before relying on a shape):
 * - v1: first version. Shapes below are the contract; extensions will be optional fields only.
 * - v1.1: `LiveSystem.networkProbes` (optional).
 * - v1.2: `stat` rejects for anything but "no such file" (EACCES, ELOOP, EIO); `readFile` takes
 *   `maxBytes` and rejects larger files with code EFBIG.
 */
/** The largest file a control reads whole (contents, digests): past it, "could not check: too large". */
const MAX_FILE_READ = 64 * 1024 * 1024;
/** The error of a read refused for size: the control says it could not check, never pass or fail. */
function tooLarge(path, size, limit) {
    return Object.assign(new Error(`could not check: ${path} is too large to read (${size} bytes; telltale reads at most ${limit})`), { code: 'EFBIG' });
}
/** "No such file": the only read errors that mean absence (a missing component, or one not a directory). */
function isAbsent(error) {
    const code = error?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}


/***/ }),

/***/ 4525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openTarget: () => (/* binding */ openTarget)
});

// UNUSED EXPORTS: TARGET_KINDS, parseTargetSpec

// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./shared/audit/system/packages/apk.ts
function parseApkInstalled(text) {
    const out = [];
    for (const block of text.split(/\n\s*\n/)) {
        let name;
        let version;
        let arch;
        for (const line of block.split('\n')) {
            if (line.length < 2 || line[1] !== ':')
                continue;
            const value = line.slice(2);
            if (line[0] === 'P')
                name = value;
            else if (line[0] === 'V')
                version = value;
            else if (line[0] === 'A')
                arch = value;
        }
        if (name && version)
            out.push({ name, version, source: 'apk', ...(arch ? { arch } : {}) });
    }
    return out;
}

// EXTERNAL MODULE: ./shared/audit/target.ts
var target = __webpack_require__(9813);
;// CONCATENATED MODULE: ./shared/audit/system/packages/files.ts
/** Reading a package database through a target's filesystem, telling "not there" from "could not read". */

/**
 * The file's bytes, or undefined when the target has no such file. Any other failure (EACCES, EIO,
 * a file over `maxBytes`) rejects with a message naming the file: a database that is there but
 * unreadable must never read as "no packages".
 */
async function readIfPresent(fs, file, maxBytes) {
    try {
        return await fs.readFile(file, { maxBytes });
    }
    catch (error) {
        if ((0,target/* isAbsent */.W0)(error))
            return undefined;
        const e = error;
        throw new Error(e.code === 'EFBIG' ? e.message : `could not read ${file}: ${e.code ?? e.message}`, {
            cause: error,
        });
    }
}
/** A directory's entry names, or undefined when there is no such directory. */
async function listIfPresent(fs, dir) {
    if (!fs.readDir)
        return undefined;
    try {
        return await fs.readDir(dir);
    }
    catch (error) {
        if ((0,target/* isAbsent */.W0)(error))
            return undefined;
        const e = error;
        throw new Error(`could not list ${dir}: ${e.code ?? e.message}`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./shared/audit/system/packages/dpkg.ts

function parseDpkgStatus(text, options = {}) {
    const statusRequired = options.statusRequired ?? true;
    const out = [];
    for (const stanza of text.split(/\n\s*\n/)) {
        const fields = new Map();
        for (const line of stanza.split('\n')) {
            const m = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
            if (m)
                fields.set(m[1].toLowerCase(), m[2]);
        }
        const name = fields.get('package');
        const version = fields.get('version');
        const status = fields.get('status') ?? '';
        if (!name || !version)
            continue;
        // Status is "want flag state" (dpkg-query(1)); only the state `installed` counts, so
        // "install reinstreq half-installed" is not installed.
        if ((statusRequired || fields.has('status')) && status.trim().split(/\s+/)[2] !== 'installed')
            continue;
        const arch = fields.get('architecture');
        out.push({ name, version, source: 'dpkg', ...(arch ? { arch } : {}) });
    }
    return out;
}
const MAX_STATUS = 256 * 1024 * 1024;
/** dpkg's packages, or undefined when the target has neither `status` nor `status.d/`. */
async function readDpkgPackages(fs) {
    const status = await readIfPresent(fs, '/var/lib/dpkg/status', MAX_STATUS);
    const dir = '/var/lib/dpkg/status.d';
    const names = await listIfPresent(fs, dir);
    if (status === undefined && names === undefined)
        return undefined;
    const out = status ? parseDpkgStatus(status.toString('utf8')) : [];
    const stanzas = await Promise.all((names ?? [])
        .filter((n) => !n.endsWith('.md5sums') && !n.startsWith('.'))
        .map(async (n) => (await readIfPresent(fs, `${dir}/${n}`, MAX_STATUS))?.toString('utf8') ?? ''));
    for (const text of stanzas)
        out.push(...parseDpkgStatus(text, { statusRequired: false }));
    return out;
}

;// CONCATENATED MODULE: ./shared/audit/system/packages/bdb.ts
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
class BerkeleyDbError extends Error {
}
/** Every data value of the file (keys are not returned), in page order. */
function readBerkeleyDb(file, options = {}) {
    const maxValue = options.maxValue ?? 64 * 1024 * 1024;
    if (file.length < 512)
        throw new BerkeleyDbError('too short to be a Berkeley DB file');
    let le = true;
    let magic = file.readUInt32LE(12);
    if (magic !== HASH_MAGIC && magic !== BTREE_MAGIC) {
        le = false;
        magic = file.readUInt32BE(12);
    }
    if (magic !== HASH_MAGIC && magic !== BTREE_MAGIC)
        throw new BerkeleyDbError('not a Berkeley DB hash or btree file');
    const u32 = (at) => (le ? file.readUInt32LE(at) : file.readUInt32BE(at));
    const u16 = (at) => (le ? file.readUInt16LE(at) : file.readUInt16BE(at));
    const pageSize = u32(20);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
        throw new BerkeleyDbError(`unexpected page size ${pageSize}`);
    if (file[24] !== 0)
        throw new BerkeleyDbError('the database is encrypted');
    if ((file[26] & META_CHECKSUM) !== 0)
        throw new BerkeleyDbError('the database has page checksums, which telltale does not read');
    const kind = magic === HASH_MAGIC ? 'hash' : 'btree';
    const pages = Math.floor(file.length / pageSize);
    const last = Math.min(u32(32), pages - 1);
    const overflow = (first, total) => {
        if (total > maxValue)
            return undefined;
        const out = Buffer.allocUnsafe(total);
        let have = 0;
        let pgno = first;
        // A chain longer than the file has pages loops: stop there.
        for (let hops = 0; pgno !== 0 && have < total && hops <= pages; hops++) {
            if (pgno > last)
                return undefined;
            const at = pgno * pageSize;
            if (file[at + 25] !== P_OVERFLOW)
                return undefined;
            const len = u16(at + 22);
            if (len > pageSize - PAGE_HEADER || have + len > total)
                return undefined;
            file.copy(out, have, at + PAGE_HEADER, at + PAGE_HEADER + len);
            have += len;
            pgno = u32(at + 16);
        }
        return have === total ? out : undefined;
    };
    const values = [];
    let skipped = 0;
    for (let pgno = 1; pgno <= last; pgno++) {
        const at = pgno * pageSize;
        const type = file[at + 25];
        const isHash = kind === 'hash' && (type === P_HASH || type === P_HASH_UNSORTED);
        const isLeaf = kind === 'btree' && type === P_LBTREE;
        if (!isHash && !isLeaf)
            continue;
        const entries = u16(at + 20);
        if (PAGE_HEADER + entries * 2 > pageSize) {
            skipped++;
            continue;
        }
        const offset = (i) => u16(at + PAGE_HEADER + i * 2);
        // Items come in key/data pairs; the data is the odd one.
        for (let i = 1; i < entries; i += 2) {
            const off = offset(i);
            if (off < PAGE_HEADER + entries * 2 || off >= pageSize) {
                skipped++;
                continue;
            }
            const item = at + off;
            let value;
            if (isHash) {
                const itemType = file[item];
                if (itemType === KEYDATA) {
                    // A hash item runs to where the previous item (stored above it) starts.
                    const end = i === 0 ? pageSize : offset(i - 1);
                    if (end > off && end <= pageSize)
                        value = Buffer.from(file.subarray(item + 1, at + end));
                }
                else if (itemType === OFFPAGE && off + 12 <= pageSize)
                    value = overflow(u32(item + 4), u32(item + 8));
            }
            else if (off + 3 <= pageSize) {
                const itemType = file[item + 2] & 0x7f; // the top bit marks a deleted item
                if (file[item + 2] & 0x80)
                    continue;
                if (itemType === KEYDATA) {
                    const len = u16(item);
                    if (off + 3 + len <= pageSize)
                        value = Buffer.from(file.subarray(item + 3, item + 3 + len));
                }
                else if (itemType === OFFPAGE && off + 12 <= pageSize)
                    value = overflow(u32(item + 4), u32(item + 8));
            }
            if (value)
                values.push(value);
            else
                skipped++;
        }
    }
    return { kind, values, skipped };
}

;// CONCATENATED MODULE: ./shared/audit/system/packages/ndb.ts
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
class NdbError extends Error {
}
/** Adler-32 (RFC 1950 §8.2): the checksum rpm keeps in each blob's tail. */
function adler32(bytes, start = 1) {
    let a = start & 0xffff;
    let b = (start >>> 16) & 0xffff;
    for (let i = 0; i < bytes.length;) {
        const end = Math.min(bytes.length, i + 5552); // the most bytes before b can overflow 32 bits
        for (; i < end; i++) {
            a += bytes[i];
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    return ((b << 16) | a) >>> 0;
}
function readNdb(file, options = {}) {
    const maxValue = options.maxValue ?? 64 * 1024 * 1024;
    if (file.length < 32 || file.readUInt32LE(0) !== HEADER_MAGIC)
        throw new NdbError('not an rpm NDB database (no "RpmP" magic)');
    const version = file.readUInt32LE(4);
    if (version !== 0)
        throw new NdbError(`NDB version ${version}, telltale reads version 0`);
    const slotPages = file.readUInt32LE(12);
    if (slotPages === 0 || slotPages * PAGE > file.length)
        throw new NdbError('the slot pages run past the end of the file');
    const values = [];
    let skipped = 0;
    const firstBlob = (slotPages * PAGE) / BLK;
    for (let at = 32; at < slotPages * PAGE; at += 16) {
        if (file.readUInt32LE(at) !== SLOT_MAGIC)
            throw new NdbError(`slot at byte ${at} has no "Slot" magic`);
        const pkgIndex = file.readUInt32LE(at + 4);
        const blkOffset = file.readUInt32LE(at + 8);
        const blkCount = file.readUInt32LE(at + 12);
        if (blkOffset === 0)
            continue; // a free slot
        const start = blkOffset * BLK;
        const end = start + blkCount * BLK;
        if (!pkgIndex || blkOffset < firstBlob || blkCount * BLK < HEAD + TAIL || end > file.length) {
            skipped++;
            continue;
        }
        const length = file.readUInt32LE(start + 12);
        const ok = file.readUInt32LE(start) === HEAD_MAGIC &&
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

;// CONCATENATED MODULE: ./shared/audit/system/packages/sqlite.ts
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
class SqliteFormatError extends Error {
}
function varint(buf, at) {
    let v = 0;
    for (let i = 0; i < 8; i++) {
        const b = buf[at + i];
        if (b === undefined)
            throw new SqliteFormatError('a varint runs past the page');
        v = v * 128 + (b & 0x7f);
        if (!(b & 0x80))
            return [v, i + 1];
    }
    const last = buf[at + 8];
    if (last === undefined)
        throw new SqliteFormatError('a varint runs past the page');
    return [v * 256 + last, 9];
}
/** §2.1 record format: a header of serial types, then the values. */
function decodeRecord(payload) {
    const [headerSize, n0] = varint(payload, 0);
    const types = [];
    for (let at = n0; at < headerSize;) {
        const [t, n] = varint(payload, at);
        types.push(t);
        at += n;
    }
    const values = [];
    let at = headerSize;
    for (const t of types) {
        if (t === 0)
            values.push(null);
        else if (t >= 1 && t <= 6) {
            const len = [0, 1, 2, 3, 4, 6, 8][t];
            if (len === 8)
                values.push(payload.readBigInt64BE(at));
            else
                values.push(payload.readIntBE(at, len));
            at += len;
        }
        else if (t === 7) {
            values.push(payload.readDoubleBE(at));
            at += 8;
        }
        else if (t === 8 || t === 9)
            values.push(t - 8);
        else if (t >= 12) {
            const len = t % 2 === 0 ? (t - 12) / 2 : (t - 13) / 2;
            const bytes = payload.subarray(at, at + len);
            values.push(t % 2 === 0 ? Buffer.from(bytes) : bytes.toString('utf8'));
            at += len;
        }
        else
            throw new SqliteFormatError(`unknown serial type ${t}`);
    }
    return values;
}
class SqliteFile {
    pageSize;
    usable;
    #db;
    #wal = new Map();
    constructor(db, wal) {
        if (db.length < 100 || db.toString('latin1', 0, 16) !== MAGIC)
            throw new SqliteFormatError('not an SQLite 3 database');
        const raw = db.readUInt16BE(16);
        this.pageSize = raw === 1 ? 65536 : raw;
        this.usable = this.pageSize - db[20];
        this.#db = db;
        if (wal)
            this.#applyWal(wal);
    }
    /** §4.1: frames after the last commit frame, or with the wrong salts, are not part of the database. */
    #applyWal(wal) {
        if (wal.length < 32 || (wal.readUInt32BE(0) & 0xfffffffe) !== 0x377f0682)
            return;
        const salt1 = wal.readUInt32BE(16);
        const salt2 = wal.readUInt32BE(20);
        const frame = 24 + this.pageSize;
        const staged = new Map();
        for (let at = 32; at + frame <= wal.length; at += frame) {
            if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2)
                break;
            staged.set(wal.readUInt32BE(at), wal.subarray(at + 24, at + frame));
            if (wal.readUInt32BE(at + 4) !== 0) {
                for (const [n, p] of staged)
                    this.#wal.set(n, p);
                staged.clear();
            }
        }
    }
    page(n) {
        const w = this.#wal.get(n);
        if (w)
            return w;
        const start = (n - 1) * this.pageSize;
        if (n < 1 || start + this.pageSize > this.#db.length)
            throw new SqliteFormatError(`page ${n} is outside the file`);
        return this.#db.subarray(start, start + this.pageSize);
    }
    /** Every row of the table b-tree rooted at `root`, in rowid order. */
    *rows(root) {
        const stack = [root];
        const seen = new Set();
        // Depth-first, left to right: interior pages push their children in reverse.
        while (stack.length) {
            const n = stack.pop();
            if (seen.has(n))
                throw new SqliteFormatError('the b-tree has a cycle');
            seen.add(n);
            const page = this.page(n);
            const h = n === 1 ? 100 : 0;
            const kind = page[h];
            const cells = page.readUInt16BE(h + 3);
            if (kind === 0x05) {
                const children = [];
                for (let i = 0; i < cells; i++)
                    children.push(page.readUInt32BE(page.readUInt16BE(h + 12 + 2 * i)));
                children.push(page.readUInt32BE(h + 8));
                for (let i = children.length - 1; i >= 0; i--)
                    stack.push(children[i]);
            }
            else if (kind === 0x0d) {
                for (let i = 0; i < cells; i++)
                    yield this.#leafCell(page, page.readUInt16BE(h + 8 + 2 * i));
            }
            else
                throw new SqliteFormatError(`page ${n} is not a table b-tree page (type ${kind})`);
        }
    }
    #leafCell(page, at) {
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
        const seen = new Set();
        while (next && got < size) {
            if (seen.has(next))
                throw new SqliteFormatError('an overflow chain loops');
            seen.add(next);
            const o = this.page(next);
            const take = Math.min(u - 4, size - got);
            parts.push(o.subarray(4, 4 + take));
            got += take;
            next = o.readUInt32BE(0);
        }
        if (got < size)
            throw new SqliteFormatError('an overflow chain ends early');
        return { rowid, values: decodeRecord(Buffer.concat(parts)) };
    }
    /** The root page of table `name`, from sqlite_schema (page 1: type, name, tbl_name, rootpage, sql). */
    tableRoot(name) {
        for (const { values } of this.rows(1)) {
            if (values[0] === 'table' && typeof values[1] === 'string' && values[1].toLowerCase() === name.toLowerCase())
                return Number(values[3]);
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./shared/audit/system/packages/rpm.ts




const TAG = { name: 1000, version: 1001, release: 1002, epoch: 1003, arch: 1022 };
const STRING = 6;
const I18NSTRING = 9;
const INT32 = 4;
/** The tags we need from one header blob; undefined when the blob is malformed. */
function parseRpmHeader(blob) {
    if (blob.length < 8)
        return undefined;
    const il = blob.readUInt32BE(0);
    const dl = blob.readUInt32BE(4);
    const store = 8 + il * 16;
    if (il > 100_000 || store + dl > blob.length)
        return undefined;
    const fields = new Map();
    for (let i = 0; i < il; i++) {
        const e = 8 + i * 16;
        const tag = blob.readUInt32BE(e);
        const type = blob.readUInt32BE(e + 4);
        const offset = blob.readInt32BE(e + 8);
        if (offset < 0 || offset >= dl)
            continue;
        const at = store + offset;
        if (type === STRING || type === I18NSTRING) {
            const end = blob.indexOf(0, at);
            if (end < 0 || end > store + dl)
                continue;
            fields.set(tag, blob.toString('utf8', at, end));
        }
        else if (type === INT32 && at + 4 <= store + dl)
            fields.set(tag, blob.readUInt32BE(at));
    }
    const name = fields.get(TAG.name);
    const version = fields.get(TAG.version);
    const release = fields.get(TAG.release);
    if (typeof name !== 'string' || typeof version !== 'string' || typeof release !== 'string')
        return undefined;
    const epoch = fields.get(TAG.epoch);
    const arch = fields.get(TAG.arch);
    return {
        name,
        version,
        release,
        ...(typeof epoch === 'number' ? { epoch } : {}),
        ...(typeof arch === 'string' ? { arch } : {}),
    };
}
function parseRpmdbSqlite(db, wal) {
    const file = new SqliteFile(db, wal);
    const root = file.tableRoot('Packages');
    if (root === undefined)
        return [];
    const blobs = [];
    for (const { values } of file.rows(root)) {
        const blob = values.find((v) => Buffer.isBuffer(v));
        if (blob)
            blobs.push(blob);
    }
    // gpg-pubkey entries are imported keys, not packages (rpm -qa lists them, Goss's checks never mean them).
    return packagesOf(blobs);
}
/** Where rpm keeps its database, newest layout first (Fedora ≥ 36 and SUSE moved it to /usr). */
const DIRS = ['/usr/lib/sysimage/rpm', '/var/lib/rpm'];
/** The backends, in the order rpm ≥ 4.16 prefers them when more than one file is present. */
const BACKENDS = [
    { file: 'rpmdb.sqlite', name: 'SQLite' },
    { file: 'Packages.db', name: 'NDB' },
    { file: 'Packages', name: 'BerkeleyDB' },
];
/** A whole-system rpm database is tens of megabytes; past this, "could not check". */
const MAX_DB = 1024 * 1024 * 1024;
function packagesOf(blobs) {
    const out = [];
    for (const blob of blobs) {
        const h = parseRpmHeader(blob);
        // Not a header (BerkeleyDB's key-0 counter), or an imported gpg key: not a package.
        if (!h || h.name === 'gpg-pubkey')
            continue;
        out.push({
            name: h.name,
            version: `${h.version}-${h.release}`,
            source: 'rpm',
            ...(h.arch ? { arch: h.arch } : {}),
        });
    }
    return out;
}
/** The packages of a BerkeleyDB `Packages` file (hash, as rpm writes it; btree read too). */
function parseRpmdbBerkeley(db) {
    return packagesOf(readBerkeleyDb(db).values);
}
/** The packages of an NDB `Packages.db` file. */
function parseRpmdbNdb(db) {
    return packagesOf(readNdb(db).values);
}
/**
 * The rpm packages of the target, or undefined when it holds no rpm database at all. A database
 * that is there but cannot be read (EACCES, too large, not the format its name says) rejects: the
 * package controls then say they could not check, never "not installed".
 */
async function readRpmPackages(fs) {
    for (const dir of DIRS) {
        for (const backend of BACKENDS) {
            const file = `${dir}/${backend.file}`;
            const db = await readIfPresent(fs, file, MAX_DB);
            if (!db)
                continue;
            try {
                if (backend.file === 'rpmdb.sqlite')
                    return parseRpmdbSqlite(db, await readIfPresent(fs, `${file}-wal`, MAX_DB));
                return backend.file === 'Packages.db' ? parseRpmdbNdb(db) : parseRpmdbBerkeley(db);
            }
            catch (error) {
                throw new Error(`could not read the rpm ${backend.name} database ${file}: ${error.message}`);
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./shared/audit/system/packages/index.ts




const APK = '/lib/apk/db/installed';
const PACKAGE_DATABASES = [
    '/var/lib/dpkg/status',
    '/var/lib/dpkg/status.d/',
    APK,
    '/usr/lib/sysimage/rpm/ and /var/lib/rpm/ (rpmdb.sqlite, Packages.db, Packages)',
];
async function readInstalledPackages(fs) {
    const [dpkg, apk, rpm] = await Promise.all([
        readDpkgPackages(fs),
        readIfPresent(fs, APK, 256 * 1024 * 1024).then((b) => (b ? parseApkInstalled(b.toString('utf8')) : undefined)),
        readRpmPackages(fs),
    ]);
    if (!dpkg && !apk && !rpm)
        throw new Error(`could not check: the target has no package database (looked for ${PACKAGE_DATABASES.join(', ')})`);
    return [...(dpkg ?? []), ...(apk ?? []), ...(rpm ?? [])];
}

;// CONCATENATED MODULE: ./shared/audit/system/procfs.ts
/**
 * /proc/net/{tcp,tcp6,udp,udp6}: `sl local_address rem_address st …`, addresses in hex in host
 * byte order per 32-bit word. TCP state 0A is LISTEN; an unconnected UDP socket is state 07.
 */
function parseProcNet(text, protocol) {
    const out = [];
    const udp = protocol.startsWith('udp');
    for (const line of text.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length < 4)
            continue;
        const [addrHex, portHex] = (f[1] ?? '').split(':');
        const state = f[3];
        if (!addrHex || !portHex || state !== (udp ? '07' : '0A'))
            continue;
        const address = decodeProcAddress(addrHex);
        if (address === undefined)
            continue;
        out.push({ protocol, address, port: parseInt(portHex, 16) });
    }
    return out;
}
function decodeProcAddress(hex) {
    if (!/^[0-9A-Fa-f]+$/.test(hex))
        return undefined;
    const words = [];
    for (let i = 0; i < hex.length; i += 8) {
        const word = hex.slice(i, i + 8);
        // Each 32-bit word is printed as the kernel's in-memory value, little-endian on x86 and arm.
        const bytes = [6, 4, 2, 0].map((j) => parseInt(word.slice(j, j + 2), 16));
        words.push(bytes);
    }
    const bytes = words.flat();
    if (bytes.length === 4)
        return bytes.join('.');
    if (bytes.length !== 16)
        return undefined;
    // IPv4-mapped IPv6 (::ffff:a.b.c.d) reads better as the IPv4 address Goss users write.
    if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
        return `::ffff:${bytes.slice(12).join('.')}`;
    const groups = [];
    for (let i = 0; i < 16; i += 2)
        groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
    return compressIpv6(groups);
}
/** RFC 5952 §4.2.3: the longest run of zero groups (two or more) becomes `::`. */
function compressIpv6(groups) {
    let best = -1;
    let bestLen = 1;
    for (let i = 0; i < groups.length;) {
        if (groups[i] !== '0') {
            i++;
            continue;
        }
        let j = i;
        while (j < groups.length && groups[j] === '0')
            j++;
        if (j - i > bestLen) {
            best = i;
            bestLen = j - i;
        }
        i = j;
    }
    if (best < 0)
        return groups.join(':');
    return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}
/** /proc/self/mountinfo (proc(5)): per-mount options before ` - `, fs type, source and super options after. */
function parseMountInfo(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const [left, right] = line.split(' - ');
        if (!left || !right)
            continue;
        const l = left.split(' ');
        const r = right.split(' ');
        if (l.length < 6 || r.length < 3)
            continue;
        out.push({
            mountPoint: unescapeOctal(l[4]),
            opts: l[5].split(','),
            filesystem: r[0],
            source: unescapeOctal(r[1]),
            vfsOpts: r[2].split(','),
        });
    }
    return out;
}
/** The kernel escapes space, tab, newline and backslash in paths as \ooo. */
function unescapeOctal(text) {
    return text.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
}

;// CONCATENATED MODULE: ./shared/audit/targets/host.ts
/**
 * The `host` target: the machine telltale runs on, read the way the OS reports it: the real
 * filesystem, /proc for ports, processes, mounts and kernel parameters, systemd for services, and
 * the shared package-database readers.
 */







function fileTypeOf(st) {
    if (st.isSymbolicLink())
        return 'symlink';
    if (st.isDirectory())
        return 'directory';
    if (st.isBlockDevice())
        return 'block-device';
    if (st.isCharacterDevice())
        return 'character-device';
    if (st.isFIFO())
        return 'pipe';
    if (st.isSocket())
        return 'socket';
    return 'file';
}
/** The real filesystem under `root` (default `/`), for the host or an extracted rootfs. */
function localFileSystem(root = '/') {
    const real = (p) => external_node_path_default().join(root, external_node_path_default().posix.resolve('/', p));
    return {
        async stat(p, options) {
            try {
                const st = options?.follow ? await external_node_fs_.promises.stat(real(p)) : await external_node_fs_.promises.lstat(real(p));
                const info = {
                    path: p,
                    type: fileTypeOf(st),
                    mode: st.mode & 0o7777,
                    uid: st.uid,
                    gid: st.gid,
                    size: st.size,
                    mtime: st.mtime,
                };
                if (info.type === 'symlink')
                    info.linkTarget = await external_node_fs_.promises.readlink(real(p));
                return info;
            }
            catch (error) {
                // Only "no such file" is absence; EACCES, ELOOP or EIO mean telltale could not look.
                if ((0,target/* isAbsent */.W0)(error))
                    return undefined;
                throw new Error(`could not check ${p}: ${error.code ?? String(error)}`, {
                    cause: error,
                });
            }
        },
        async readFile(p, options) {
            const limit = options?.maxBytes ?? target/* MAX_FILE_READ */.tG;
            const handle = await external_node_fs_.promises.open(real(p), 'r');
            try {
                const st = await handle.stat();
                if (st.isFile() && st.size > limit)
                    throw (0,target/* tooLarge */.g$)(p, st.size, limit);
                // /proc and /sys files report size 0: read them in bounded pieces instead of trusting the size.
                const parts = [];
                let total = 0;
                for (;;) {
                    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total) || 1);
                    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
                    if (bytesRead === 0)
                        break;
                    total += bytesRead;
                    if (total > limit)
                        throw (0,target/* tooLarge */.g$)(p, total, limit);
                    parts.push(chunk.subarray(0, bytesRead));
                }
                return Buffer.concat(parts, total);
            }
            finally {
                await handle.close();
            }
        },
        readDir: (p) => external_node_fs_.promises.readdir(real(p)),
    };
}
async function readOr(file, fallback = '') {
    try {
        return await external_node_fs_.promises.readFile(file, 'utf8');
    }
    catch {
        return fallback;
    }
}
function hostLiveSystem() {
    return {
        async listeningPorts() {
            const kinds = ['tcp', 'tcp6', 'udp', 'udp6'];
            const all = await Promise.all(kinds.map(async (k) => parseProcNet(await readOr(`/proc/net/${k}`), k)));
            return all.flat();
        },
        async processes() {
            const entries = await external_node_fs_.promises.readdir('/proc').catch(() => []);
            const out = [];
            await Promise.all(entries
                .filter((e) => /^\d+$/.test(e))
                .map(async (pid) => {
                const comm = (await readOr(`/proc/${pid}/comm`)).trimEnd();
                if (!comm)
                    return; // the process ended while we listed /proc
                const cmdline = (await readOr(`/proc/${pid}/cmdline`)).split('\0').filter(Boolean);
                out.push({ pid: Number(pid), comm, cmdline });
            }));
            return out;
        },
        service: systemdService,
        runCommand,
        async kernelParam(key) {
            // sysctl(8): dots in the key are slashes under /proc/sys; reject `..` so a key cannot escape.
            if (!/^[\w.-]+$/.test(key) || key.includes('..'))
                return undefined;
            try {
                return (await external_node_fs_.promises.readFile(`/proc/sys/${key.replace(/\./g, '/')}`, 'utf8')).trim().replace(/\t/g, ' ');
            }
            catch {
                return undefined;
            }
        },
        async mounts() {
            return parseMountInfo(await readOr('/proc/self/mountinfo'));
        },
        async interfaces() {
            const names = await external_node_fs_.promises.readdir('/sys/class/net').catch(() => Object.keys(external_node_os_default().networkInterfaces()));
            const addrs = external_node_os_default().networkInterfaces();
            return Promise.all(names.map(async (name) => {
                const mtu = Number((await readOr(`/sys/class/net/${name}/mtu`)).trim());
                return { name, addrs: (addrs[name] ?? []).map((a) => a.cidr ?? a.address), ...(mtu > 0 ? { mtu } : {}) };
            }));
        },
    };
}
/**
 * systemd's view of a unit (`systemctl show`), what Goss's service resource reports on systemd hosts.
 * When systemd is not the init system (a container as CI job) the state is unknown: that is an
 * error for the control, never "not running".
 */
function systemdService(name) {
    const unit = name.includes('.') ? name : `${name}.service`;
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('systemctl', ['show', '--property=LoadState,ActiveState,UnitFileState', '--', unit], { timeout: 10_000 }, (error, stdout, stderr) => {
            if (error) {
                const why = stderr.trim().split('\n')[0] || error.message;
                return reject(new Error(`systemd cannot tell the state of ${unit}: ${why}`));
            }
            const props = Object.fromEntries(stdout.split('\n').map((l) => l.split('=', 2)));
            resolve({
                exists: props.LoadState === 'loaded',
                enabled: props.UnitFileState === 'enabled' || props.UnitFileState === 'static',
                running: props.ActiveState === 'active',
            });
        });
    });
}
/** Runs a command line through /bin/sh as Goss does, killing its process group at the timeout. */
function runCommand(cmd, opts) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        const out = [];
        const err = [];
        let timedOut = false;
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        const timer = setTimeout(() => {
            timedOut = true;
            try {
                if (child.pid)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                child.kill('SIGKILL');
            }
        }, opts.timeoutMs);
        const done = (exitStatus) => {
            clearTimeout(timer);
            resolve({
                exitStatus,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                ...(timedOut ? { timedOut } : {}),
            });
        };
        child.on('error', (e) => {
            err.push(Buffer.from(e.message));
            done(127);
        });
        child.on('close', (code, signal) => done(code ?? (signal ? 128 + ((external_node_os_default()).constants.signals[signal] ?? 0) : 1)));
    });
}
function openHostTarget() {
    const fs = localFileSystem('/');
    return {
        kind: 'host',
        description: `host ${external_node_os_default().hostname()}`,
        fs,
        packages: () => readInstalledPackages(fs),
        live: hostLiveSystem(),
        close: async () => { },
    };
}

;// CONCATENATED MODULE: ./shared/audit/image/bytes.ts
/**
 * Reads exact byte counts from a stream of chunks (a file stream, a gunzip stream): what a tar
 * reader needs to take a 512-byte header, then skip or take an entry's body, without ever holding
 * more than the chunks in flight.
 */
class ByteReader {
    #it;
    #chunks = [];
    #length = 0;
    #done = false;
    /** Bytes consumed so far (read or skipped). */
    position = 0;
    constructor(source) {
        const inner = source[Symbol.asyncIterator]();
        this.#it = {
            next: async () => {
                const r = await inner.next();
                return r.done ? r : { done: false, value: Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value) };
            },
            return: async () => {
                await inner.return?.();
                return { done: true, value: undefined };
            },
        };
    }
    async #fill(n) {
        while (this.#length < n && !this.#done) {
            const r = await this.#it.next();
            if (r.done)
                this.#done = true;
            else if (r.value.length) {
                this.#chunks.push(r.value);
                this.#length += r.value.length;
            }
        }
    }
    /** Exactly `n` bytes, or undefined when the stream ends first. */
    async read(n) {
        await this.#fill(n);
        if (this.#length < n)
            return undefined;
        let out;
        const first = this.#chunks[0];
        if (first.length >= n) {
            out = first.subarray(0, n);
            if (first.length === n)
                this.#chunks.shift();
            else
                this.#chunks[0] = first.subarray(n);
        }
        else {
            out = Buffer.allocUnsafe(n);
            let off = 0;
            while (off < n) {
                const c = this.#chunks[0];
                const take = Math.min(c.length, n - off);
                c.copy(out, off, 0, take);
                off += take;
                if (take === c.length)
                    this.#chunks.shift();
                else
                    this.#chunks[0] = c.subarray(take);
            }
        }
        this.#length -= n;
        this.position += n;
        return out;
    }
    /** Drops `n` bytes; false when the stream ended first. */
    async skip(n) {
        let left = n;
        while (left > 0) {
            if (this.#length === 0) {
                await this.#fill(1);
                if (this.#length === 0)
                    return false;
            }
            const c = this.#chunks[0];
            const take = Math.min(c.length, left);
            if (take === c.length)
                this.#chunks.shift();
            else
                this.#chunks[0] = c.subarray(take);
            this.#length -= take;
            this.position += take;
            left -= take;
        }
        return true;
    }
    /** The next `n` bytes as a stream of chunks, for a nested decoder (a layer inside an archive). */
    async *slice(n) {
        let left = n;
        while (left > 0) {
            if (this.#length === 0) {
                await this.#fill(1);
                if (this.#length === 0)
                    throw new Error(`the archive ends ${left} bytes before the entry does`);
            }
            const c = this.#chunks[0];
            const take = Math.min(c.length, left);
            const part = c.subarray(0, take);
            if (take === c.length)
                this.#chunks.shift();
            else
                this.#chunks[0] = c.subarray(take);
            this.#length -= take;
            this.position += take;
            left -= take;
            yield part;
        }
    }
    async close() {
        this.#chunks = [];
        await this.#it.return?.();
    }
}

// EXTERNAL MODULE: ./node_modules/fzstd/esm/index.mjs
var esm = __webpack_require__(8339);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./shared/audit/image/decompress.ts
/**
 * Layer compression, told by magic bytes rather than by media type (a `docker save` layer named
 * `layer.tar` may be gzip, an OCI `+gzip` blob may be plain): gzip `1f 8b` (RFC 1952 §2.3.1), zstd
 * frame `28 b5 2f fd` (RFC 8878 §3.1.1). gzip through node:zlib; zstd through node:zlib where the
 * runtime has it (Node ≥ 22.15 / 23.8, so the Node 24 actions runtime) and otherwise `fzstd`, a
 * pure-JS streaming decoder (no native build, bundles with ncc), because Node 20 has no zstd.
 */



function detectCompression(head) {
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528)
        return 'zstd';
    return 'none';
}
const nativeZstd = (external_node_zlib_default()).createZstdDecompress;
/**
 * fzstd decodes every block a push completes, synchronously, with no backpressure: a 64 KiB chunk
 * of RLE blocks (4 bytes for up to 128 KiB each, RFC 8878 §3.1.1.2) would come out as gigabytes at
 * once. Input is pushed in FZSTD_PIECE slices and the output drained between them, so one push
 * yields at most ~FZSTD_PIECE/4 blocks (8 MiB). fzstd buffers an incomplete block without copying
 * until its whole size is there, so small pieces cost calls, not quadratic copies.
 */
const FZSTD_PIECE = 256;
async function* fzstdStream(source) {
    const out = [];
    const d = new esm/* Decompress */.YM((chunk) => out.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    for await (const chunk of source) {
        for (let at = 0; at < chunk.length; at += FZSTD_PIECE) {
            d.push(chunk.subarray(at, at + FZSTD_PIECE));
            while (out.length)
                yield out.shift();
        }
    }
    d.push(new Uint8Array(0), true);
    while (out.length)
        yield out.shift();
}
/** The decompressed bytes of `source`, whose first bytes are `head` (already read to sniff). */
function decompress(source, kind) {
    if (kind === 'none')
        return source;
    if (kind === 'zstd' && !nativeZstd)
        return fzstdStream(source);
    const inflater = kind === 'gzip' ? external_node_zlib_default().createGunzip() : nativeZstd();
    // pipeline, not pipe: a read error upstream must reach the reader as a rejection, not a hang.
    return (0,external_node_stream_.pipeline)(external_node_stream_.Readable.from(source), inflater, () => { });
}
/** Splits the first `n` bytes off a stream to sniff them, and gives back the whole stream. */
async function peek(source, n) {
    const it = source[Symbol.asyncIterator]();
    const held = [];
    let have = 0;
    while (have < n) {
        const r = await it.next();
        if (r.done)
            break;
        held.push(r.value);
        have += r.value.length;
    }
    const head = Buffer.concat(held).subarray(0, n);
    async function* rest() {
        yield* held;
        for (;;) {
            const r = await it.next();
            if (r.done)
                return;
            yield r.value;
        }
    }
    return { head, stream: rest() };
}

;// CONCATENATED MODULE: ./shared/audit/image/layers.ts
const WHITEOUT = '.wh.';
/** A layer entry whose name climbs out of the image root. */
class LayerPathError extends Error {
    constructor(name) {
        super(`a layer entry named ${JSON.stringify(name.slice(0, 200))} climbs out of the image root`);
        this.name = 'LayerPathError';
    }
}
/** Hard link names are relative to the archive root (tar(5)); one that climbs out cannot exist. */
function hardlinkTarget(linkname) {
    const inside = insideRoot(linkname);
    if (inside === undefined)
        throw new LayerPathError(linkname);
    return inside;
}
const OPAQUE = '.wh..wh..opq';
const TAR_TYPE = {
    file: 'file',
    symlink: 'symlink',
    'character-device': 'character-device',
    'block-device': 'block-device',
    directory: 'directory',
    pipe: 'pipe',
};
function emptyLayer() {
    return { entries: [], whiteouts: [], opaque: [], hardlinks: [] };
}
/** Adds one tar entry of layer `layer` to its index; `content` when the caller captured the bytes. */
function addEntry(index, layer, e, content) {
    const inside = insideRoot(e.name);
    // A container engine refuses such a layer ("breakout"); reading it as some other path would lie.
    if (inside === undefined)
        throw new LayerPathError(e.name);
    const p = inside === '/' ? '/' : inside;
    const slash = p.lastIndexOf('/');
    const dir = p.slice(0, slash) || '/';
    const base = p.slice(slash + 1);
    if (base === OPAQUE) {
        index.opaque.push(dir);
        return;
    }
    if (base.startsWith(WHITEOUT)) {
        const hidden = base.slice(WHITEOUT.length);
        if (hidden === '' || hidden === '.' || hidden === '..')
            return; // names nothing
        index.whiteouts.push(`${dir === '/' ? '' : dir}/${base.slice(WHITEOUT.length)}`);
        return;
    }
    if (e.type === 'hardlink') {
        index.hardlinks.push({
            path: p,
            target: hardlinkTarget(e.linkname),
            mode: e.mode,
            uid: e.uid,
            gid: e.gid,
            mtime: e.mtime,
        });
        // Keep the link's place in the entry order: it is resolved when the layer is applied.
        index.entries.push({
            path: p,
            type: 'file',
            mode: e.mode,
            uid: e.uid,
            gid: e.gid,
            size: -1,
            mtime: e.mtime,
            layer,
            sourceName: '',
            dataOffset: -1,
        });
        return;
    }
    const node = {
        path: p,
        type: TAR_TYPE[e.type],
        mode: e.mode,
        uid: e.uid,
        gid: e.gid,
        size: e.type === 'file' ? e.size : 0,
        mtime: e.mtime,
        layer,
        sourceName: e.name,
        dataOffset: e.dataOffset,
    };
    if (e.type === 'symlink')
        node.linkTarget = e.linkname;
    if (content)
        node.content = content;
    index.entries.push(node);
}
/** A path inside the image root, or undefined when it climbs out of it (`../x`, `a/../../x`). */
function insideRoot(name) {
    const out = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (out.length === 0)
                return undefined;
            out.pop();
        }
        else
            out.push(part);
    }
    return `/${out.join('/')}`;
}
const parentOf = (p) => p.slice(0, p.lastIndexOf('/')) || '/';
const baseOf = (p) => p.slice(p.lastIndexOf('/') + 1);
/** The kernel's limit on symlinks followed in one lookup (Linux MAXSYMLINKS). */
const MAX_SYMLINKS = 40;
/**
 * The merged view of layers applied bottom to top. A child index is kept up to date with every
 * change, so a whiteout or an opaque directory costs the size of what it removes, never a scan of
 * the whole tree (100k whiteouts over 100k files stay linear).
 */
class ImageTree {
    files = new Map();
    /** Directory → names of its children (implied directories included: tar files may omit them). */
    #children = new Map();
    #set(p, node) {
        this.files.set(p, node);
        let child = p;
        while (child !== '/') {
            const parent = parentOf(child);
            let set = this.#children.get(parent);
            if (!set)
                this.#children.set(parent, (set = new Set()));
            else if (set.has(baseOf(child)))
                break;
            set.add(baseOf(child));
            child = parent;
        }
    }
    /** Removes what is below `p`, and `p` itself unless `keepSelf`. */
    #remove(p, keepSelf) {
        const stack = [...(this.#children.get(p) ?? [])].map((n) => (p === '/' ? `/${n}` : `${p}/${n}`));
        if (keepSelf)
            this.#children.delete(p);
        while (stack.length) {
            const q = stack.pop();
            this.files.delete(q);
            const kids = this.#children.get(q);
            if (kids) {
                for (const n of kids)
                    stack.push(`${q}/${n}`);
                this.#children.delete(q);
            }
        }
        if (keepSelf || p === '/')
            return;
        this.files.delete(p);
        this.#children.delete(p);
        // Unlink from the parent; an implied parent left with no children is gone too.
        let child = p;
        while (child !== '/') {
            const parent = parentOf(child);
            const set = this.#children.get(parent);
            if (!set)
                break;
            set.delete(baseOf(child));
            if (set.size > 0 || this.files.has(parent) || parent === '/')
                break;
            this.#children.delete(parent);
            child = parent;
        }
    }
    apply(index) {
        // Deletions first: they act on the layers below, never on this layer's own entries.
        for (const dir of index.opaque)
            this.#remove(dir, true);
        for (const p of index.whiteouts)
            this.#remove(p, false);
        const links = new Map(index.hardlinks.map((l) => [l.path, l]));
        for (const node of index.entries) {
            const link = node.size === -1 ? links.get(node.path) : undefined;
            let added = node;
            if (link) {
                const target = this.files.get(link.target);
                if (!target || target.type !== 'file')
                    continue; // a dangling hard link: the entry cannot exist
                added = { ...target, path: link.path };
            }
            const existing = this.files.get(added.path);
            if (existing?.type === 'directory' && added.type !== 'directory')
                this.#remove(added.path, false);
            this.#set(added.path, added);
        }
    }
    /** A node, or a directory implied by its children (tar files may omit directory entries). */
    node(p) {
        const n = this.files.get(p);
        if (n)
            return n;
        if (p === '/' || this.#children.has(p))
            return {
                path: p,
                type: 'directory',
                mode: 0o755,
                uid: 0,
                gid: 0,
                size: 0,
                mtime: 0,
                layer: -1,
                sourceName: '',
                dataOffset: -1,
            };
        return undefined;
    }
    list(p) {
        const n = this.resolve(p, true);
        if (!n || n.type !== 'directory')
            return undefined;
        return [...(this.#children.get(n.path) ?? [])].sort();
    }
    /**
     * Resolves `p` inside the image root, as the kernel would inside the container (the root is its
     * own parent; an absolute link target starts at the image root): every symlink in the parents is
     * followed, the last one only when `followLast`. Undefined when a component is missing or is not a
     * directory (ENOENT, ENOTDIR: "no such file"); links that loop are an error (ELOOP), not absence.
     */
    resolve(p, followLast) {
        const parts = p.split('/').filter((s) => s && s !== '.');
        let current = '/';
        let hops = 0;
        while (parts.length) {
            const name = parts.shift();
            if (name === '..') {
                current = parentOf(current);
                continue;
            }
            const next = current === '/' ? `/${name}` : `${current}/${name}`;
            const node = this.node(next);
            if (!node)
                return undefined;
            if (node.type === 'symlink' && (parts.length > 0 || followLast)) {
                if (++hops > MAX_SYMLINKS)
                    throw Object.assign(new Error(`ELOOP: too many levels of symbolic links resolving ${p}`), { code: 'ELOOP' });
                const target = node.linkTarget ?? '';
                parts.unshift(...target.split('/').filter((s) => s && s !== '.'));
                if (target.startsWith('/'))
                    current = '/';
                continue;
            }
            if (parts.length > 0 && node.type !== 'directory')
                return undefined;
            current = next;
        }
        return this.node(current);
    }
}
function fileInfo(asked, node) {
    return {
        path: asked,
        type: node.type,
        mode: node.mode,
        uid: node.uid,
        gid: node.gid,
        size: node.size,
        mtime: new Date(node.mtime * 1000),
        ...(node.linkTarget !== undefined ? { linkTarget: node.linkTarget } : {}),
    };
}

;// CONCATENATED MODULE: ./shared/audit/image/tar.ts
const BLOCK = 512;
const WINDOW = 64 * 1024;
/** Largest pax or GNU long-name header read (they hold one path or a few attributes). */
const MAX_META = 1024 * 1024;
const TYPES = {
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
function num(block, offset, length) {
    const first = block[offset];
    if (first & 0x80) {
        let v = first & 0x3f;
        for (let i = 1; i < length; i++)
            v = v * 256 + block[offset + i];
        return first & 0x40 ? -v : v;
    }
    let v = 0;
    for (let i = offset; i < offset + length; i++) {
        const c = block[i];
        if (c === 0 || c === 0x20) {
            if (v === 0 && i < offset + length - 1 && c === 0x20)
                continue; // leading spaces
            if (c === 0)
                break;
            continue;
        }
        if (c < 0x30 || c > 0x37)
            return NaN;
        v = v * 8 + (c - 0x30);
    }
    return v;
}
function str(block, offset, length) {
    const end = block.indexOf(0, offset);
    return block.toString('utf8', offset, end < 0 || end > offset + length ? offset + length : end);
}
function checksumOk(block) {
    const stored = num(block, 148, 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : block[i];
    return sum === stored;
}
/** pax records: "<len> <key>=<value>\n", lengths in decimal bytes (POSIX.1-2001 pax §"extended header"). */
function parsePax(data) {
    const out = {};
    let i = 0;
    while (i < data.length) {
        const sp = data.indexOf(0x20, i);
        if (sp < 0)
            break;
        const len = Number(data.toString('latin1', i, sp));
        if (!Number.isInteger(len) || len <= 0 || i + len > data.length)
            break;
        const record = data.toString('utf8', sp + 1, i + len - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        i += len;
    }
    return out;
}
function normalizeName(name) {
    let n = name;
    while (n.startsWith('./'))
        n = n.slice(2);
    n = n.replace(/^\/+/, '').replace(/\/+$/, '');
    return n === '.' ? '' : n;
}
function decodeHeader(block, pending) {
    if (block.every((b) => b === 0))
        return { kind: 'end' };
    if (!checksumOk(block))
        throw new Error('a tar header has a bad checksum (not a tar archive, or a corrupt one)');
    const flag = String.fromCharCode(block[156]);
    const size = num(block, 124, 12);
    if (!Number.isFinite(size) || size < 0)
        throw new Error('a tar header has an unreadable size');
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
        // Real pax/GNU headers are a few hundred bytes: a huge one is an attempt to make us allocate it.
        if (size > MAX_META)
            throw new Error(`a tar extended header claims ${size} bytes (more than ${MAX_META})`);
        return { kind: 'meta', flag, size };
    }
    const ustar = block.toString('latin1', 257, 262) === 'ustar';
    const prefix = ustar ? str(block, 345, 155) : '';
    let name = pending.longName ?? (prefix ? `${prefix}/${str(block, 0, 100)}` : str(block, 0, 100));
    let linkname = pending.longLink ?? str(block, 157, 100);
    const attrs = { ...pending.global, ...pending.pax };
    if (attrs.path !== undefined)
        name = attrs.path;
    if (attrs.linkpath !== undefined)
        linkname = attrs.linkpath;
    pending.pax = {};
    delete pending.longName;
    delete pending.longLink;
    const type = TYPES[flag] ?? (name.endsWith('/') ? 'directory' : 'file');
    const field = (key, fallback) => {
        if (attrs[key] === undefined)
            return fallback;
        const v = Number(attrs[key]);
        return Number.isFinite(v) ? v : fallback;
    };
    const entrySize = field('size', size);
    if (!Number.isSafeInteger(entrySize) || entrySize < 0)
        throw new Error('a tar header has an unreadable size');
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
const pad = (size) => (BLOCK - (size % BLOCK)) % BLOCK;
function applyMeta(pending, flag, data) {
    if (flag === 'x')
        pending.pax = parsePax(data);
    else if (flag === 'g')
        pending.global = { ...pending.global, ...parsePax(data) };
    else if (flag === 'L')
        pending.longName = data.toString('utf8').replace(/\0.*$/s, '');
    else
        pending.longLink = data.toString('utf8').replace(/\0.*$/s, '');
}
/**
 * Entries of a tar stream in order. The caller may take an entry's body with `body()` (whole) or
 * `stream()` before asking for the next entry; otherwise it is skipped.
 */
async function* readTarStream(reader) {
    const pending = { pax: {}, global: {} };
    for (;;) {
        const block = await reader.read(BLOCK);
        if (!block)
            return; // a tar without end blocks (some writers) ends at EOF
        const h = decodeHeader(block, pending);
        if (h.kind === 'end')
            return;
        if (h.kind === 'meta') {
            const data = await reader.read(h.size);
            if (!data)
                throw new Error('the archive ends inside a tar extended header');
            applyMeta(pending, h.flag, data);
            await reader.skip(pad(h.size));
            continue;
        }
        const dataOffset = reader.position;
        const size = h.entry.type === 'file' ? h.entry.size : 0;
        const entry = { ...h.entry, size, dataOffset };
        const end = dataOffset + size;
        yield {
            entry,
            body: async () => {
                const data = await reader.read(size);
                if (!data)
                    throw new Error(`the archive ends inside ${entry.name}`);
                return data;
            },
            stream: () => reader.slice(size),
        };
        // Whatever the caller did not consume of the body, and the padding, is skipped.
        const rest = end - reader.position;
        if (rest > 0 && !(await reader.skip(rest)))
            throw new Error(`the archive ends inside ${entry.name}`);
        if (!(await reader.skip(pad(size))))
            return;
    }
}
/**
 * Entries of an uncompressed tar held in a file, read by header alone: each 512-byte header is read
 * at its offset and the bodies are never touched. `start`/`end` bound a tar nested in another.
 */
async function* scanTarFile(handle, start = 0, end = Number.POSITIVE_INFINITY) {
    const pending = { pax: {}, global: {} };
    // Headers of small files sit close together: read ahead in windows instead of 512 bytes a call.
    const window = Buffer.alloc(WINDOW);
    let windowStart = -1;
    let windowLength = 0;
    const header = async (at) => {
        if (windowStart < 0 || at < windowStart || at + BLOCK > windowStart + windowLength) {
            const { bytesRead } = await handle.read(window, 0, WINDOW, at);
            windowStart = at;
            windowLength = bytesRead;
            if (bytesRead < BLOCK)
                return undefined;
        }
        return window.subarray(at - windowStart, at - windowStart + BLOCK);
    };
    let at = start;
    while (at + BLOCK <= end) {
        const block = await header(at);
        if (!block)
            return;
        const h = decodeHeader(block, pending);
        if (h.kind === 'end')
            return;
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
async function readRange(handle, offset, length) {
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
        const { bytesRead } = await handle.read(out, done, length - done, offset + done);
        if (bytesRead === 0)
            throw new Error(`the file ends ${length - done} bytes early`);
        done += bytesRead;
    }
    return out;
}

;// CONCATENATED MODULE: ./shared/audit/image/archive.ts
/**
 * Opens what `docker save`, `podman save` and OCI tools write, in-process and streaming, and hands
 * back the image config and its layers indexed:
 * - docker-archive: a tar with `manifest.json` (`[{Config, RepoTags, Layers}]`), the config JSON and
 *   one tar per layer; Docker ≥ 25 also lays the same blobs out as an OCI layout;
 * - oci-archive: a tar of an OCI image layout (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`);
 * - an OCI image layout directory;
 * any of the archives possibly gzip- or zstd-compressed as a whole.
 *
 * Reading plan: an uncompressed archive file is walked by its tar headers alone (positional
 * reads); an uncompressed layer inside it is indexed the same way, so its file bytes are read only
 * when a control asks, at their offset. A compressed layer (or a compressed archive) is streamed
 * once; small files and the databases audits read are kept while streaming, anything else is
 * fetched later by streaming that layer again, once for all the files asked for at the same time.
 */







/** Files kept in memory while a layer streams by, whatever their size: what audits read most. */
const ALWAYS_KEEP = [
    /^etc\/(passwd|group|os-release)$/,
    /^usr\/lib\/os-release$/,
    /^var\/lib\/dpkg\/status$/,
    /^var\/lib\/dpkg\/status\.d\/[^/]+$/,
    /^lib\/apk\/db\/installed$/,
    /^(var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/rpmdb\.sqlite(-wal)?$/,
];
/** Smaller files of a compressed layer are kept too: fetching one later means streaming the layer again. */
const SMALL_FILE = 16 * 1024;
/**
 * What one image may keep in memory while indexing, so no image (150k small files, a 10 GB
 * /etc/passwd, a gzip bomb) can make telltale hold more: small files up to SMALL_BUDGET in all, the
 * files audits read most up to KEEP_BUDGET in all (each at most KEEP_FILE). Past a budget, a file's
 * bytes are fetched again from its layer when a control asks for them.
 */
const SMALL_BUDGET = 32 * 1024 * 1024;
const KEEP_BUDGET = 256 * 1024 * 1024;
const KEEP_FILE = 128 * 1024 * 1024;
/** Archive members read whole (manifests, configs, indexes). */
const SMALL_BLOB = 4 * 1024 * 1024;
/** All manifests and configs of a compressed archive, kept while it streams by. */
const JSON_BUDGET = 64 * 1024 * 1024;
const newBudget = () => ({ small: SMALL_BUDGET, keep: KEEP_BUDGET });
function mayKeep(budget, entry, keepSmall) {
    if (entry.type !== 'file')
        return false;
    if (keepAlways(entry.name) && entry.size <= KEEP_FILE && entry.size <= budget.keep) {
        budget.keep -= entry.size;
        return true;
    }
    if (keepSmall && entry.size <= SMALL_FILE && entry.size <= budget.small) {
        budget.small -= entry.size;
        return true;
    }
    return false;
}
const keepAlways = (name) => ALWAYS_KEEP.some((re) => re.test(name));
/** Indexes a layer from a stream of its raw bytes. */
async function indexLayerStream(raw, layer, budget, options = {}) {
    const { head, stream } = await peek(raw, 4);
    const compression = detectCompression(head);
    const keepSmall = options.keepSmall ?? compression !== 'none';
    const index = emptyLayer();
    const reader = new ByteReader(decompress(stream, compression));
    try {
        for await (const { entry, body } of readTarStream(reader)) {
            // A copy: the body may be a view into a decompressed chunk, which it would keep alive whole.
            addEntry(index, layer, entry, mayKeep(budget, entry, keepSmall) ? Buffer.from(await body()) : undefined);
        }
    }
    finally {
        await reader.close();
    }
    return { index, compression };
}
/** Indexes an uncompressed layer held in a file, by its headers alone. */
async function indexLayerFile(handle, start, end, layer, budget) {
    const index = emptyLayer();
    for await (const entry of scanTarFile(handle, start, end)) {
        if (entry.type === 'file' && entry.dataOffset + entry.size > end)
            throw new Error(`the layer ends inside ${JSON.stringify(entry.name.slice(0, 200))}`);
        const keep = mayKeep(budget, entry, false);
        // Offsets are kept relative to the layer, as for streamed layers.
        const rel = { ...entry, dataOffset: entry.dataOffset - start };
        addEntry(index, layer, rel, keep ? await readRange(handle, entry.dataOffset, entry.size) : undefined);
    }
    return index;
}
/** Reads the named entries out of a layer by streaming it again (decompressing as needed). */
async function readFromStream(raw, names) {
    const { head, stream } = await peek(raw, 4);
    const reader = new ByteReader(decompress(stream, detectCompression(head)));
    const out = new Map();
    try {
        for await (const { entry, body } of readTarStream(reader)) {
            if (names.has(entry.name) && entry.type === 'file')
                out.set(entry.name, Buffer.from(await body()));
            if (out.size === names.size)
                break;
        }
    }
    finally {
        await reader.close();
    }
    return out;
}
async function* fileRange(file, start, size) {
    if (size === 0)
        return;
    yield* (0,external_node_fs_.createReadStream)(file, { start, end: start + size - 1, highWaterMark: 1024 * 1024 });
}
function parseJson(bytes, what, where) {
    if (!bytes)
        throw new errors.InputError(`the image has no ${what}`, { location: { file: where } });
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        // V8's message quotes the text it choked on: never echo bytes that may not be the image's own.
        throw new errors.InputError(`the image's ${what} is not JSON`, { location: { file: where } });
    }
}
const GOARCH = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ppc64: 'ppc64le',
    s390x: 's390x',
    ia32: '386',
};
/** The descriptor for this machine's platform, skipping attestation manifests (`unknown/unknown`). */
function pickManifest(manifests) {
    const usable = manifests.filter((m) => m.platform?.os !== 'unknown' && !m.annotations?.['vnd.docker.reference.type']);
    const arch = GOARCH[process.arch] ?? process.arch;
    return (usable.find((m) => m.platform?.os === 'linux' && m.platform.architecture === arch) ??
        usable.find((m) => !m.platform) ??
        usable[0]);
}
/** OCI image-spec descriptor.md "Registered algorithms": sha256 (64 hex), sha512 (128 hex), lower case. */
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
/** Shown in a message: quoted, cut short, never a raw line of someone else's bytes. */
const quoted = (v) => JSON.stringify(typeof v === 'string' ? v.slice(0, 100) : String(v).slice(0, 100));
const blobName = (digest) => {
    if (typeof digest !== 'string' || !DIGEST.test(digest))
        throw new errors.InputError(`the image names a blob with a malformed digest ${quoted(digest)}`, {
            hint: 'an OCI digest is sha256:<64 hex> or sha512:<128 hex>; a blob is read from blobs/<alg>/<hex> and nowhere else',
        });
    const [alg, hex] = digest.split(':');
    return `blobs/${alg}/${hex}`;
};
/** A member path a docker-archive manifest.json names: relative, and never climbing out of the archive. */
function memberName(name, field) {
    if (typeof name !== 'string' || name === '' || name.startsWith('/') || name.includes('\0'))
        throw new errors.InputError(`manifest.json ${field} ${quoted(name)} is not a relative path inside the image`);
    const parts = name.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0 || parts.includes('..'))
        throw new errors.InputError(`manifest.json ${field} ${quoted(name)} climbs out of the image`, {
            hint: 'docker save names members like <hex>/layer.tar or blobs/sha256/<hex>',
        });
    return parts.join('/');
}
/** The config and layer members of an image, as the archive's manifests name them. */
async function resolveManifest(get, where) {
    const docker = await get('manifest.json');
    if (docker) {
        const m = parseJson(docker, 'manifest.json', where);
        const first = Array.isArray(m) ? m[0] : undefined;
        if (first?.Config && Array.isArray(first.Layers))
            return {
                format: 'docker-archive',
                config: memberName(first.Config, 'Config'),
                layers: first.Layers.map((l, i) => memberName(l, `Layers[${i}]`)),
            };
    }
    const index = await get('index.json');
    if (!index)
        throw new errors.InputError('neither a docker-archive (no manifest.json) nor an OCI layout (no index.json)', {
            location: { file: where },
            hint: 'pass what `docker save`, `podman save --format docker-archive|oci-archive|oci-dir` or `skopeo copy … oci:DIR` writes',
        });
    let descriptor = pickManifest(parseJson(index, 'index.json', where).manifests ?? []);
    for (let depth = 0; descriptor && depth < 4; depth++) {
        const body = parseJson(await get(blobName(descriptor.digest)), `manifest ${descriptor.digest}`, where);
        if (body.manifests) {
            descriptor = pickManifest(body.manifests); // a nested index (containerd image store)
            continue;
        }
        if (!body.config || !Array.isArray(body.layers))
            break;
        return { format: 'oci', config: blobName(body.config.digest), layers: body.layers.map((l) => blobName(l.digest)) };
    }
    throw new errors.InputError('the OCI index names no image manifest for this platform', { location: { file: where } });
}
/** Opens `file` (an archive, possibly compressed) or an OCI layout directory. */
async function loadImage(location) {
    let st;
    try {
        st = await external_node_fs_.promises.stat(location);
    }
    catch (error) {
        throw new errors.InputError(`cannot open the image: ${error.code ?? String(error)}`, {
            location: { file: location },
            hint: 'pass the path of a `docker save` / `podman save` archive or an OCI layout directory',
        });
    }
    if (st.isDirectory())
        return loadLayoutDir(location);
    // A FIFO or a device would be read forever (or block): an image is a file or a directory.
    if (!st.isFile())
        throw new errors.InputError('the image is neither a regular file nor a directory', {
            location: { file: location },
            hint: 'pass the path of a `docker save` / `podman save` archive or an OCI layout directory',
        });
    const handle = await external_node_fs_.promises.open(location, 'r');
    try {
        const head = await readRange(handle, 0, Math.min(4, st.size));
        if (detectCompression(head) !== 'none') {
            await handle.close();
            return await loadCompressedArchive(location);
        }
        return await loadTarArchive(location, handle);
    }
    catch (error) {
        await handle.close().catch(() => { });
        throw asInputError(error, location);
    }
}
function asInputError(error, location) {
    if (error instanceof errors.InputError)
        return error;
    return new errors.InputError(`cannot read the image: ${error.message}`, { location: { file: location } });
}
async function indexBlobs(blobs) {
    const compressions = [];
    const budget = newBudget();
    const layers = await Promise.all(blobs.map(async (b, i) => {
        if (b.file) {
            const head = await readRange(b.file.handle, b.file.offset, Math.min(4, b.size));
            compressions[i] = detectCompression(head);
            if (compressions[i] === 'none')
                return indexLayerFile(b.file.handle, b.file.offset, b.file.offset + b.size, i, budget);
        }
        const r = await indexLayerStream(b.open(), i, budget);
        compressions[i] = r.compression;
        return r.index;
    }));
    return { layers, compressions };
}
function imageFrom(format, config, blobs, layers, compressions, close) {
    return {
        format,
        config,
        layers,
        async readFiles(layer, names) {
            const blob = blobs[layer];
            if (blob.file && compressions[layer] === 'none') {
                const out = new Map();
                for (const n of names)
                    out.set(n.name, await readRange(blob.file.handle, blob.file.offset + n.offset, n.size));
                return out;
            }
            return readFromStream(blob.bytes ? oneChunk(blob.bytes) : blob.open(), new Set(names.map((n) => n.name)));
        },
        close,
    };
}
async function* oneChunk(b) {
    yield b;
}
async function loadTarArchive(location, handle) {
    const members = new Map();
    for await (const e of scanTarFile(handle))
        if (e.type === 'file' || e.type === 'symlink')
            members.set(e.name, e);
    const get = async (name) => {
        let e = members.get(name);
        // Docker ≥ 25 writes the legacy layer paths as symlinks into blobs/.
        if (e?.type === 'symlink')
            e = members.get(external_node_path_default().posix.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(name), e.linkname)));
        return e && e.size <= SMALL_BLOB ? readRange(handle, e.dataOffset, e.size) : undefined;
    };
    const m = await resolveManifest(get, location);
    const config = parseJson(await get(m.config), 'config', location);
    const blobs = m.layers.map((name) => {
        let e = members.get(name);
        if (e?.type === 'symlink')
            e = members.get(external_node_path_default().posix.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(name), e.linkname)));
        if (!e)
            throw new errors.InputError(`the image's manifest names layer ${quoted(name)}, which the archive lacks`, {
                location: { file: location },
            });
        const entry = e;
        return {
            name,
            size: entry.size,
            file: { handle, offset: entry.dataOffset },
            open: () => fileRange(location, entry.dataOffset, entry.size),
        };
    });
    const { layers, compressions } = await indexBlobs(blobs);
    return imageFrom(m.format === 'oci' ? 'oci-archive' : 'docker-archive', config, blobs, layers, compressions, () => handle.close());
}
/**
 * The real path of `name` inside layout `root` (itself a real path), refusing one that a symlink
 * (or `..`) takes outside: an OCI layout is read from itself and nowhere else.
 */
async function insideLayout(root, name) {
    let real;
    try {
        real = await external_node_fs_.promises.realpath(external_node_path_default().join(root, name));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new errors.InputError(`cannot read ${quoted(name)} in the layout: ${code ?? 'error'}`, { location: { file: root } });
    }
    if (real !== root && !real.startsWith(`${root}${(external_node_path_default()).sep}`))
        throw new errors.InputError(`${quoted(name)} in the layout is a link to a file outside it`, {
            location: { file: root },
            hint: 'an OCI layout is read from its own directory only; copy the blobs in instead of linking them',
        });
    return real;
}
async function loadLayoutDir(location) {
    const handles = [];
    const dir = await external_node_fs_.promises.realpath(location);
    const get = async (name) => {
        const full = await insideLayout(dir, name);
        if (!full)
            return undefined;
        const st = await external_node_fs_.promises.stat(full);
        if (!st.isFile())
            throw new errors.InputError(`${quoted(name)} in the layout is not a regular file`, { location: { file: dir } });
        return st.size <= SMALL_BLOB ? await external_node_fs_.promises.readFile(full) : undefined;
    };
    try {
        const m = await resolveManifest(get, dir);
        const config = parseJson(await get(m.config), 'config', dir);
        const blobs = [];
        for (const name of m.layers) {
            const full = await insideLayout(dir, name);
            if (!full)
                throw new errors.InputError(`the image's manifest names layer ${quoted(name)}, which the layout lacks`, {
                    location: { file: dir },
                });
            const handle = await external_node_fs_.promises.open(full, 'r');
            handles.push(handle);
            const st = await handle.stat();
            if (!st.isFile())
                throw new errors.InputError(`layer ${quoted(name)} in the layout is not a regular file`, { location: { file: dir } });
            const size = st.size;
            blobs.push({ name, size, file: { handle, offset: 0 }, open: () => fileRange(full, 0, size) });
        }
        const { layers, compressions } = await indexBlobs(blobs);
        return imageFrom('oci-layout', config, blobs, layers, compressions, async () => {
            await Promise.all(handles.map((h) => h.close()));
        });
    }
    catch (error) {
        await Promise.all(handles.map((h) => h.close().catch(() => { })));
        throw asInputError(error, dir);
    }
}
/** Streams the compressed archive from the start and returns the raw bytes of member `name`. */
async function* memberOfCompressed(location, name) {
    const { head, stream } = await peek((0,external_node_fs_.createReadStream)(location), 4);
    const reader = new ByteReader(decompress(stream, detectCompression(head)));
    try {
        for await (const { entry, stream: body } of readTarStream(reader)) {
            if (entry.name === name) {
                yield* body();
                return;
            }
        }
    }
    finally {
        await reader.close();
    }
}
/** True when a member's first bytes look like a tar (POSIX ustar magic at 257) or a compressed stream. */
function looksLikeLayer(head) {
    return detectCompression(head) !== 'none' || head.toString('latin1', 257, 262) === 'ustar';
}
/**
 * A compressed archive cannot be read at offsets: it is streamed once, every member that could be a
 * layer is indexed as it passes (the manifest that says which ones are layers comes last in
 * `docker save` output), and only the members that may be manifests or configs (JSON, at most
 * SMALL_BLOB each and JSON_BUDGET in all) are kept to read the manifests from.
 */
async function loadCompressedArchive(location) {
    const { head, stream } = await peek((0,external_node_fs_.createReadStream)(location), 4);
    const reader = new ByteReader(decompress(stream, detectCompression(head)));
    const small = new Map();
    const indexed = new Map();
    const unreadable = new Map();
    const links = new Map();
    const budget = newBudget();
    let jsonLeft = JSON_BUDGET;
    try {
        for await (const { entry, stream: rest } of readTarStream(reader)) {
            if (entry.type === 'symlink')
                links.set(entry.name, external_node_path_default().posix.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(entry.name), entry.linkname)));
            if (entry.type !== 'file')
                continue;
            const member = await peek(rest(), 512);
            if (!looksLikeLayer(member.head) && entry.size <= SMALL_BLOB) {
                if (entry.size > jsonLeft)
                    throw new errors.InputError(`the archive holds more than ${JSON_BUDGET} bytes of manifests and configs`, {
                        hint: 'decompress the archive first: an uncompressed one is read at offsets, without keeping members',
                    });
                jsonLeft -= entry.size;
                const parts = [];
                for await (const c of member.stream)
                    parts.push(c);
                small.set(entry.name, Buffer.concat(parts));
                continue;
            }
            try {
                indexed.set(entry.name, (await indexLayerStream(member.stream, -1, budget, { keepSmall: true })).index);
            }
            catch (error) {
                if (error instanceof LayerPathError)
                    throw error;
                unreadable.set(entry.name, error.message);
            }
        }
    }
    catch (error) {
        throw asInputError(error, location);
    }
    finally {
        await reader.close();
    }
    const real = (name) => links.get(name) ?? name;
    const m = await resolveManifest(async (n) => small.get(real(n)), location);
    const config = parseJson(small.get(real(m.config)), 'config', location);
    const blobs = [];
    const layers = [];
    for (const [i, name] of m.layers.entries()) {
        const member = real(name);
        const index = indexed.get(member);
        if (!index) {
            const why = unreadable.get(member);
            throw new errors.InputError(why
                ? `the image's layer ${quoted(name)} is not a readable tar: ${why}`
                : `the image's manifest names layer ${quoted(name)}, which the archive lacks`, { location: { file: location } });
        }
        // Indexed before the layer order was known: number the entries now.
        for (const e of index.entries)
            e.layer = i;
        layers.push(index);
        blobs.push({ name: member, size: 0, open: () => memberOfCompressed(location, member) });
    }
    return imageFrom(m.format === 'oci' ? 'oci-archive' : 'docker-archive', config, blobs, layers, blobs.map(() => 'gzip'), async () => { });
}
/**
 * A root filesystem as one uncompressed tar file (`podman export -o`, `docker export -o`): one
 * layer, indexed by its headers; file bytes are read at their offsets when asked for.
 */
async function loadFilesystemTar(file, config) {
    const handle = await external_node_fs_.promises.open(file, 'r');
    try {
        const size = (await handle.stat()).size;
        const index = await indexLayerFile(handle, 0, size, 0, newBudget());
        return {
            format: 'filesystem',
            config,
            layers: [index],
            async readFiles(_layer, names) {
                const out = new Map();
                for (const n of names)
                    out.set(n.name, await readRange(handle, n.offset, n.size));
                return out;
            },
            close: () => handle.close(),
        };
    }
    catch (error) {
        await handle.close().catch(() => { });
        throw asInputError(error, file);
    }
}

;// CONCATENATED MODULE: ./shared/audit/targets/image.ts
/**
 * The `image:PATH` and `oci:PATH` targets: a saved image read in-process, with no container engine
 * and no external tar or gzip. Files, users, groups and packages come from the layers merged into
 * one tree (shared/audit/image/); the `image:` section from the image config. Nothing here can
 * answer for a running system, so `live` is absent and those controls are skipped with the reason.
 */




/** Files fetched once are kept when at most this big, so a second control on them is free. */
const CACHE_LIMIT = 1024 * 1024;
function imageConfigOf(json) {
    const c = json.config ?? {};
    const list = (v) => (v == null ? undefined : Array.isArray(v) ? v : [v]);
    const env = {};
    for (const kv of c.Env ?? []) {
        const i = kv.indexOf('=');
        if (i > 0)
            env[kv.slice(0, i)] = kv.slice(i + 1);
    }
    const entrypoint = list(c.Entrypoint);
    const cmd = list(c.Cmd);
    return {
        ...(c.User ? { user: c.User } : {}),
        env,
        exposedPorts: Object.keys(c.ExposedPorts ?? {}).sort(),
        ...(entrypoint ? { entrypoint } : {}),
        ...(cmd ? { cmd } : {}),
        ...(c.WorkingDir ? { workdir: c.WorkingDir } : {}),
        labels: { ...(c.Labels ?? {}) },
    };
}
/** A filesystem over merged layers; file bytes not kept while indexing are fetched per layer, in batches. */
function treeFileSystem(tree, image) {
    let pending = new Map();
    let scheduled = false;
    const flush = async () => {
        const batch = pending;
        pending = new Map();
        scheduled = false;
        await Promise.all([...batch].map(async ([layer, wanted]) => {
            try {
                const got = await image.readFiles(layer, [...wanted.values()].map((w) => ({
                    name: w.node.sourceName,
                    offset: w.node.dataOffset,
                    size: w.node.size,
                })));
                for (const w of wanted.values()) {
                    const bytes = got.get(w.node.sourceName);
                    if (bytes && w.node.size <= CACHE_LIMIT)
                        w.node.content = bytes;
                    for (const done of w.waiters)
                        done(bytes ?? new Error(`${w.node.path}: not found in its layer`));
                }
            }
            catch (error) {
                for (const w of wanted.values())
                    for (const done of w.waiters)
                        done(error);
            }
        }));
    };
    const fetch = (node) => new Promise((resolve, reject) => {
        let layer = pending.get(node.layer);
        if (!layer)
            pending.set(node.layer, (layer = new Map()));
        let w = layer.get(node.sourceName);
        if (!w)
            layer.set(node.sourceName, (w = { node, waiters: [] }));
        w.waiters.push((r) => (r instanceof Error ? reject(r) : resolve(r)));
        if (!scheduled) {
            scheduled = true;
            // Controls are observed concurrently: wait a turn so their reads share one pass over a layer.
            setImmediate(() => void flush());
        }
    });
    return {
        stat: async (p, options) => {
            const node = tree.resolve(p, options?.follow === true);
            return node ? fileInfo(p, node) : undefined;
        },
        readFile: async (p, options) => {
            const node = tree.resolve(p, true);
            if (!node)
                throw Object.assign(new Error(`ENOENT: ${p} is not in the image`), { code: 'ENOENT' });
            if (node.type !== 'file')
                throw Object.assign(new Error(`EISDIR: ${p} is a ${node.type}`), { code: 'EISDIR' });
            const limit = options?.maxBytes ?? target/* MAX_FILE_READ */.tG;
            if (node.size > limit)
                throw (0,target/* tooLarge */.g$)(p, node.size, limit);
            if (node.content)
                return node.content;
            if (node.size === 0)
                return Buffer.alloc(0);
            return fetch(node);
        },
        readDir: async (p) => {
            const names = tree.list(p);
            if (!names)
                throw Object.assign(new Error(`ENOENT: ${p} is not a directory in the image`), { code: 'ENOENT' });
            return names;
        },
    };
}
/** Opens a saved image (docker-archive, oci-archive, OCI layout directory; gzip or zstd). */
async function openImageTarget(location, label = `image ${location}`) {
    const image = await loadImage(location);
    return targetFromImage(image, label);
}
function targetFromImage(image, description) {
    const tree = new ImageTree();
    for (const layer of image.layers)
        tree.apply(layer);
    const fs = treeFileSystem(tree, image);
    return {
        kind: 'image',
        description,
        fs,
        packages: () => readInstalledPackages(fs),
        imageConfig: imageConfigOf(image.config),
        close: () => image.close(),
    };
}

;// CONCATENATED MODULE: ./shared/audit/targets/container.ts
/**
 * `container:NAME` (a running container) and `docker-image:REF` (an image the local engine holds),
 * through the Docker or Podman CLI. Nothing is copied into the container and no shell is needed, so
 * distroless containers work:
 * - the filesystem is `<engine> export NAME`, read by the same tree code as saved images;
 * - ports, processes, mounts and kernel parameters are read from the host side, under
 *   /proc/<pid> of the container's main process (`<engine> inspect`): its network namespace's
 *   /proc/<pid>/net/{tcp,tcp6,udp,udp6}, the processes sharing its PID namespace, its mountinfo;
 *   that needs the runner to be root (GitHub-hosted runners can `sudo`);
 * - `command` runs through `<engine> exec NAME /bin/sh -c …`, as Goss would inside it; without a
 *   shell in the image it fails with the engine's message;
 * - `docker-image:REF` is `<engine> save`d to a temporary docker-archive, then read as `image:`.
 */








const ENGINES = ['docker', 'podman'];
function run(engine, args, timeoutMs = 60_000) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(engine, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error
                ? typeof error.code === 'number'
                    ? Number(error.code)
                    : 127
                : 0;
            resolve({ code, stdout, stderr: stderr || (error && !stdout ? error.message : '') });
        });
    });
}
/**
 * The engine to use: the one asked for, else the first of docker and podman that knows `ref`
 * (a `docker` binary may be a client without a daemon, or podman's docker shim).
 */
async function chooseEngine(kind, ref, wanted) {
    if (wanted && !ENGINES.includes(wanted))
        throw new errors.InputError(`unknown engine '${wanted}'`, {
            location: { field: '--engine' },
            hint: 'use docker or podman',
        });
    const candidates = wanted ? [wanted] : [...ENGINES];
    const tried = [];
    for (const engine of candidates) {
        const r = await run(engine, [kind, 'inspect', '--format', '{{.Id}}', ref]);
        if (r.code === 0)
            return engine;
        tried.push(`${engine}: ${r.stderr.trim().split('\n')[0] || `exit ${r.code}`}`);
    }
    throw new errors.InputError(`no container engine knows ${kind} '${ref}'`, {
        location: { field: '--target' },
        hint: tried.join('; '),
    });
}
async function container_readOr(file) {
    return external_node_fs_.promises.readFile(file, 'utf8').catch(() => '');
}
/** What only the running container can answer, read from the host under /proc/<pid>. */
function containerLiveSystem(engine, name, pid) {
    const proc = `/proc/${pid}`;
    return {
        networkProbes: false,
        async listeningPorts() {
            const kinds = ['tcp', 'tcp6', 'udp', 'udp6'];
            const text = await Promise.all(kinds.map((k) => container_readOr(`${proc}/net/${k}`)));
            if (text.every((t) => t === ''))
                throw new Error(`cannot read ${proc}/net: the container's sockets are visible to root on the host only`);
            return kinds.flatMap((k, i) => parseProcNet(text[i], k));
        },
        async processes() {
            const ns = await external_node_fs_.promises.readlink(`${proc}/ns/pid`).catch(() => {
                throw new Error(`cannot read ${proc}/ns/pid: the container's processes are visible to root on the host only`);
            });
            const out = [];
            const entries = await external_node_fs_.promises.readdir('/proc');
            await Promise.all(entries
                .filter((e) => /^\d+$/.test(e))
                .map(async (p) => {
                if ((await external_node_fs_.promises.readlink(`/proc/${p}/ns/pid`).catch(() => '')) !== ns)
                    return;
                const comm = (await container_readOr(`/proc/${p}/comm`)).trimEnd();
                if (comm)
                    out.push({
                        pid: Number(p),
                        comm,
                        cmdline: (await container_readOr(`/proc/${p}/cmdline`)).split('\0').filter(Boolean),
                    });
            }));
            return out;
        },
        service: () => Promise.reject(new Error('services are not read in containers (most run no init system); check the process instead')),
        runCommand: (cmd, opts) => execIn(engine, name, cmd, opts.timeoutMs),
        async kernelParam(key) {
            if (!/^[\w.-]+$/.test(key) || key.includes('..'))
                return undefined;
            // The container's own /proc (network sysctls are per namespace), reached through its root.
            const value = await external_node_fs_.promises
                .readFile(`${proc}/root/proc/sys/${key.replace(/\./g, '/')}`, 'utf8')
                .catch(() => undefined);
            return value?.trim().replace(/\t/g, ' ');
        },
        async mounts() {
            return parseMountInfo(await container_readOr(`${proc}/mountinfo`));
        },
        interfaces: () => Promise.reject(new Error('interfaces of a container are not read yet; check them on the host or with a command')),
    };
}
function execIn(engine, name, cmd, timeoutMs) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(engine, ['exec', name, '/bin/sh', '-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stdout.on('data', (d) => (stdout += d.toString()));
        child.stderr.on('data', (d) => (stderr += d.toString()));
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.on('error', (e) => {
            clearTimeout(timer);
            resolve({ exitStatus: 127, stdout, stderr: e.message });
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ exitStatus: code ?? 1, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
        });
    });
}
async function openContainerTarget(name, options = {}) {
    const engine = await chooseEngine('container', name, options.engine);
    const r = await run(engine, ['container', 'inspect', name]);
    const info = JSON.parse(r.stdout)[0];
    if (!info)
        throw new errors.InputError(`${engine} has no container '${name}'`, { location: { field: '--target' } });
    const pid = info.State?.Pid ?? 0;
    if (!info.State?.Running || pid <= 0)
        throw new errors.InputError(`container '${name}' is not running`, {
            location: { field: '--target' },
            hint: `start it first, or audit its image with --target docker-image:REF`,
        });
    const c = info.Config ?? {};
    // Podman 4 reports Entrypoint as one string; Docker as a list.
    const config = {
        config: {
            ...(c.User ? { User: c.User } : {}),
            Env: c.Env ?? [],
            Entrypoint: typeof c.Entrypoint === 'string' ? (c.Entrypoint ? c.Entrypoint.split(' ') : null) : (c.Entrypoint ?? null),
            Cmd: c.Cmd ?? null,
            ...(c.WorkingDir ? { WorkingDir: c.WorkingDir } : {}),
            Labels: c.Labels ?? {},
            ExposedPorts: c.ExposedPorts ?? {},
        },
    };
    // Exported to a file, not read from a pipe: podman opens "/dev/stdout" by path, which fails
    // when stdout is the socket Node gives a child; a file also lets file bytes be read at offsets.
    const dir = await external_node_fs_.promises.mkdtemp(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'telltale-audit-export-'));
    const cleanup = () => external_node_fs_.promises.rm(dir, { recursive: true, force: true });
    try {
        const file = external_node_path_default().join(dir, 'rootfs.tar');
        const e = await run(engine, ['export', '-o', file, name], 30 * 60_000);
        if (e.code !== 0)
            throw new errors.InputError(`${engine} export ${name} failed: ${e.stderr.trim()}`, { location: { field: '--target' } });
        const image = await loadFilesystemTar(file, config);
        const target = targetFromImage(image, `container ${name} (${engine})`);
        return {
            ...target,
            kind: 'container',
            live: containerLiveSystem(engine, name, pid),
            close: async () => {
                await target.close();
                await cleanup();
            },
        };
    }
    catch (error) {
        await cleanup();
        throw error;
    }
}
/** Saves an image the engine holds to a temporary docker-archive and reads it as `image:`. */
async function openEngineImageTarget(ref, options = {}) {
    const engine = await chooseEngine('image', ref, options.engine);
    const dir = await external_node_fs_.promises.mkdtemp(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'telltale-audit-save-'));
    const file = external_node_path_default().join(dir, 'image.tar');
    try {
        const args = engine === 'podman' ? ['save', '--format', 'docker-archive', '-o', file, ref] : ['save', '-o', file, ref];
        const r = await run(engine, args, 30 * 60_000);
        if (r.code !== 0)
            throw new errors.InputError(`${engine} save ${ref} failed: ${r.stderr.trim()}`, { location: { field: '--target' } });
        const target = await openImageTarget(file, `docker-image ${ref} (${engine})`);
        return {
            ...target,
            close: async () => {
                await target.close();
                await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
            },
        };
    }
    catch (error) {
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: ./shared/audit/targets/index.ts
/**
 * `--target` dispatch: `host` (default), `image:PATH`, `oci:PATH`, `container:NAME`,
 * `docker-image:REF`, each opened by its module beside this file.
 */




const TARGET_KINDS = ['host', 'image', 'oci', 'container', 'docker-image'];
function parseTargetSpec(spec) {
    const s = spec.trim();
    if (s === '' || s === 'host')
        return { kind: 'host', ref: '' };
    const i = s.indexOf(':');
    const kind = i < 0 ? s : s.slice(0, i);
    const ref = i < 0 ? '' : s.slice(i + 1);
    if (!TARGET_KINDS.includes(kind) || kind === 'host') {
        throw new errors.InputError(`unknown target '${spec}'`, {
            location: { field: '--target' },
            hint: 'use host, image:PATH, oci:PATH, container:NAME or docker-image:REF',
        });
    }
    if (!ref)
        throw new errors.InputError(`target '${kind}:' needs a ${kind === 'container' ? 'container name' : kind === 'docker-image' ? 'reference' : 'path'}`, { location: { field: '--target' } });
    return { kind: kind, ref };
}
async function openTarget(spec, options = {}) {
    const { kind, ref } = parseTargetSpec(spec);
    if (kind === 'host')
        return Promise.resolve(openHostTarget());
    // Both read the same formats (the archive's own manifests say which it is); the prefix documents intent.
    if (kind === 'image' || kind === 'oci')
        return openImageTarget(ref, `${kind} ${ref}`);
    if (kind === 'container')
        return openContainerTarget(ref, options);
    return openEngineImageTarget(ref, options);
}


/***/ })

};
