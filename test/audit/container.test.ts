/**
 * Running podman containers audited through the engine's CLI: a busybox container with a listener,
 * and a distroless-style one with no shell, whose files come from `podman export` and whose sockets
 * and processes are read on the host under /proc/<pid>. Then `docker-image:REF`, saved and read.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  importRootfs,
  podman,
  podmanSkipReason,
  removeContainers,
  removeImages,
  tinyRootfs,
  uniqueName,
} from '../harness/podman.ts';
import { cli } from './helpers.ts';

interface JsonResult {
  type: string;
  id: string;
  property: string;
  status: string;
  actual: string | null;
  reason?: string;
}

describe('container and docker-image targets through podman', { skip: podmanSkipReason() }, () => {
  let dir: string;
  const images: string[] = [];
  const containers: string[] = [];
  let busy: string;
  let distroless: string;
  let busyImage: string;

  async function audit(target: string, controls: string, extra: string[] = []) {
    const file = path.join(dir, `${uniqueName('controls')}.yaml`);
    await writeFile(file, controls);
    const run = await cli(['audit', '-c', file, '--target', target, '--format', 'json', ...extra]);
    const results = run.stdout.trim().startsWith('{')
      ? (JSON.parse(run.stdout) as { results: JsonResult[] }).results
      : [];
    return { ...run, results };
  }
  const lines = (rs: JsonResult[]) =>
    rs.map(
      (r) =>
        `${r.type} ${r.id} ${r.property}: ${r.status}${r.status === 'passed' ? '' : ` ${r.actual ?? r.reason ?? ''}`}`,
    );

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-container-'));
    busyImage = await importRootfs(tinyRootfs(path.join(dir, 'busy')), uniqueName('tt-audit-busy'));
    images.push(busyImage);
    busy = uniqueName('tt-audit-busy-c');
    containers.push(busy);
    await podman([
      'run',
      '-d',
      '--name',
      busy,
      '--network',
      'none',
      busyImage,
      '/bin/sh',
      '-c',
      'nc -l -p 8080 & exec sleep 300',
    ]);

    const root = path.join(dir, 'distroless');
    for (const d of ['etc', 'app', 'tmp']) mkdirSync(path.join(root, d), { recursive: true });
    writeFileSync(
      path.join(root, 'etc', 'passwd'),
      'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n',
    );
    writeFileSync(path.join(root, 'etc', 'group'), 'root:x:0:\nnonroot:x:65532:\n');
    // busybox runs the applet named by argv[0]: /app/sleep is `sleep`, and there is no shell at all.
    copyFileSync('/bin/busybox', path.join(root, 'app', 'sleep'));
    const dlImage = await importRootfs(root, uniqueName('tt-audit-dl'));
    images.push(dlImage);
    distroless = uniqueName('tt-audit-dl-c');
    containers.push(distroless);
    await podman([
      'run',
      '-d',
      '--name',
      distroless,
      '--network',
      'none',
      '--user',
      '65532',
      dlImage,
      '/app/sleep',
      '300',
    ]);
  });

  after(async () => {
    await removeContainers(containers);
    await removeImages(images);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('busybox container: files from the export, the listener and processes from /proc/<pid>, a command via exec', async () => {
    // nc may need a moment to bind.
    let run = await audit(`container:${busy}`, 'port:\n  tcp:8080:\n    listening: true\n');
    for (let i = 0; i < 20 && run.results[0]?.status !== 'passed'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      run = await audit(`container:${busy}`, 'port:\n  tcp:8080:\n    listening: true\n');
    }
    run = await audit(
      `container:${busy}`,
      [
        'port:',
        // busybox nc binds the dual-stack [::], which serves IPv4 too.
        '  tcp:8080: {listening: true, ip: ["::"]}',
        '  tcp:22: {listening: false}',
        'process:',
        '  sleep: {running: true}',
        '  nc: {running: true}',
        '  sshd: {running: false}',
        'file:',
        '  /srv/app.conf: {exists: true, contents: [listen = 8080]}',
        '  /bin/sh: {filetype: symlink, linked-to: busybox}',
        'user:',
        '  app: {uid: 1000}',
        'command:',
        '  id -u: {exit-status: 0, stdout: ["/^0$/"]}',
        'mount:',
        '  /: {exists: true}',
        'http:',
        '  http://127.0.0.1:8080/: {status: 200}',
        '',
      ].join('\n'),
    );
    assert.equal(run.code, 0, `${run.stderr}\n${lines(run.results).join('\n')}`);
    const http = run.results.find((r) => r.type === 'http')!;
    assert.equal(http.status, 'skipped');
    assert.match(http.reason ?? '', /sent from the host, not from inside the container/);
    assert.equal(run.results.filter((r) => r.status === 'passed').length, run.results.length - 1);
  });

  it('distroless container (no shell): files, user and process still checked; a command fails with the reason', async () => {
    const run = await audit(
      `container:${distroless}`,
      [
        'file:',
        '  /bin/sh: {exists: false}',
        '  /app/sleep: {filetype: file, mode: "0755"}',
        'user:',
        '  nonroot: {uid: 65532, shell: /sbin/nologin}',
        'process:',
        '  sleep: {running: true}',
        'image:',
        '  user: "65532"',
        'command:',
        '  true: {exit-status: 0}',
        '',
      ].join('\n'),
      ['--engine', 'podman'],
    );
    assert.equal(run.code, 1);
    assert.deepEqual(
      lines(run.results).filter((l) => !l.endsWith(': passed')),
      [lines(run.results).find((l) => l.startsWith('command true exit-status: failed'))],
    );
    assert.equal(run.results.filter((r) => r.status === 'passed').length, 7);
  });

  it('docker-image:REF saves the image through the engine and reads it like image:', async () => {
    const run = await audit(
      `docker-image:${busyImage}`,
      'file:\n  /etc/motd: {contents: [welcome]}\nport:\n  tcp:8080: {listening: true}\n',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(lines(run.results), [
      'file /etc/motd contents: passed',
      'port tcp:8080 listening: skipped needs a running system; this target has none',
    ]);
  });

  it('an unknown container or engine is an input error', async () => {
    const run = await audit('container:telltale-no-such-container', 'user:\n  root: {exists: true}\n');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no container engine knows container 'telltale-no-such-container'/);
    const bad = await audit(`container:${busy}`, 'user:\n  root: {exists: true}\n', ['--engine', 'lxc']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown engine 'lxc'/);
  });
});
