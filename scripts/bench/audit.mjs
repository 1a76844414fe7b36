#!/usr/bin/env node
/**
 * Audit speed against the tools people reach for:
 *  1. a ~200 MB docker-archive (a debootstrapped Debian saved by podman) and 100 file, package and
 *     user controls, read in-process, against `tar -xf` of the same archive (the outer archive, and
 *     the outer archive plus its layer: a full rootfs on disk, what container-structure-test's tar
 *     driver does before it checks anything);
 *  2. 200 host controls (files, users, ports) on this machine.
 * Needs root, podman and debootstrap (a cached rootfs is reused). Prints figures; no thresholds.
 *
 *   npm run bench -- audit
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { performAudit } = await import(path.join(root, 'shared/audit/run.ts'));
const { debianRootfs, importRootfs, removeImages, saveImage, uniqueName } = await import(
  path.join(root, 'test/harness/podman.ts')
);

const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-bench-audit-'));
const images = [];
try {
  if (process.getuid?.() !== 0 || spawnSync('podman', ['--version']).status !== 0) {
    process.stdout.write('image benchmark skipped: needs root and podman\n');
  } else {
    const rootfs = await debianRootfs();
    const tag = await importRootfs(rootfs, uniqueName('tt-bench-debian'));
    images.push(tag);
    const archive = await saveImage(tag, path.join(dir, 'debian.tar'), 'docker-archive');
    const size = statSync(archive).size;

    // 100 controls: 50 files (metadata; every 5th also hashed), 30 packages, 20 users.
    const files = execFileSync('find', ['usr/bin', 'usr/lib/x86_64-linux-gnu', 'etc', '-maxdepth', '1', '-type', 'f'], {
      cwd: rootfs,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .slice(0, 50);
    const packages = execFileSync('dpkg-query', [`--admindir=${rootfs}/var/lib/dpkg`, '-W', '-f', '${Package}\n'], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .slice(0, 30);
    const users = execFileSync('cut', ['-d:', '-f1', `${rootfs}/etc/passwd`], { encoding: 'utf8' })
      .trim()
      .split('\n');
    const lines = ['file:'];
    files.forEach((f, i) =>
      lines.push(
        `  /${f}:`,
        '    exists: true',
        '    filetype: file',
        ...(i % 5 === 0 ? ['    sha256: {have-len: 64}'] : []),
      ),
    );
    lines.push('package:');
    for (const p of packages) lines.push(`  ${p}:`, '    installed: true');
    lines.push('user:');
    for (let i = 0; i < 20; i++)
      lines.push(
        `  ${users[i % users.length]}${i >= users.length ? `-missing-${i}` : ''}:`,
        `    exists: ${i < users.length}`,
      );
    const controls = path.join(dir, 'image.yaml');
    writeFileSync(controls, `${lines.join('\n')}\n`);

    const auditRuns = [];
    let summary;
    for (let i = 0; i < RUNS; i++) {
      auditRuns.push(
        await time(async () => {
          const { report } = await performAudit({
            controlsFile: controls,
            target: `image:${archive}`,
            format: 'json',
            stdout: () => {},
          });
          summary = report.summary;
        }),
      );
    }
    const tarOuter = [];
    const tarFull = [];
    for (let i = 0; i < RUNS; i++) {
      const out = path.join(dir, `x${i}`);
      mkdirSync(out);
      tarOuter.push(await time(async () => execFileSync('tar', ['-xf', archive, '-C', out])));
      const layers = readdirSync(out, { recursive: true }).filter((f) =>
        /layer\.tar$|^[0-9a-f]{64}\.tar$/.test(String(f)),
      );
      const fs = path.join(out, 'rootfs');
      mkdirSync(fs);
      tarFull.push(
        tarOuter[i] +
          (await time(async () => {
            for (const l of layers) execFileSync('tar', ['-xf', path.join(out, String(l)), '-C', fs]);
          })),
      );
      rmSync(out, { recursive: true, force: true });
    }
    const a = median(auditRuns);
    process.stdout.write(
      [
        `docker-archive: ${(size / 1024 / 1024).toFixed(0)} MB, ${files.length + packages.length + 20} controls (${summary.passed} passed, ${summary.failed} failed)`,
        `  telltale audit image: (in-process, median of ${RUNS}): ${ms(a)}`,
        `  tar -xf archive:                                  ${ms(median(tarOuter))}  (audit/tar = ${(a / median(tarOuter)).toFixed(2)}x)`,
        `  tar -xf archive + its layer (a rootfs on disk):   ${ms(median(tarFull))}  (audit/tar = ${(a / median(tarFull)).toFixed(2)}x)`,
        '',
      ].join('\n'),
    );
  }

  // 200 host controls.
  const host = ['file:'];
  const etc = readdirSync('/etc')
    .filter((f) => existsSync(`/etc/${f}`))
    .slice(0, 100);
  for (const f of etc) host.push(`  /etc/${f}:`, '    exists: true');
  for (let i = etc.length; i < 100; i++) host.push(`  /nonexistent/${i}:`, '    exists: false');
  host.push('user:');
  for (let i = 0; i < 50; i++) host.push(`  telltale-bench-${i}:`, '    exists: false');
  host.push('port:');
  for (let i = 0; i < 50; i++) host.push(`  tcp:${40000 + i}:`, '    listening: {or: [true, false]}');
  const hostControls = path.join(dir, 'host.yaml');
  writeFileSync(hostControls, `${host.join('\n')}\n`);
  const hostRuns = [];
  for (let i = 0; i < RUNS; i++)
    hostRuns.push(
      await time(() => performAudit({ controlsFile: hostControls, target: 'host', format: 'json', stdout: () => {} })),
    );
  process.stdout.write(
    `host: 200 controls (100 files, 50 users, 50 ports): median ${ms(median(hostRuns))} of ${RUNS} runs (${hostRuns.map(ms).join(', ')})\n`,
  );
} finally {
  if (images.length) await removeImages(images);
  rmSync(dir, { recursive: true, force: true });
}
