/**
 * "Could not check" is an outcome of its own. When telltale cannot look (a path the user may not
 * stat, accounts behind a symlink loop, no package database, a database it cannot read, a file too
 * large to read whole), the control is an error: shown as such by every reporter, counted, and the
 * run fails unless --audit-only. `exists: false` passes only on a real "no such file".
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { makeBerkeleyPackages, makeNdbPackages, realHeaderBlobs } from '../fixtures/audit/rpm/generate.ts';
import { validateSarif } from './helpers.ts';
import { BASE, handled, ociLayout, runCli, tarOf, tarStream, writeLayer, type TarSpec } from './trust-images.ts';

interface Result {
  type: string;
  id: string;
  property: string;
  status: string;
  reason?: string;
}

describe('what telltale could not look at is an error, never a pass', () => {
  let dir: string;
  let n = 0;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-trust-cnc-'));
    chmodSync(dir, 0o755);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function image(entries: TarSpec[]): Promise<string> {
    const f = path.join(dir, `layer-${++n}.tar`);
    writeFileSync(f, tarOf(entries));
    return ociLayout(path.join(dir, `image-${n}`), [f]);
  }
  async function audit(target: string, controls: string, extra: string[] = [], uid?: number) {
    const file = path.join(dir, `controls-${++n}.yaml`);
    writeFileSync(file, controls);
    chmodSync(file, 0o644);
    const run = await runCli(['audit', '-c', file, '--target', target, '--format', 'json', ...extra], {
      timeoutMs: 60_000,
      ...(uid !== undefined ? { uid } : {}),
    });
    assert.deepEqual(handled(run), []);
    const results = run.stdout.trim().startsWith('{') ? (JSON.parse(run.stdout) as { results: Result[] }).results : [];
    return { ...run, results, at: (id: string, p: string) => results.find((r) => r.id === id && r.property === p) };
  }

  it('an image with no package database: `installed: false` is an error, in every reporter, and fails the run', async () => {
    const target = `oci:${await image(BASE.filter((e) => !e.name.startsWith('var/lib/dpkg')))}`;
    const out = (f: string) => path.join(dir, 'reports', f);
    const controls = 'package:\n  bash:\n    installed: false\nuser:\n  app:\n    exists: true\n';
    const formats = `documentation,json:${out('a.json')},junit:${out('a.xml')},sarif:${out('a.sarif')},markdown:${out('a.md')}`;
    const file = path.join(dir, 'pkg-controls.yaml');
    writeFileSync(file, controls);
    const run = await runCli(['audit', '-c', file, '--target', target, '--format', formats], { timeoutMs: 60_000 });
    assert.deepEqual(handled(run), []);
    assert.equal(run.code, 1, run.stderr);
    // documentation
    assert.match(run.stdout, /installed false \(ERROR - 1\)/);
    assert.match(run.stdout, /Error: could not check: the target has no package database/);
    assert.match(run.stdout, /2 controls \(2 checks\), 0 failures, 1 errors/);
    // JSON
    const json = JSON.parse(readFileSync(out('a.json'), 'utf8')) as { summary: { errored: number }; results: Result[] };
    assert.equal(json.summary.errored, 1);
    assert.equal(json.results.find((r) => r.type === 'package')?.status, 'error');
    // JUnit
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      readFileSync(out('a.xml'), 'utf8'),
    ) as { testsuites: { errors: string } };
    assert.equal(xml.testsuites.errors, '1');
    assert.match(
      readFileSync(out('a.xml'), 'utf8'),
      /<error message="could not check: the target has no package database/,
    );
    // SARIF
    const sarif = JSON.parse(readFileSync(out('a.sarif'), 'utf8')) as {
      runs: {
        results: { level: string; properties: { status: string } }[];
        invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string }[] }[];
      }[];
    };
    assert.deepEqual(validateSarif(sarif), []);
    assert.deepEqual(
      sarif.runs[0]!.results.map((r) => [r.level, r.properties.status]),
      [['error', 'error']],
    );
    assert.equal(sarif.runs[0]!.invocations[0]!.executionSuccessful, false);
    assert.equal(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications.length, 1);
    // Markdown summary
    assert.match(readFileSync(out('a.md'), 'utf8'), /❌ \*\*1 passed\*\*, \*\*0 failed\*\*, 0 skipped, 1 errors/);

    const only = await audit(target, controls, ['--audit-only']);
    assert.equal(only.code, 0, 'audit-only reports but exits 0');
    assert.equal(only.at('bash', 'installed')?.status, 'error');
  });

  it('accounts behind a symlink loop: `exists: false` for a user is an error (ELOOP), not a pass', async () => {
    const target = `oci:${await image([
      ...BASE.filter((e) => e.name !== 'etc/passwd'),
      { name: 'etc/passwd', type: '2', linkname: 'passwd.d' },
      { name: 'etc/passwd.d', type: '2', linkname: 'passwd' },
    ])}`;
    const run = await audit(target, 'user:\n  nobody:\n    exists: false\n');
    assert.equal(run.code, 1);
    assert.equal(run.at('nobody', 'exists')?.status, 'error');
    assert.match(run.at('nobody', 'exists')?.reason ?? '', /could not read \/etc\/passwd: ELOOP/);
  });

  it('a path through a symlink loop: `exists: false` is an error; a path that is really missing passes', async () => {
    const target = `oci:${await image([
      ...BASE,
      { name: 'a', type: '2', linkname: 'b' },
      { name: 'b', type: '2', linkname: 'a' },
      { name: 'srv/file', body: 'x' },
    ])}`;
    const run = await audit(
      target,
      'file:\n  /a/x:\n    exists: false\n  /nowhere/x:\n    exists: false\n  /srv/file/x:\n    exists: false\n',
    );
    assert.equal(run.code, 1);
    assert.equal(run.at('/a/x', 'exists')?.status, 'error');
    assert.match(run.at('/a/x', 'exists')?.reason ?? '', /ELOOP/);
    assert.equal(run.at('/nowhere/x', 'exists')?.status, 'passed'); // ENOENT
    assert.equal(run.at('/srv/file/x', 'exists')?.status, 'passed'); // ENOTDIR
  });

  it('a package database telltale cannot read is an error naming it, not "not installed"', async () => {
    const target = `oci:${await image([
      ...BASE.filter((e) => !e.name.startsWith('var/lib/dpkg')),
      { name: 'var/lib/rpm/Packages', body: Buffer.alloc(8192, 0x41) },
    ])}`;
    const run = await audit(target, 'package:\n  openssh-server:\n    installed: false\n');
    assert.equal(run.code, 1);
    assert.equal(run.at('openssh-server', 'installed')?.status, 'error');
    assert.match(
      run.at('openssh-server', 'installed')?.reason ?? '',
      /rpm BerkeleyDB database \/var\/lib\/rpm\/Packages/,
    );
  });

  it('rpm BerkeleyDB (CentOS 7) and NDB (SUSE) databases in images are read', async () => {
    const blobs = realHeaderBlobs();
    const bdb = makeBerkeleyPackages(path.join(dir, 'bdb'), blobs, 'hash');
    makeNdbPackages(path.join(dir, 'Packages.db'), blobs);
    const controls =
      'package:\n  telltale-tiny:\n    installed: true\n    versions: [1.2.3-4]\n  telltale-big:\n    versions: [0.9-1]\n  bash:\n    installed: false\n';
    for (const [where, bytes] of [
      ['var/lib/rpm/Packages', readFileSync(bdb)],
      ['usr/lib/sysimage/rpm/Packages.db', readFileSync(path.join(dir, 'Packages.db'))],
    ] as const) {
      const base = BASE.filter((e) => !e.name.startsWith('var/lib/dpkg'));
      const run = await audit(`oci:${await image([...base, { name: where, body: bytes }])}`, controls);
      assert.equal(run.code, 0, `${where}: ${run.stdout}`);
      assert.ok(run.results.every((r) => r.status === 'passed'));
    }
  });

  it('a file too large to read whole: "could not check: too large", not a pass or a crash', async () => {
    const f = path.join(dir, `layer-${++n}.tar.gz`);
    await writeLayer(f, tarStream(BASE, [{ name: 'srv/huge.log', size: 100 * 1024 * 1024 }]), 'gzip');
    const target = `oci:${await ociLayout(path.join(dir, `image-${n}`), [f])}`;
    const run = await audit(target, 'file:\n  /srv/huge.log:\n    size: 104857600\n    contents: ["!secret"]\n');
    assert.equal(run.code, 1);
    // The control's observation fails as a whole (resources report one outcome per control).
    assert.equal(run.at('/srv/huge.log', 'size')?.status, 'error');
    assert.equal(run.at('/srv/huge.log', 'contents')?.status, 'error');
    assert.match(run.at('/srv/huge.log', 'contents')?.reason ?? '', /could not check: \/srv\/huge\.log is too large/);
  });

  it('on the host, a path the user may not stat (EACCES) is an error; ENOENT still passes', async () => {
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(path.join(locked, 'secret.conf'), 'x');
    chmodSync(locked, 0o700);
    const run = await audit(
      'host',
      `file:\n  ${locked}/secret.conf:\n    exists: false\n  ${locked}/other:\n    exists: false\n  ${dir}/no-such-file:\n    exists: false\n`,
      [],
      65534,
    );
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.at(`${locked}/secret.conf`, 'exists')?.status, 'error');
    assert.match(run.at(`${locked}/secret.conf`, 'exists')?.reason ?? '', /could not check .*: EACCES/);
    assert.equal(run.at(`${locked}/other`, 'exists')?.status, 'error');
    assert.equal(run.at(`${dir}/no-such-file`, 'exists')?.status, 'passed');
  });
});
