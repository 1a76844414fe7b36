/**
 * Saved images audited with no container engine: real images built with podman (a busybox rootfs
 * whose last layer deletes a file and replaces a directory, an Alpine-style rootfs with an apk
 * database, a distroless-style image with no shell, a debootstrap'd Debian), saved as
 * docker-archive, oci-archive, an OCI layout with gzip or zstd layers and a gzipped archive, then
 * read by the CLI running with an empty PATH: no podman, no tar, no gzip can be called.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import {
  buildImage,
  debianRootfs,
  importRootfs,
  podman,
  podmanSkipReason,
  removeImages,
  saveImage,
  tinyRootfs,
  uniqueName,
} from '../harness/podman.ts';
import { repoRoot } from '../harness/runner.ts';
import { cli, type CliRun } from './helpers.ts';

interface JsonResult {
  type: string;
  id: string;
  property: string;
  status: string;
  expected: string | null;
  actual: string | null;
  reason?: string;
}

const skip = podmanSkipReason();

describe('image targets read saved images in-process', { skip }, () => {
  let dir: string;
  const images: string[] = [];
  const archives: Record<string, string> = {};
  /** An environment with nothing on PATH: any attempt to run podman, tar or gzip fails. */
  let bare: NodeJS.ProcessEnv;

  async function audit(target: string, controls: string, format = 'json'): Promise<CliRun & { results: JsonResult[] }> {
    const file = path.join(dir, `controls-${uniqueName('c')}.yaml`);
    await writeFile(file, controls);
    const run = await cli(['audit', '-c', file, '--target', target, '--format', format], { env: bare });
    let results: JsonResult[] = [];
    if (format === 'json' && run.stdout.trim().startsWith('{'))
      results = (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
    return { ...run, results };
  }

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-image-'));
    const empty = path.join(dir, 'empty-path');
    mkdirSync(empty);
    bare = { PATH: empty, HOME: dir };
    assert.notEqual(spawnSync('podman', ['--version'], { env: bare }).status, 0, 'podman must be unreachable');

    // 1. busybox base, then a last layer that whites out a file and replaces a directory.
    const base = await importRootfs(tinyRootfs(path.join(dir, 'tiny')), uniqueName('tt-audit-base'), []);
    images.push(base);
    const app = uniqueName('tt-audit-app');
    await buildImage({
      tag: app,
      containerfile: [
        `FROM ${base}`,
        'RUN mkdir -p /srv/old && echo old > /srv/old/file && echo keep > /srv/keep.conf && ln -s /tmp/telltale-host-only /srv/host-link',
        // The last layer: delete /etc/motd (a whiteout), replace /srv (opaque), add links.
        'RUN rm /etc/motd && rm -rf /srv && mkdir /srv && echo new > /srv/new.conf && ln /srv/new.conf /srv/hard.conf && ln -s ../srv/new.conf /etc/app-link && ln -s /../../../etc/passwd /srv/abs-link && ln -s ../../../../../tmp/telltale-host-only /srv/escape && chmod 0640 /srv/new.conf',
        'USER app',
        'ENV APP_MODE=prod LANG=C.UTF-8',
        'EXPOSE 8080/tcp 9090/udp',
        'WORKDIR /srv',
        'LABEL org.opencontainers.image.title=telltale-test',
        'ENTRYPOINT ["/bin/sh", "-c"]',
        'CMD ["sleep 1"]',
      ].join('\n'),
    });
    images.push(app);
    archives.docker = await saveImage(app, path.join(dir, 'app.docker.tar'), 'docker-archive');
    archives.oci = await saveImage(app, path.join(dir, 'app.oci.tar'), 'oci-archive');
    archives.ociDir = await saveImage(app, path.join(dir, 'app.oci-dir'), 'oci-dir');
    await podman(['push', '--compression-format', 'gzip', app, `oci:${path.join(dir, 'app.oci-gzip')}`]);
    archives.ociGzip = path.join(dir, 'app.oci-gzip');
    await podman(['push', '--compression-format', 'zstd', app, `oci:${path.join(dir, 'app.oci-zstd')}`]);
    archives.ociZstd = path.join(dir, 'app.oci-zstd');
    archives.dockerGz = path.join(dir, 'app.docker.tar.gz');
    await pipeline(createReadStream(archives.docker), zlib.createGzip(), createWriteStream(archives.dockerGz));

    // 2. Alpine-style: the same busybox plus an apk database.
    const alpineRoot = tinyRootfs(path.join(dir, 'alpine'));
    mkdirSync(path.join(alpineRoot, 'lib', 'apk', 'db'), { recursive: true });
    writeFileSync(
      path.join(alpineRoot, 'lib', 'apk', 'db', 'installed'),
      [
        'C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\nS:383152\nI:622592\nT:the musl c library\nL:MIT\no:musl\nF:lib\nR:ld-musl-x86_64.so.1\n',
        'C:Q1def=\nP:busybox\nV:1.36.1-r5\nA:x86_64\nT:Size optimized toolbox\nL:GPL-2.0-only\nD:so:libc.musl-x86_64.so.1\nF:bin\nR:busybox\n',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(alpineRoot, 'etc', 'os-release'), 'ID=alpine\nVERSION_ID=3.19.1\n');
    // And a real rpm database (made by rpm 4.18, see test/fixtures/audit/rpm/make.sh) where Fedora keeps it.
    mkdirSync(path.join(alpineRoot, 'usr/lib/sysimage/rpm'), { recursive: true });
    copyFileSync(
      path.join(repoRoot, 'test/fixtures/audit/rpm/rpmdb.sqlite'),
      path.join(alpineRoot, 'usr/lib/sysimage/rpm/rpmdb.sqlite'),
    );
    mkdirSync(path.join(alpineRoot, 'var/lib'), { recursive: true });
    symlinkSync('../../usr/lib/sysimage/rpm', path.join(alpineRoot, 'var/lib/rpm'));
    const alpine = await importRootfs(alpineRoot, uniqueName('tt-audit-alpine'), []);
    images.push(alpine);
    archives.alpine = await saveImage(alpine, path.join(dir, 'alpine.oci.tar'), 'oci-archive');

    // 3. Distroless-style: no shell, a nonroot user, dpkg's status.d instead of status.
    const dl = path.join(dir, 'distroless');
    for (const d of ['etc', 'var/lib/dpkg/status.d', 'app', 'tmp']) mkdirSync(path.join(dl, d), { recursive: true });
    writeFileSync(
      path.join(dl, 'etc', 'passwd'),
      'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n',
    );
    writeFileSync(path.join(dl, 'etc', 'group'), 'root:x:0:\nnonroot:x:65532:\n');
    writeFileSync(
      path.join(dl, 'var/lib/dpkg/status.d', 'base-files'),
      'Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\nMaintainer: Santiago Vila\n',
    );
    writeFileSync(
      path.join(dl, 'var/lib/dpkg/status.d', 'base-files.md5sums'),
      'd41d8cd98f00b204e9800998ecf8427e  etc/debian_version\n',
    );
    writeFileSync(
      path.join(dl, 'var/lib/dpkg/status.d', 'tzdata'),
      'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n',
    );
    spawnSync('cp', ['/bin/busybox', path.join(dl, 'app', 'server')]);
    const distroless = await importRootfs(dl, uniqueName('tt-audit-distroless'), [
      'USER 65532:65532',
      'ENTRYPOINT ["/app/server"]',
    ]);
    images.push(distroless);
    archives.distroless = await saveImage(distroless, path.join(dir, 'distroless.docker.tar'), 'docker-archive');
  });

  after(async () => {
    await removeImages(images);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const appControls = `
file:
  /etc/motd:
    title: removed by a whiteout in the last layer
    exists: false
  /srv/old:
    title: hidden by the opaque /srv of the last layer
    exists: false
  /srv/keep.conf:
    exists: false
  /srv/host-link:
    exists: false
  /srv/new.conf:
    exists: true
    filetype: file
    mode: "0640"
    contents: [new]
    sha256: 7aa7a5359173d05b63cfd682e3c38487f3cb4f7f1d60659fe59fab1505977d4c
  /srv/hard.conf:
    filetype: file
    contents: [new]
  /etc/app-link:
    filetype: symlink
    linked-to: ../srv/new.conf
    contents: [new]
  /srv/abs-link:
    filetype: symlink
    contents: ["/^app:x:1000:1000:/"]
  /srv/escape:
    title: a link that climbs out of the root stays inside the image
    filetype: symlink
    size: 0
  /bin/sh:
    filetype: symlink
    linked-to: busybox
    mode: "0777" # the link's own mode (lstat), as Goss reports a symlink
  /srv/app.conf:
    exists: false
user:
  app:
    exists: true
    uid: 1000
    gid: 1000
    home: /home/app
    shell: /bin/sh
    groups: [app]
  nobody:
    exists: false
group:
  app:
    gid: 1000
package:
  busybox:
    title: this busybox image has no package database, so this cannot be checked (an error, never a pass)
    installed: false
port:
  tcp:8080:
    listening: true
process:
  sleep:
    running: true
command:
  echo hi:
    exit-status: 0
image:
  user: app
  env: {APP_MODE: prod, LANG: {have-prefix: C.}}
  exposed-ports: [8080/tcp, 9090/udp]
  entrypoint: [/bin/sh, -c]
  cmd: [sleep 1]
  workdir: /srv
  labels: {org.opencontainers.image.title: telltale-test}
`;

  function checkApp(run: CliRun & { results: JsonResult[] }) {
    const wrong = run.results.filter(
      (r) =>
        r.status !== 'passed' &&
        !(['port', 'process', 'command'].includes(r.type) && r.status === 'skipped') &&
        !(r.type === 'package' && r.status === 'error' && /no package database/.test(r.reason ?? '')),
    );
    assert.deepEqual(
      wrong.map((r) => `${r.type} ${r.id} ${r.property}: ${r.status} ${r.actual ?? r.reason ?? ''}`),
      [],
      run.stderr,
    );
    for (const type of ['port', 'process', 'command']) {
      const r = run.results.find((x) => x.type === type)!;
      assert.equal(r.status, 'skipped');
      assert.match(r.reason ?? '', /needs a running system/);
    }
    assert.equal(run.results.find((r) => r.type === 'package')?.status, 'error');
    assert.equal(run.code, 1, run.stderr); // the package control could not be checked
  }

  for (const [label, key, prefix] of [
    ['docker-archive (podman save)', 'docker', 'image'],
    ['docker-archive gzipped as a whole', 'dockerGz', 'image'],
    ['oci-archive', 'oci', 'oci'],
    ['OCI layout directory', 'ociDir', 'oci'],
    ['OCI layout with gzip layers', 'ociGzip', 'oci'],
    ['OCI layout with zstd layers', 'ociZstd', 'oci'],
  ] as const) {
    it(`${label}: whiteouts, opaque directories, hard links, links kept inside the root, the image config`, async () => {
      checkApp(await audit(`${prefix}:${archives[key]!}`, appControls));
    });
  }

  it('the zstd layout really holds zstd layers, and the gzip one gzip layers', async () => {
    for (const [key, magic] of [
      ['ociZstd', '28b52ffd'],
      ['ociGzip', '1f8b'],
    ] as const) {
      const index = JSON.parse(await readFile(path.join(archives[key]!, 'index.json'), 'utf8')) as {
        manifests: { digest: string }[];
      };
      const blob = (d: string) => path.join(archives[key]!, 'blobs', ...d.split(':'));
      const manifest = JSON.parse(await readFile(blob(index.manifests[0]!.digest), 'utf8')) as {
        layers: { digest: string }[];
      };
      const head = (await readFile(blob(manifest.layers.at(-1)!.digest))).subarray(0, 4).toString('hex');
      assert.ok(head.startsWith(magic), `${key} layer starts ${head}`);
    }
  });

  it('the last layer really holds a whiteout and an opaque directory (as GNU tar lists it)', async () => {
    const layout = archives.ociDir!;
    const index = JSON.parse(await readFile(path.join(layout, 'index.json'), 'utf8')) as {
      manifests: { digest: string }[];
    };
    const blob = (d: string) => path.join(layout, 'blobs', ...d.split(':'));
    const manifest = JSON.parse(await readFile(blob(index.manifests[0]!.digest), 'utf8')) as {
      layers: { digest: string }[];
    };
    const listing = spawnSync('tar', ['-tf', blob(manifest.layers.at(-1)!.digest)], { encoding: 'utf8' }).stdout;
    assert.match(listing, /^(\.\/)?etc\/\.wh\.motd$/m);
    assert.match(listing, /^(\.\/)?srv\/\.wh\.\.wh\.\.opq$/m);
    assert.match(listing, /^(\.\/)?srv\/hard\.conf$/m);
  });

  it('a failing image control shows what the image has', async () => {
    const run = await audit(
      `image:${archives.docker!}`,
      'image:\n  user: root\n  env: {APP_MODE: dev}\nfile:\n  /etc/motd:\n    exists: true\n',
    );
    assert.equal(run.code, 1);
    const byProp = Object.fromEntries(run.results.map((r) => [`${r.type}.${r.property}`, r]));
    assert.equal(byProp['image.user']?.actual, '"app"');
    assert.equal(byProp['image.env']?.actual, 'APP_MODE="prod"');
    assert.equal(byProp['file.exists']?.actual, 'false');
  });

  it('Alpine-style: packages from the apk database, and from an rpmdb.sqlite, in an oci-archive', async () => {
    const run = await audit(
      `oci:${archives.alpine!}`,
      'package:\n  musl:\n    installed: true\n    versions: [1.2.4-r2]\n  busybox:\n    versions: {contain-element: {have-prefix: "1.36"}}\n  bash:\n    installed: false\n  telltale-tiny:\n    versions: [1.2.3-4]\n  telltale-big:\n    versions: [0.9-1]\nfile:\n  /etc/os-release:\n    contents: [ID=alpine]\n',
    );
    assert.deepEqual(
      run.results.map((r) => `${r.id} ${r.property} ${r.status}`),
      [
        'musl installed passed',
        'musl versions passed',
        'busybox versions passed',
        'bash installed passed',
        'telltale-tiny versions passed',
        'telltale-big versions passed',
        '/etc/os-release contents passed',
      ],
      run.stderr,
    );
  });

  it('distroless-style (no shell): dpkg status.d, the nonroot user, no /bin/sh, the entrypoint', async () => {
    const run = await audit(
      `image:${archives.distroless!}`,
      'package:\n  base-files:\n    installed: true\n    versions: [12.4+deb12u5]\n  tzdata:\n    installed: true\nuser:\n  nonroot:\n    uid: 65532\n    shell: /sbin/nologin\nfile:\n  /bin/sh:\n    exists: false\n  /app/server:\n    mode: "0755"\nimage:\n  user: "65532:65532"\n  entrypoint: [/app/server]\n',
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.results.filter((r) => r.status === 'passed').length, 9);
  });

  it('the documentation format prints the same audit for a person', async () => {
    const run = await audit(`image:${archives.docker!}`, appControls, 'documentation');
    assert.match(run.stdout, /^Audit of image .*app\.docker\.tar\n/);
    assert.match(run.stdout, /\nfile \/etc\/motd — removed by a whiteout in the last layer\n {2}exists false\n/);
    assert.match(run.stdout, /\n {2}listening \(SKIPPED: needs a running system; this target has none\)\n/);
  });

  it('a path that is not an image is an input error (exit 2) naming it', async () => {
    await writeFile(path.join(dir, 'not-an-image.tar'), 'hello');
    const run = await audit(`image:${path.join(dir, 'not-an-image.tar')}`, 'user:\n  root: {exists: true}\n');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not-an-image\.tar: neither a docker-archive \(no manifest\.json\) nor an OCI layout/);
    const missing = await audit(`oci:${path.join(dir, 'nowhere')}`, 'user:\n  root: {exists: true}\n');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nowhere: cannot open the image: ENOENT/);
  });

  describe('a debootstrapped Debian image', () => {
    let archive: string;
    let expected: Map<string, string>;
    before(async () => {
      const rootfs = await debianRootfs();
      const tag = await importRootfs(rootfs, uniqueName('tt-audit-debian'), []);
      images.push(tag);
      archive = await saveImage(tag, path.join(dir, 'debian.docker.tar'), 'docker-archive');
      // What dpkg itself says is installed in that rootfs.
      const q = spawnSync('dpkg-query', [`--admindir=${rootfs}/var/lib/dpkg`, '-W', '-f', '${Package} ${Version}\n'], {
        encoding: 'utf8',
      });
      expected = new Map(
        q.stdout
          .trim()
          .split('\n')
          .map((l) => l.split(' ') as [string, string]),
      );
    });
    it('every package dpkg-query lists is installed at its version, read from /var/lib/dpkg/status', async () => {
      assert.ok(expected.size > 50, `dpkg-query listed ${expected.size} packages`);
      const lines = ['package:'];
      for (const [name, version] of expected)
        lines.push(`  ${name}:`, '    installed: true', `    versions: ["${version}"]`);
      lines.push(
        '  telltale-not-a-package:',
        '    installed: false',
        'user:',
        '  _apt:',
        '    exists: true',
        '    shell: /usr/sbin/nologin',
      );
      lines.push(
        'file:',
        '  /etc/debian_version:',
        '    contents: ["/^12\\\\./"]',
        '  /bin:',
        '    filetype: symlink',
        '    linked-to: usr/bin',
      );
      lines.push('  /bin/bash:', '    filetype: file', '    mode: "0755"');
      const run = await audit(`image:${archive}`, `${lines.join('\n')}\n`);
      const wrong = run.results.filter((r) => r.status !== 'passed');
      assert.deepEqual(
        wrong.map((r) => `${r.id} ${r.property} ${r.actual ?? r.reason ?? ''}`),
        [],
        run.stderr,
      );
      assert.equal(run.results.length, expected.size * 2 + 1 + 2 + 1 + 2 + 2);
    });
  });
});
