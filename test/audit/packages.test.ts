/**
 * Package databases read without their package manager: a real rpm 4.18 `rpmdb.sqlite` (its
 * biggest header spans SQLite overflow pages), checked against what rpm itself lists, and the
 * text databases of dpkg (status and distroless status.d stanzas) and apk.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseApkInstalled } from '../../shared/audit/system/packages/apk.ts';
import { parseDpkgStatus } from '../../shared/audit/system/packages/dpkg.ts';
import { readBerkeleyDb } from '../../shared/audit/system/packages/bdb.ts';
import { readInstalledPackages } from '../../shared/audit/system/packages/index.ts';
import { readNdb } from '../../shared/audit/system/packages/ndb.ts';
import { parseRpmdbBerkeley, parseRpmdbNdb, parseRpmdbSqlite } from '../../shared/audit/system/packages/rpm.ts';
import { localFileSystem } from '../../shared/audit/targets/host.ts';
import { makeBerkeleyPackages, makeNdbPackages, realHeaderBlobs, rpmQueryAll } from '../fixtures/audit/rpm/generate.ts';
import { SqliteFile } from '../../shared/audit/system/packages/sqlite.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { repoRoot } from '../harness/runner.ts';

const fixture = path.join(repoRoot, 'test/fixtures/audit/rpm');

describe('rpm sqlite database', () => {
  it('lists the packages rpm recorded, as NAME VERSION-RELEASE', async () => {
    const db = await readFile(path.join(fixture, 'rpmdb.sqlite'));
    const got = parseRpmdbSqlite(db)
      .map((p) => `${p.name} ${p.version}`)
      .sort();
    const expected = (await readFile(path.join(fixture, 'expected.txt'), 'utf8')).trim().split('\n');
    assert.deepEqual(got, expected);
  });

  it('agrees with `rpm -qa` on the same database', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-rpm-'));
    try {
      await mkdir(path.join(dir, 'db'));
      await copyFile(path.join(fixture, 'rpmdb.sqlite'), path.join(dir, 'db', 'rpmdb.sqlite'));
      const q = spawnSync(
        'rpm',
        ['--dbpath', path.join(dir, 'db'), '-qa', '--qf', '%{NAME} %{VERSION}-%{RELEASE} %{ARCH}\n'],
        { encoding: 'utf8' },
      );
      assert.equal(q.status, 0, q.stderr);
      const ours = parseRpmdbSqlite(await readFile(path.join(fixture, 'rpmdb.sqlite')))
        .map((p) => `${p.name} ${p.version} ${p.arch}`)
        .sort();
      assert.deepEqual(ours, q.stdout.trim().split('\n').sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a file that is not SQLite, or is cut short, is an error rather than an empty list', async () => {
    const db = await readFile(path.join(fixture, 'rpmdb.sqlite'));
    assert.throws(() => parseRpmdbSqlite(Buffer.from('not a database')), /not an SQLite 3 database/);
    assert.throws(() => parseRpmdbSqlite(db.subarray(0, 8192)), /outside the file/);
  });

  it('reads sqlite_schema like sqlite3 does', async () => {
    const file = new SqliteFile(await readFile(path.join(fixture, 'rpmdb.sqlite')));
    const schema = spawnSync(
      'sqlite3',
      [path.join(fixture, 'rpmdb.sqlite'), "select rootpage from sqlite_schema where name='Packages'"],
      { encoding: 'utf8' },
    );
    if (schema.status === 0) assert.equal(file.tableRoot('Packages'), Number(schema.stdout.trim()));
    assert.ok(file.tableRoot('Packages')! > 1);
    assert.equal(file.tableRoot('NoSuchTable'), undefined);
  });
});

describe('dpkg and apk text databases', () => {
  it('dpkg status counts only installed stanzas, keeping epochs in versions', () => {
    const text = [
      'Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b8\nArchitecture: amd64\n',
      'Package: old\nStatus: deinstall ok config-files\nVersion: 1.0\n',
      'Package: perl-base\nStatus: install ok installed\nVersion: 1:5.36.0-7\n',
    ].join('\n');
    assert.deepEqual(
      parseDpkgStatus(text).map((p) => `${p.name}=${p.version}`),
      ['bash=5.2.15-2+b8', 'perl-base=1:5.36.0-7'],
    );
  });
  it('a distroless status.d stanza has no Status and still counts', () => {
    assert.deepEqual(
      parseDpkgStatus('Package: tzdata\nVersion: 2024a\n', { statusRequired: false })[0]?.name,
      'tzdata',
    );
    assert.deepEqual(parseDpkgStatus('Package: tzdata\nVersion: 2024a\n'), []);
  });
  it('apk installed blocks', () => {
    assert.deepEqual(parseApkInstalled('P:musl\nV:1.2.4-r2\nA:x86_64\n\nP:broken\n\nP:zlib\nV:1.3-r0\n'), [
      { name: 'musl', version: '1.2.4-r2', source: 'apk', arch: 'x86_64' },
      { name: 'zlib', version: '1.3-r0', source: 'apk' },
    ]);
  });
});

describe('rpm BerkeleyDB and NDB databases (RHEL/CentOS ≤ 8, Amazon Linux 2, SUSE)', () => {
  let dir: string;
  const blobs = () => {
    // 120 packages: the two real headers, alternating, so the file has many pages and overflow chains.
    const real = realHeaderBlobs();
    return Array.from({ length: 120 }, (_, i) => real[i % real.length]!);
  };
  const listed = (pkgs: { name: string; version: string; arch?: string }[]) =>
    pkgs.map((p) => `${p.name} ${p.version} ${p.arch}`).sort();

  it('a BerkeleyDB hash Packages lists what `rpm -qa` (bdb_ro) lists from it', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-bdb-'));
    try {
      const file = makeBerkeleyPackages(path.join(dir, 'db'), blobs(), 'hash');
      const reference = rpmQueryAll(path.join(dir, 'db'), 'bdb_ro');
      assert.equal(reference.length, 120);
      const db = await readFile(file);
      assert.equal(readBerkeleyDb(db).kind, 'hash');
      assert.deepEqual(listed(parseRpmdbBerkeley(db)), reference);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a BerkeleyDB btree Packages too', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-bdb-'));
    try {
      const file = makeBerkeleyPackages(path.join(dir, 'db'), blobs(), 'btree');
      const db = await readFile(file);
      assert.equal(readBerkeleyDb(db).kind, 'btree');
      assert.deepEqual(listed(parseRpmdbBerkeley(db)), rpmQueryAll(path.join(dir, 'db'), 'bdb_ro'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an NDB Packages.db lists every package; a blob whose checksum fails is left out, not misread', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-ndb-'));
    try {
      const file = path.join(dir, 'Packages.db');
      makeNdbPackages(file, blobs());
      const db = await readFile(file);
      const expected = (await readFile(path.join(fixture, 'expected.txt'), 'utf8')).trim().split('\n');
      const got = parseRpmdbNdb(db).map((p) => `${p.name} ${p.version}`);
      assert.equal(got.length, 120);
      assert.deepEqual([...new Set(got)].sort(), expected);
      // Flip one byte inside the first blob: its Adler-32 no longer matches.
      const bad = Buffer.from(db);
      bad.writeUInt8(bad.readUInt8(4096 + 100) ^ 0xff, 4096 + 100);
      const r = readNdb(bad);
      assert.equal(r.values.length, 119);
      assert.equal(r.skipped, 1);
      assert.throws(() => readNdb(Buffer.from('not an ndb database at all, just text')), /RpmP/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('bad bytes never throw past the reader, and never loop', () => {
    const db = makeBdbBytes();
    // Truncated anywhere, or with every overflow chain pointing at itself: an answer or a clear error.
    for (const cut of [512, 4096, 5000, db.length - 1]) {
      try {
        readBerkeleyDb(db.subarray(0, cut));
      } catch (error) {
        assert.match((error as Error).message, /Berkeley DB|page size|too short/);
      }
    }
    const looped = Buffer.from(db);
    for (let at = 4096; at + 4096 <= looped.length; at += 4096)
      if (looped[at + 25] === 7) looped.writeUInt32LE(looped.readUInt32LE(at + 8), at + 16);
    const r = readBerkeleyDb(looped);
    assert.ok(r.skipped > 0);
    assert.throws(() => readBerkeleyDb(Buffer.alloc(8192)), /not a Berkeley DB/);
  });

  function makeBdbBytes(): Buffer {
    const d = mkdtempSync(path.join(tmpdir(), 'telltale-audit-bdb-'));
    try {
      return readFileSync(makeBerkeleyPackages(d, blobs(), 'hash'));
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }
});

describe('a package database that is missing or unreadable is "could not check"', () => {
  it('a root with only a BerkeleyDB Packages (CentOS 7) is read; one with none, or an unreadable one, rejects', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-pkgroot-'));
    try {
      makeBerkeleyPackages(path.join(dir, 'var/lib/rpm'), realHeaderBlobs(), 'hash');
      const pkgs = await readInstalledPackages(localFileSystem(dir));
      assert.deepEqual(pkgs.map((p) => p.name).sort(), ['telltale-big', 'telltale-tiny']);
      const empty = path.join(dir, 'empty');
      await mkdir(empty);
      await assert.rejects(readInstalledPackages(localFileSystem(empty)), /no package database/);
      // Not an rpm database at all under rpm's name: an error naming the file, not "no packages".
      await writeFile(path.join(dir, 'var/lib/rpm/Packages'), 'garbage'.repeat(200));
      await assert.rejects(
        readInstalledPackages(localFileSystem(dir)),
        /rpm BerkeleyDB database \/var\/lib\/rpm\/Packages/,
      );
      await mkdir(path.join(dir, 'var/lib/dpkg'), { recursive: true });
      await writeFile(path.join(dir, 'var/lib/dpkg/status'), 'Package: a\nStatus: install ok installed\nVersion: 1\n');
      await rm(path.join(dir, 'var/lib/rpm'), { recursive: true });
      assert.equal((await readInstalledPackages(localFileSystem(dir))).length, 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
