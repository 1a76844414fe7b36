/**
 * Real container images for tests, built offline with podman (no Docker engine runs here; podman
 * is configured by scripts/install-system-deps.sh to use runc with no default ulimits).
 *
 *   const rootfs = await tinyRootfs(dir);                      // busybox + passwd/group + os-release
 *   const base = await importRootfs(rootfs, 'tt-base');        // tar -C rootfs -c . | podman import
 *   const image = await buildImage({ tag: 'tt-app', containerfile: 'FROM tt-base\nRUN rm /etc/motd' });
 *   await saveImage(image, path.join(dir, 'app.tar'), 'docker-archive');
 *   await removeImages([image, base]);
 *
 * `debianRootfs()` makes a real Debian rootfs with debootstrap (--variant=minbase, ~25 s, ~200 MB)
 * once per machine and reuses it from a cache folder keyed by the suite and variant. Every name a
 * test passes is suffixed by `uniqueName()` so engineers' parallel runs never collide, and tests
 * remove their images and containers in `after`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Why podman images cannot be built here, or false when they can. */
export function podmanSkipReason(): string | false {
  if (process.env.TELLTALE_UNIT) return 'a unit run (npm run test:unit) builds no images';
  if (process.getuid?.() !== 0) return 'needs root (podman storage, runc)';
  if (spawnSync('podman', ['--version']).status !== 0) return 'needs podman (apt-get install podman runc)';
  if (!existsSync('/bin/busybox')) return 'needs busybox-static for a shell inside test images';
  return false;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/** Runs a command to completion; resolves with its exit code and output, never rejects on failure. */
export function runCommand(
  command: string,
  args: string[],
  options: { input?: Buffer | string; timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input);
  });
}

/** `podman ARGS`, throwing with podman's own message when it fails. */
export async function podman(
  args: string[],
  options: { input?: Buffer | string; timeoutMs?: number; cwd?: string } = {},
) {
  const result = await runCommand('podman', args, options);
  if (result.code !== 0) throw new Error(`podman ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  return result.stdout.trim();
}

/**
 * A tiny but real root filesystem: static busybox as /bin/sh and friends, /etc/passwd and /etc/group
 * with a non-root user, /etc/os-release, and a config file. Small enough to commit as a sample.
 */
export function tinyRootfs(dir: string): string {
  const root = path.join(dir, 'rootfs');
  for (const d of ['bin', 'etc', 'tmp', 'var/lib', 'home/app', 'srv'])
    mkdirSync(path.join(root, d), { recursive: true });
  copyFileSync('/bin/busybox', path.join(root, 'bin', 'busybox'));
  chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
  for (const applet of ['sh', 'ls', 'cat', 'rm', 'mkdir', 'echo', 'sleep', 'nc', 'id', 'touch', 'ln']) {
    spawnSync('ln', ['-s', 'busybox', path.join(root, 'bin', applet)]);
  }
  writeFileSync(
    path.join(root, 'etc', 'passwd'),
    'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n',
  );
  writeFileSync(path.join(root, 'etc', 'group'), 'root:x:0:\napp:x:1000:\n');
  writeFileSync(path.join(root, 'etc', 'os-release'), 'ID=telltale-test\nNAME="telltale test rootfs"\nVERSION_ID=1\n');
  writeFileSync(path.join(root, 'etc', 'motd'), 'welcome\n');
  writeFileSync(path.join(root, 'srv', 'app.conf'), 'listen = 8080\n');
  return root;
}

/**
 * Imports a root filesystem folder as an image (`tar -C ROOTFS -c . | podman import`), with
 * Containerfile-style `changes` such as `USER 65532` or `ENTRYPOINT ["/app"]`.
 */
export async function importRootfs(rootfs: string, tag: string, changes: string[] = []): Promise<string> {
  const tar = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn('tar', ['--numeric-owner', '-C', rootfs, '-c', '.']);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`tar exited ${code}`)),
    );
  });
  await podman(['import', ...changes.flatMap((c) => ['--change', c]), '-', tag], { input: tar });
  return tag;
}

/** Builds an image offline (`podman build --network none`) from a Containerfile text and a context folder. */
export async function buildImage(options: { tag: string; containerfile: string; context?: string }): Promise<string> {
  const context = options.context ?? mkdtempSync(path.join(tmpdir(), 'telltale-build-'));
  const file = path.join(context, 'Containerfile.telltale-test');
  writeFileSync(file, options.containerfile);
  try {
    await podman(['build', '--network', 'none', '--pull=never', '-q', '-f', file, '-t', options.tag, context]);
  } finally {
    rmSync(file, { force: true });
    if (!options.context) rmSync(context, { recursive: true, force: true });
  }
  return options.tag;
}

export type ArchiveFormat = 'docker-archive' | 'oci-archive' | 'oci-dir';

/** Saves an image as `podman save --format FORMAT -o FILE`. */
export async function saveImage(tag: string, file: string, format: ArchiveFormat): Promise<string> {
  await podman(['save', '--format', format, '-o', file, tag]);
  return file;
}

/** Removes images (and containers using them), ignoring ones already gone. */
export async function removeImages(tags: string[]): Promise<void> {
  if (tags.length) await runCommand('podman', ['rmi', '--force', '--ignore', ...tags]);
}

/** Removes containers, ignoring ones already gone. */
export async function removeContainers(names: string[]): Promise<void> {
  if (names.length) await runCommand('podman', ['rm', '--force', '--ignore', '--time', '0', ...names]);
}

/**
 * A real Debian rootfs made with `debootstrap --variant=minbase` (real dpkg database), cached per
 * machine under the temp folder; concurrent callers wait for the first one to finish.
 */
export async function debianRootfs(suite = 'bookworm'): Promise<string> {
  const cache = path.join(tmpdir(), `telltale-debootstrap-${suite}-minbase-v1`);
  const done = path.join(cache, '.complete');
  if (existsSync(done)) return cache;
  const partial = mkdtempSync(path.join(tmpdir(), `telltale-debootstrap-${suite}-`));
  const result = await runCommand('debootstrap', ['--variant=minbase', suite, partial], { timeoutMs: 600_000 });
  if (result.code !== 0) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`debootstrap failed (${result.code}): ${result.stderr.slice(-2000)}`);
  }
  writeFileSync(path.join(partial, '.complete'), new Date().toISOString());
  try {
    renameSync(partial, cache);
  } catch {
    // Another run finished first; use its copy.
    rmSync(partial, { recursive: true, force: true });
  }
  return cache;
}
