/**
 * Paths stay inside the image. An OCI layout or docker-archive manifest that names `../x`, an
 * absolute path or a digest that is not `sha256:<64 hex>`, a layout whose files are links to
 * outside it, a layer entry that climbs out of the root: an input error (exit 2) that never echoes
 * a byte of the file outside. A symlink climbing out of the rootfs resolves inside the image root,
 * as it would in the container.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BASE, handled, ociLayout, runCli, tarOf, type BoundedRun } from './trust-images.ts';

const SECRET = 'TELLTALE-OUTSIDE-SECRET-7f3a';

describe('paths in a hostile image stay inside it', () => {
  let dir: string;
  let outside: string;
  let n = 0;
  const fresh = () => path.join(dir, `case-${++n}`);

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-trust-paths-'));
    outside = path.join(dir, 'outside');
    mkdirSync(outside);
    // Looks like every file an image reader wants: a manifest, a config, a tar.
    writeFileSync(path.join(outside, 'secret'), `{"${SECRET}": "root:x:0:0:${SECRET}"}\n`);
    writeFileSync(path.join(dir, 'controls.yaml'), 'user:\n  root:\n    exists: true\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function layerFile(entries = BASE): Promise<string> {
    const f = path.join(dir, `layer-${++n}.tar`);
    writeFileSync(f, tarOf(entries));
    return f;
  }
  const audit = (target: string, controls = path.join(dir, 'controls.yaml')) =>
    runCli(['audit', '-c', controls, '--target', target, '--format', 'json'], { timeoutMs: 60_000 });

  function inputError(run: BoundedRun, message: RegExp) {
    assert.deepEqual(handled(run), []);
    assert.equal(run.code, 2, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, message);
    assert.ok(!`${run.stdout}${run.stderr}`.includes(SECRET), `echoed bytes from outside:\n${run.stderr}`);
  }

  it('the well-formed layout these cases start from passes', async () => {
    const run = await audit(`oci:${await ociLayout(fresh(), [await layerFile()])}`);
    assert.deepEqual(handled(run), []);
    assert.equal(run.code, 0, run.stderr);
  });

  for (const [label, digest] of [
    ['climbs out with ..', 'sha256:../../../outside/secret'],
    ['is an absolute path', '/etc/passwd'],
    ['is too short', 'sha256:abcd'],
    ['names an unknown algorithm', `md5:${'a'.repeat(32)}`],
    ['is upper-case hex', `sha256:${'A'.repeat(64)}`],
  ] as const) {
    it(`index.json whose manifest digest ${label}: input error`, async () => {
      const layout = await ociLayout(fresh(), [await layerFile()], {
        index: (i) => ({ ...i, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest }] }),
      });
      inputError(await audit(`oci:${layout}`), /malformed digest/);
    });
  }

  it('a manifest whose layer digest climbs out: input error', async () => {
    const layout = await ociLayout(fresh(), [await layerFile()], {
      manifest: (m) => ({ ...m, layers: [{ digest: `sha256:${'0'.repeat(60)}/../../outside/secret` }] }),
    });
    inputError(await audit(`oci:${layout}`), /malformed digest/);
  });

  for (const [label, layers] of [
    ['a relative path climbing out', ['../outside/secret']],
    ['an absolute path', ['/etc/passwd']],
    ['a path that climbs back in', ['blobs/../../outside/secret']],
  ] as const) {
    it(`a docker manifest.json whose Layers entry is ${label}: input error`, async () => {
      const layout = fresh();
      mkdirSync(layout);
      writeFileSync(path.join(layout, 'manifest.json'), JSON.stringify([{ Config: 'config.json', Layers: layers }]));
      writeFileSync(path.join(layout, 'config.json'), '{}');
      inputError(await audit(`image:${layout}`), /manifest\.json Layers\[0\] .* (climbs out|not a relative path)/);
    });
  }

  it('a docker manifest.json whose Config climbs out: input error', async () => {
    const layout = fresh();
    mkdirSync(layout);
    writeFileSync(path.join(layout, 'manifest.json'), JSON.stringify([{ Config: '../outside/secret', Layers: [] }]));
    inputError(await audit(`image:${layout}`), /Config .* climbs out/);
  });

  it('a layer blob that is a symlink to a file outside the layout: input error, its bytes never shown', async () => {
    const layout = await ociLayout(fresh(), [await layerFile()]);
    const blobs = path.join(layout, 'blobs', 'sha256');
    // Replace every blob that is a tar (the layer) by a link to the secret.
    for (const name of readdirSync(blobs)) {
      const full = path.join(blobs, name);
      if (tarOf(BASE).subarray(0, 100).equals(readFileSync(full).subarray(0, 100))) {
        rmSync(full);
        symlinkSync(path.join(outside, 'secret'), full);
      }
    }
    inputError(await audit(`oci:${layout}`), /link to a file outside/);
  });

  it('index.json itself a link to a file outside: input error, not its contents', async () => {
    const layout = await ociLayout(fresh(), [await layerFile()]);
    rmSync(path.join(layout, 'index.json'));
    symlinkSync(path.join(outside, 'secret'), path.join(layout, 'index.json'));
    inputError(await audit(`oci:${layout}`), /index\.json.* link to a file outside/);
  });

  it('the blobs directory a link to a directory outside: input error', async () => {
    const layout = await ociLayout(fresh(), [await layerFile()]);
    const moved = path.join(dir, `moved-${n}`);
    renameSync(path.join(layout, 'blobs'), moved);
    symlinkSync(moved, path.join(layout, 'blobs'));
    inputError(await audit(`oci:${layout}`), /link to a file outside/);
  });

  it('index.json that is not JSON: the message does not quote it', async () => {
    const layout = await ociLayout(fresh(), [await layerFile()]);
    writeFileSync(path.join(layout, 'index.json'), `root:x:0:0:${SECRET}\n`);
    inputError(await audit(`oci:${layout}`), /index\.json is not JSON/);
  });

  for (const [label, entry] of [
    ['a file named ../escape', { name: '../escape', body: 'x' }],
    ['a file named etc/../../escape', { name: 'etc/../../escape', body: 'x' }],
    ['a hard link to ../../etc/passwd', { name: 'etc/hard', type: '1' as const, linkname: '../../etc/passwd' }],
  ] as const) {
    it(`a layer entry that is ${label}: input error, as a container engine refuses such a layer`, async () => {
      const layout = await ociLayout(fresh(), [await layerFile([...BASE, entry])]);
      inputError(await audit(`oci:${layout}`), /climbs out of the image root/);
    });
  }

  it('names that only look odd (a/../b, ./x, //x) stay legal and land where the kernel puts them', async () => {
    const layout = await ociLayout(fresh(), [
      await layerFile([
        ...BASE,
        { name: 'srv/a/../b.conf', body: 'b\n' },
        { name: './srv/c.conf', body: 'c\n' },
        { name: 'srv//d.conf', body: 'd\n' },
      ]),
    ]);
    const controls = path.join(dir, `controls-${n}.yaml`);
    writeFileSync(
      controls,
      'file:\n  /srv/b.conf: {contents: [b]}\n  /srv/c.conf: {contents: [c]}\n  /srv/d.conf: {contents: [d]}\n  /srv/a: {exists: false}\n',
    );
    const run = await audit(`oci:${layout}`, controls);
    assert.deepEqual(handled(run), []);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  });

  it('symlinks climbing out of the rootfs resolve inside the image root, never to the host', async () => {
    const layout = await ociLayout(fresh(), [
      await layerFile([
        ...BASE,
        { name: 'srv/', type: '5' },
        { name: 'srv/up', type: '2', linkname: `../../../../../../../..${outside}/secret` },
        { name: 'srv/abs', type: '2', linkname: `${outside}/secret` },
        { name: 'srv/passwd', type: '2', linkname: '../../../../../etc/passwd' },
      ]),
    ]);
    const controls = path.join(dir, `controls-${n}.yaml`);
    writeFileSync(
      controls,
      [
        'file:',
        '  /srv/up: {filetype: symlink, contents: ["/TELLTALE/"]}',
        '  /srv/abs: {filetype: symlink, contents: ["/TELLTALE/"]}',
        '  /srv/passwd: {contents: ["/^app:x:1000/"]}',
        '',
      ].join('\n'),
    );
    const run = await audit(`oci:${layout}`, controls);
    assert.deepEqual(handled(run), []);
    assert.equal(run.code, 1, run.stderr);
    const results = (JSON.parse(run.stdout) as { results: { id: string; property: string; status: string }[] }).results;
    const status = (id: string, p: string) => results.find((r) => r.id === id && r.property === p)?.status;
    // The outside file is not in the image: the links dangle inside it, and contents cannot pass.
    assert.equal(status('/srv/up', 'filetype'), 'passed');
    assert.notEqual(status('/srv/up', 'contents'), 'passed');
    assert.notEqual(status('/srv/abs', 'contents'), 'passed');
    // `..` past the root stays at the root: the image's own /etc/passwd.
    assert.equal(status('/srv/passwd', 'contents'), 'passed');
    assert.ok(!run.stdout.includes(SECRET));
  });

  it('a target that is a device or a FIFO is refused, not read forever', async () => {
    const run = await audit('image:/dev/zero');
    assert.deepEqual(handled(run), []);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /neither a regular file nor a directory/);
  });
});
