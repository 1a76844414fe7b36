/**
 * rpm's package database in its SQLite form (`rpmdb.sqlite`: Fedora ≥ 33, RHEL ≥ 9, under
 * /var/lib/rpm or /usr/lib/sysimage/rpm): table `Packages (hnum, blob)`, one rpm header per row.
 * A header blob (rpm's header.c, "headerImport"): index count and data length (big-endian 32-bit),
 * then 16-byte index entries (tag, type, offset, count) and the data store. Versions are
 * VERSION-RELEASE, as Goss reports them (`rpm -q --qf '%{VERSION}-%{RELEASE}'`).
 * The same header blobs are the values of a BerkeleyDB `Packages` file (RHEL/CentOS ≤ 8, Amazon
 * Linux 2; bdb.ts) and of an NDB `Packages.db` (SUSE; ndb.ts).
 */
import type { InstalledPackage, TargetFileSystem } from '../../target.ts';
import { readBerkeleyDb } from './bdb.ts';
import { readIfPresent } from './files.ts';
import { readNdb } from './ndb.ts';
import { SqliteFile } from './sqlite.ts';

const TAG = { name: 1000, version: 1001, release: 1002, epoch: 1003, arch: 1022 } as const;
const STRING = 6;
const I18NSTRING = 9;
const INT32 = 4;

/** The tags we need from one header blob; undefined when the blob is malformed. */
export function parseRpmHeader(
  blob: Buffer,
): { name: string; version: string; release: string; epoch?: number; arch?: string } | undefined {
  if (blob.length < 8) return undefined;
  const il = blob.readUInt32BE(0);
  const dl = blob.readUInt32BE(4);
  const store = 8 + il * 16;
  if (il > 100_000 || store + dl > blob.length) return undefined;
  const fields = new Map<number, string | number>();
  for (let i = 0; i < il; i++) {
    const e = 8 + i * 16;
    const tag = blob.readUInt32BE(e);
    const type = blob.readUInt32BE(e + 4);
    const offset = blob.readInt32BE(e + 8);
    if (offset < 0 || offset >= dl) continue;
    const at = store + offset;
    if (type === STRING || type === I18NSTRING) {
      const end = blob.indexOf(0, at);
      if (end < 0 || end > store + dl) continue;
      fields.set(tag, blob.toString('utf8', at, end));
    } else if (type === INT32 && at + 4 <= store + dl) fields.set(tag, blob.readUInt32BE(at));
  }
  const name = fields.get(TAG.name);
  const version = fields.get(TAG.version);
  const release = fields.get(TAG.release);
  if (typeof name !== 'string' || typeof version !== 'string' || typeof release !== 'string') return undefined;
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

export function parseRpmdbSqlite(db: Buffer, wal?: Buffer): InstalledPackage[] {
  const file = new SqliteFile(db, wal);
  const root = file.tableRoot('Packages');
  if (root === undefined) return [];
  const blobs: Buffer[] = [];
  for (const { values } of file.rows(root)) {
    const blob = values.find((v): v is Buffer => Buffer.isBuffer(v));
    if (blob) blobs.push(blob);
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
] as const;
/** A whole-system rpm database is tens of megabytes; past this, "could not check". */
const MAX_DB = 1024 * 1024 * 1024;

function packagesOf(blobs: Buffer[]): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const blob of blobs) {
    const h = parseRpmHeader(blob);
    // Not a header (BerkeleyDB's key-0 counter), or an imported gpg key: not a package.
    if (!h || h.name === 'gpg-pubkey') continue;
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
export function parseRpmdbBerkeley(db: Buffer): InstalledPackage[] {
  return packagesOf(readBerkeleyDb(db).values);
}

/** The packages of an NDB `Packages.db` file. */
export function parseRpmdbNdb(db: Buffer): InstalledPackage[] {
  return packagesOf(readNdb(db).values);
}

/**
 * The rpm packages of the target, or undefined when it holds no rpm database at all. A database
 * that is there but cannot be read (EACCES, too large, not the format its name says) rejects: the
 * package controls then say they could not check, never "not installed".
 */
export async function readRpmPackages(fs: TargetFileSystem): Promise<InstalledPackage[] | undefined> {
  for (const dir of DIRS) {
    for (const backend of BACKENDS) {
      const file = `${dir}/${backend.file}`;
      const db = await readIfPresent(fs, file, MAX_DB);
      if (!db) continue;
      try {
        if (backend.file === 'rpmdb.sqlite')
          return parseRpmdbSqlite(db, await readIfPresent(fs, `${file}-wal`, MAX_DB));
        return backend.file === 'Packages.db' ? parseRpmdbNdb(db) : parseRpmdbBerkeley(db);
      } catch (error) {
        throw new Error(`could not read the rpm ${backend.name} database ${file}: ${(error as Error).message}`);
      }
    }
  }
  return undefined;
}
