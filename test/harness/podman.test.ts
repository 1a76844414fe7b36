// The podman harness builds, saves and runs real images offline.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  buildImage,
  debianRootfs,
  importRootfs,
  podman,
  podmanSkipReason,
  removeContainers,
  removeImages,
  saveImage,
  tinyRootfs,
  uniqueName,
} from './podman.ts';

const skip = podmanSkipReason();

describe('podman harness', { skip }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-podman-test-'));
  const base = uniqueName('tt-base');
  const app = uniqueName('tt-app');
  const container = uniqueName('tt-run');
  after(async () => {
    await removeContainers([container]);
    await removeImages([app, base]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a hand-made rootfs imports, builds with a deleting layer, saves in both formats and runs', async () => {
    await importRootfs(tinyRootfs(dir), base);
    await buildImage({
      tag: app,
      containerfile: `FROM localhost/${base}\nRUN rm /etc/motd && mkdir -p /srv/data && echo ok > /srv/data/x\nUSER app\nEXPOSE 8080\nLABEL org.example.team=infra\n`,
    });

    const docker = await saveImage(app, path.join(dir, 'app.docker.tar'), 'docker-archive');
    const oci = await saveImage(app, path.join(dir, 'app.oci.tar'), 'oci-archive');
    const dockerList = spawnSync('tar', ['-tf', docker], { encoding: 'utf8' }).stdout;
    assert.match(dockerList, /manifest\.json/);
    const ociList = spawnSync('tar', ['-tf', oci], { encoding: 'utf8' }).stdout;
    assert.match(ociList, /oci-layout/);
    assert.match(ociList, /index\.json/);

    const config = JSON.parse(await podman(['image', 'inspect', app]))[0];
    assert.equal(config.Config.User, 'app');
    assert.equal(config.Config.Labels['org.example.team'], 'infra');
    assert.equal(config.RootFS.Layers.length, 2, 'the base layer and the layer that deletes /etc/motd');

    await podman(['run', '-d', '--name', container, '--network', 'none', app, 'sleep', '30']);
    const out = await podman(['exec', container, 'sh', '-c', 'id -un; cat /srv/data/x; ls /etc/motd 2>&1 || true']);
    assert.match(out, /^app\nok\n.*No such file/s);
  });

  test('debootstrap makes a real Debian rootfs with a dpkg database, cached for the next caller', async () => {
    const rootfs = await debianRootfs();
    const status = spawnSync('grep', ['-c', '^Package: ', path.join(rootfs, 'var/lib/dpkg/status')], {
      encoding: 'utf8',
    });
    assert.ok(Number(status.stdout) > 50, `dpkg status lists ${status.stdout.trim()} packages`);
    assert.equal(await debianRootfs(), rootfs, 'the second call reuses the cache');
  });
});
