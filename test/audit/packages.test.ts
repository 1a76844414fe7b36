/**
 * Package databases read without their package manager: a real rpm 4.18 `rpmdb.sqlite` (its
 * biggest header spans SQLite overflow pages), checked against what rpm itself lists, and the
 * text databases of dpkg (status and distroless status.d stanzas) and apk.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseApkInstalled } from '../../shared/audit/system/packages/apk.ts';
import { parseDpkgStatus } from '../../shared/audit/system/packages/dpkg.ts';
import { parseRpmdbSqlite } from '../../shared/audit/system/packages/rpm.ts';
import { SqliteFile } from '../../shared/audit/system/packages/sqlite.ts';
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

  it(
    'agrees with `rpm -qa` on the same database when rpm is installed',
    { skip: spawnSync('rpm', ['--version']).status !== 0 && 'needs rpm' },
    async () => {
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
    },
  );

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
