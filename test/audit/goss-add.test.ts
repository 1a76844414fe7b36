/**
 * `telltale audit add` / `autoadd` write the controls that hold now, in Goss's format, and the file
 * they write passes on the target it came from — on the host, and on a saved image (which Goss's
 * own add cannot look at).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseControls } from '../../shared/audit/controls.ts';
import { importRootfs, podmanSkipReason, removeImages, saveImage, tinyRootfs, uniqueName } from '../harness/podman.ts';
import { cli } from './helpers.ts';

describe('add and autoadd on the host', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-goss-add-'));
    await writeFile(path.join(dir, 'app.conf'), 'listen = 8080\n');
    await symlink('app.conf', path.join(dir, 'current.conf'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a Goss-format file (a link with its own 0777 mode) that then passes, and merges later adds', async () => {
    const gen = path.join(dir, 'goss.yaml');
    const steps = [
      [
        'audit',
        'add',
        'file',
        path.join(dir, 'app.conf'),
        path.join(dir, 'current.conf'),
        path.join(dir, 'gone'),
        '-c',
        gen,
      ],
      ['audit', 'add', 'user', 'root', '-c', gen],
      ['audit', 'add', 'package', 'bash', 'no-such-package-telltale', '-c', gen],
      ['audit', 'autoadd', 'root', '-c', gen],
    ];
    for (const args of steps) {
      const r = await cli(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    }
    const doc = parse(await readFile(gen, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
    assert.deepEqual(doc.file![path.join(dir, 'current.conf')], {
      exists: true,
      mode: '0777',
      owner: 'root',
      group: 'root',
      filetype: 'symlink',
      'linked-to': 'app.conf',
    });
    assert.deepEqual(doc.file![path.join(dir, 'gone')], { exists: false });
    assert.deepEqual(doc.package!['no-such-package-telltale'], { installed: false });
    assert.equal(doc.group!.root!.gid, 0);
    // Only Goss's own attributes and plain values: the strict parser reads it.
    parseControls(await readFile(gen, 'utf8'), gen);
    const run = await cli(['audit', '-c', gen]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\d+ controls \(\d+ checks\), 0 failures/);
  });
  it('without --controls the YAML goes to stdout; an unknown type is an input error', async () => {
    const r = await cli(['audit', 'add', 'group', 'root']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(parse(r.stdout), { group: { root: { exists: true, gid: 0 } } });
    const bad = await cli(['audit', 'add', 'registry', 'x']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /cannot add 'registry'/);
  });
});

const skip = podmanSkipReason();

describe('add and autoadd on a saved image, which Goss cannot look at', { skip }, () => {
  let dir: string;
  let archive: string;
  const images: string[] = [];
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-goss-add-image-'));
    const tag = await importRootfs(tinyRootfs(path.join(dir, 'tiny')), uniqueName('tt-goss-add'), []);
    images.push(tag);
    archive = await saveImage(tag, path.join(dir, 'image.tar'), 'docker-archive');
  });
  after(async () => {
    await removeImages(images);
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the controls that hold for the image now; they pass on the image, and live-only types are refused with a note', async () => {
    const gen = path.join(dir, 'image-goss.yaml');
    const target = `image:${archive}`;
    for (const args of [
      ['audit', 'add', '-t', target, 'file', '/etc/passwd', '/bin/sh', '/srv/app.conf', '-c', gen],
      ['audit', 'autoadd', '-t', target, 'app', '-c', gen],
    ]) {
      const r = await cli(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    }
    const doc = parse(await readFile(gen, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
    assert.deepEqual(doc.file!['/bin/sh'], {
      exists: true,
      mode: '0777',
      owner: 'root',
      group: 'root',
      filetype: 'symlink',
      'linked-to': 'busybox',
    });
    assert.deepEqual(doc.user!.app, {
      exists: true,
      uid: 1000,
      gid: 1000,
      groups: ['app'],
      home: '/home/app',
      shell: '/bin/sh',
    });
    assert.deepEqual(doc.group!.app, { exists: true, gid: 1000 });
    const run = await cli(['audit', '-c', gen, '-t', target]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const port = await cli(['audit', 'add', '-t', target, 'port', 'tcp:22']);
    assert.equal(port.code, 0);
    assert.match(port.stderr, /port tcp:22: not added, needs a running system/);
    assert.deepEqual(parse(port.stdout), {});
  });
});
