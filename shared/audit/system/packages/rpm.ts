/**
 * rpm's package database in its SQLite form (`rpmdb.sqlite`: Fedora ≥ 33, RHEL ≥ 9, under
 * /var/lib/rpm or /usr/lib/sysimage/rpm): table `Packages (hnum, blob)`, one rpm header per row.
 * A header blob (rpm's header.c, "headerImport"): index count and data length (big-endian 32-bit),
 * then 16-byte index entries (tag, type, offset, count) and the data store. Versions are
 * VERSION-RELEASE, as Goss reports them (`rpm -q --qf '%{VERSION}-%{RELEASE}'`).
 * BerkeleyDB (`Packages`) and NDB (`Packages.db`) databases are not read (yet): an image holding only
 * those lists no rpm packages, and the package control says it found none.
 */
import type { InstalledPackage, TargetFileSystem } from '../../target.ts';
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
  const out: InstalledPackage[] = [];
  for (const { values } of file.rows(root)) {
    const blob = values.find((v): v is Buffer => Buffer.isBuffer(v));
    const h = blob && parseRpmHeader(blob);
    // gpg-pubkey entries are imported keys, not packages (rpm -qa lists them, Goss's checks never mean them).
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

const LOCATIONS = ['/usr/lib/sysimage/rpm/rpmdb.sqlite', '/var/lib/rpm/rpmdb.sqlite'];

export async function readRpmPackages(fs: TargetFileSystem): Promise<InstalledPackage[]> {
  for (const file of LOCATIONS) {
    let db: Buffer;
    try {
      db = await fs.readFile(file);
    } catch {
      continue;
    }
    const wal = await fs.readFile(`${file}-wal`).catch(() => undefined);
    try {
      return parseRpmdbSqlite(db, wal);
    } catch (error) {
      // Never "not installed" from a database we could not read: the package controls error instead.
      throw new Error(`cannot read the rpm database ${file}: ${(error as Error).message}`);
    }
  }
  return [];
}
