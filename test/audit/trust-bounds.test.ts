/**
 * Bounded in time and memory, whatever the image. Layers that decompress to gigabytes (gzip and
 * zstd bombs, at layer and at archive level), 150k small files, 100k whiteouts over 100k files, a
 * compressed archive of many large members, tar headers that lie about sizes, NUL-filled files:
 * each is run through the CLI under /usr/bin/time, and each must end with exit 0/1/2 and a message,
 * no stack trace, within a time limit and under a peak-memory bound. The worst peak is printed.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BASE,
  handled,
  ociLayout,
  runCli,
  tarHeader,
  tarOf,
  tarStream,
  writeLayer,
  zeros,
  type BoundedRun,
  type TarSpec,
} from './trust-images.ts';

/** Peak RSS allowed for any case, node and tsx included (a bare `telltale --version` is ~110 MB). */
const PEAK_MB = 300;
const GiB = 1024 * 1024 * 1024;

describe('hostile images are read in bounded time and memory', () => {
  let dir: string;
  let n = 0;
  const peaks: [string, number, number][] = [];

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-trust-bounds-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    const worst = [...peaks].sort((a, b) => b[1] - a[1])[0];
    for (const [label, mb, ms] of peaks) console.log(`# peak ${mb.toFixed(0)} MB, ${ms} ms: ${label}`);
    if (worst) console.log(`# worst peak RSS: ${worst[1].toFixed(0)} MB (${worst[0]})`);
  });

  async function audit(label: string, target: string, controls: string, timeoutMs = 120_000) {
    const file = path.join(dir, `controls-${++n}.yaml`);
    writeFileSync(file, controls);
    const run = await runCli(['audit', '-c', file, '--target', target, '--format', 'json'], { timeoutMs });
    peaks.push([label, run.peakMb, run.ms]);
    bounded(run, timeoutMs);
    const results = run.stdout.trim().startsWith('{')
      ? (JSON.parse(run.stdout) as { results: { id: string; property: string; status: string; reason?: string }[] })
          .results
      : [];
    return { ...run, at: (id: string, p: string) => results.find((r) => r.id === id && r.property === p) };
  }

  function bounded(run: BoundedRun, timeoutMs: number) {
    assert.deepEqual(handled(run), []);
    assert.ok(run.ms < timeoutMs, `took ${run.ms} ms`);
    assert.ok(run.peakMb < PEAK_MB, `peak RSS ${run.peakMb.toFixed(0)} MB`);
  }

  const accounts = 'user:\n  app:\n    uid: 1000\n';

  for (const [compression, size] of [
    ['gzip', 2],
    ['zstd', 4],
  ] as const) {
    it(`a ${compression} layer that decompresses to ${size} GiB of zeros: streamed, accounts read, the bomb "too large"`, async () => {
      const f = path.join(dir, `bomb-${++n}.tar.${compression}`);
      await writeLayer(f, tarStream(BASE, [{ name: 'srv/bomb', size: size * GiB }]), compression);
      const run = await audit(
        `${compression} bomb layer (${size} GiB)`,
        `oci:${await ociLayout(path.join(dir, `image-${n}`), [f])}`,
        `${accounts}file:\n  /srv/bomb:\n    sha256: "00"\n`,
        180_000,
      );
      assert.equal(run.code, 1);
      assert.equal(run.at('app', 'uid')?.status, 'passed');
      assert.equal(run.at('/srv/bomb', 'sha256')?.status, 'error');
      assert.match(run.at('/srv/bomb', 'sha256')?.reason ?? '', /too large/);
    });
  }

  it('a gzipped docker-archive whose layer holds 2 GiB of zeros (the bomb at archive level)', async () => {
    const layer = tarOf(BASE);
    const archive = path.join(dir, `archive-${++n}.tar.gz`);
    const manifest = JSON.stringify([{ Config: 'config.json', Layers: ['big/layer.tar', 'base/layer.tar'] }]);
    async function* members(): AsyncGenerator<Buffer> {
      yield tarOf([
        { name: 'config.json', body: '{"config":{}}' },
        { name: 'base/layer.tar', body: layer },
      ]).subarray(0, -1024);
      // The big layer: a tar holding one 3 GiB file, written as one archive member.
      const inner = 2 * GiB;
      const innerTar = 512 + inner + 1024;
      yield tarHeader({ name: 'big/layer.tar', size: innerTar });
      yield tarHeader({ name: 'srv/bomb', size: inner });
      yield* zeros(inner);
      yield Buffer.alloc(1024);
      yield tarOf([{ name: 'manifest.json', body: manifest }]);
    }
    await writeLayer(archive, members(), 'gzip');
    const run = await audit('gzip bomb archive (2 GiB layer)', `image:${archive}`, accounts, 180_000);
    assert.equal(run.code, 0, run.stderr);
  });

  it('150k small files in one gzip layer: indexed within the memory bound, a file among them read', async () => {
    const f = path.join(dir, `many-${++n}.tar.gz`);
    async function* tar(): AsyncGenerator<Buffer> {
      yield tarOf(BASE).subarray(0, -1024);
      for (let i = 0; i < 150_000; i++)
        yield tarOf([{ name: `usr/share/many/d${i % 300}/f${i}`, body: `file ${i}\n` }]).subarray(0, -1024);
      yield Buffer.alloc(1024);
    }
    await writeLayer(f, tar(), 'gzip');
    const run = await audit(
      '150k small files',
      `oci:${await ociLayout(path.join(dir, `image-${n}`), [f])}`,
      `${accounts}file:\n  /usr/share/many/d7/f149707:\n    contents: [file 149707]\n`,
    );
    assert.equal(run.code, 0, run.stdout);
  });

  it('100k whiteouts over 100k files: linear, and the merge is right', async () => {
    const files = 100_000;
    const lower = path.join(dir, `lower-${++n}.tar`);
    const upper = path.join(dir, `upper-${n}.tar`);
    async function* tar(make: (i: number) => TarSpec, head: TarSpec[]): AsyncGenerator<Buffer> {
      yield tarOf(head).subarray(0, -1024);
      for (let i = 0; i < files; i++) yield tarOf([make(i)]).subarray(0, -1024);
      yield Buffer.alloc(1024);
    }
    await writeLayer(
      lower,
      tar((i) => ({ name: `data/f${i}`, body: 'x' }), BASE),
      'none',
    );
    // Every file but the last is whited out; one more whiteout names a path that never existed.
    await writeLayer(
      upper,
      tar((i) => ({ name: i === files - 1 ? 'data/.wh.never-there' : `data/.wh.f${i}` }), []),
      'none',
    );
    const run = await audit(
      '100k whiteouts',
      `oci:${await ociLayout(path.join(dir, `image-${n}`), [lower, upper])}`,
      'file:\n  /data/f0:\n    exists: false\n  /data/f50000:\n    exists: false\n  /data/f99999:\n    exists: true\n',
      60_000,
    );
    assert.equal(run.code, 0, run.stdout);
  });

  it('a gzipped archive of 200 large members that are neither JSON nor tar: refused with a message, bounded', async () => {
    const archive = path.join(dir, `members-${++n}.tar.gz`);
    async function* tar(): AsyncGenerator<Buffer> {
      const junk = Buffer.alloc(1024 * 1024, 0x5a);
      for (let i = 0; i < 200; i++) yield tarOf([{ name: `junk/${i}`, body: junk }]).subarray(0, -1024);
      yield Buffer.alloc(1024);
    }
    await writeLayer(archive, tar(), 'gzip');
    const run = await audit('200 × 1 MiB junk members', `image:${archive}`, accounts);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /more than \d+ bytes of manifests and configs/);
  });

  for (const [label, header, message] of [
    [
      'a pax header claiming 10 GB',
      Buffer.concat([tarHeader({ name: 'pax', type: 'x', size: 10_000_000_000 })]),
      /extended header claims/,
    ],
    ['a size past 2^53 (GNU base-256)', tarHeader({ name: 'huge', size: 2 ** 60 }), /unreadable size|ends/],
  ] as const) {
    it(`a layer with ${label}: an input error, nothing allocated for it`, async () => {
      const f = path.join(dir, `lying-${++n}.tar`);
      writeFileSync(f, Buffer.concat([tarOf(BASE).subarray(0, -1024), header, Buffer.alloc(4096)]));
      const run = await audit(label, `oci:${await ociLayout(path.join(dir, `image-${n}`), [f])}`, accounts);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
    });
  }

  it('NUL-filled files: /etc/passwd of NULs, a layer of NULs, an index.json of NULs', async () => {
    const nulPasswd = path.join(dir, `nul-${++n}.tar`);
    writeFileSync(
      nulPasswd,
      tarOf([...BASE.filter((e) => e.name !== 'etc/passwd'), { name: 'etc/passwd', body: Buffer.alloc(1024 * 1024) }]),
    );
    const a = await audit(
      'NUL /etc/passwd',
      `oci:${await ociLayout(path.join(dir, `image-${n}`), [nulPasswd])}`,
      accounts,
    );
    assert.equal(a.code, 1); // no such user in a file of NULs: a failure, not a crash
    assert.equal(a.at('app', 'uid')?.status, 'failed');

    const nulLayer = path.join(dir, `nul-layer-${++n}.tar`);
    writeFileSync(nulLayer, Buffer.alloc(1024 * 1024));
    const b = await audit('NUL layer', `oci:${await ociLayout(path.join(dir, `image-${n}`), [nulLayer])}`, accounts);
    assert.equal(b.code, 1); // an empty layer: no accounts

    const layout = await ociLayout(path.join(dir, `image-${++n}`), [nulPasswd]);
    writeFileSync(path.join(layout, 'index.json'), Buffer.alloc(4096));
    const c = await audit('NUL index.json', `oci:${layout}`, accounts);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /index\.json is not JSON/);
  });

  it('an archive cut short in the middle of a layer: an input error', async () => {
    const f = path.join(dir, `cut-${++n}.tar`);
    const full = tarOf([...BASE, { name: 'srv/data', body: Buffer.alloc(100_000, 0x61) }]);
    writeFileSync(f, full.subarray(0, full.length - 60_000));
    const layout = await ociLayout(path.join(dir, `image-${n}`), [f]);
    const run = await audit('truncated layer', `oci:${layout}`, `${accounts}file:\n  /srv/data:\n    size: 100000\n`);
    assert.ok(run.code === 1 || run.code === 2, `exit ${run.code}`);
    assert.ok(run.stderr.trim() !== '' || run.at('/srv/data', 'size')?.status !== 'passed');
  });
});
