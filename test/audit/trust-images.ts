/**
 * Hostile images, made by the tests (no blobs committed): a small ustar writer, OCI layouts whose
 * index or manifest says what an attacker wants, layers streamed through gzip or zstd so a bomb of
 * gigabytes costs megabytes on disk, and the CLI run as a user runs it under /usr/bin/time, so
 * every case reports its exit status, its output and its peak memory.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { repoRoot } from '../harness/runner.ts';

export interface TarSpec {
  name: string;
  /** '0' file, '1' hard link, '2' symlink, '5' directory, 'x' pax header. */
  type?: '0' | '1' | '2' | '5' | 'x';
  body?: Buffer | string;
  /** The size field, when it must differ from the body (a header claiming more than it holds). */
  size?: number;
  linkname?: string;
  mode?: number;
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

/** One 512-byte ustar header (POSIX.1-1988 ustar), checksum included. */
export function tarHeader(e: TarSpec): Buffer {
  const h = Buffer.alloc(512);
  const size = e.size ?? (e.body ? Buffer.byteLength(e.body) : 0);
  h.write(e.name.slice(0, 100), 0, 'utf8');
  h.write(octal(e.mode ?? (e.type === '5' ? 0o755 : 0o644), 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(size > 0o77777777777 ? '\0'.repeat(12) : octal(size, 12), 124, 'latin1');
  if (size > 0o77777777777) {
    // GNU base-256 for sizes past 8 GiB.
    h[124] = 0x80;
    let v = size;
    for (let i = 135; i > 124; i--) {
      h[i] = v % 256;
      v = Math.floor(v / 256);
    }
  }
  h.write(octal(0, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(e.type ?? '0', 156, 'latin1');
  if (e.linkname) h.write(e.linkname.slice(0, 100), 157, 'utf8');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);

/** A whole small tar: each entry with its body, then the two end blocks. */
export function tarOf(entries: TarSpec[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(tarHeader(e));
    if (e.body !== undefined) {
      const b = Buffer.from(e.body);
      parts.push(b, pad(b.length));
    }
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** `size` zero bytes, in 1 MiB chunks, never held whole. */
export async function* zeros(size: number): AsyncGenerator<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
}

/** The bytes of a tar stream: small entries, then `big` entries of `size` zeros each, streamed. */
export async function* tarStream(small: TarSpec[], big: { name: string; size: number }[] = []): AsyncGenerator<Buffer> {
  const head = tarOf(small);
  yield head.subarray(0, head.length - 1024);
  for (const b of big) {
    yield tarHeader({ name: b.name, size: b.size });
    yield* zeros(b.size);
    yield pad(b.size);
  }
  yield Buffer.alloc(1024);
}

/** Writes a layer file from a tar stream, compressed as asked (zstd through the zstd tool). */
export async function writeLayer(
  file: string,
  tar: AsyncIterable<Buffer>,
  compression: 'gzip' | 'zstd' | 'none' = 'gzip',
): Promise<void> {
  if (compression === 'none') return pipeline(Readable.from(tar), createWriteStream(file));
  if (compression === 'gzip')
    return pipeline(Readable.from(tar), zlib.createGzip({ level: 1 }), createWriteStream(file));
  const child = spawn('zstd', ['-q', '-1', '-T0', '-f', '-o', file], { stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`zstd exited ${code}`))));
  });
  await pipeline(Readable.from(tar), child.stdin);
  await done;
}

async function sha256File(file: string): Promise<{ digest: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const c of createReadStream(file) as AsyncIterable<Buffer>) {
    h.update(c);
    size += c.length;
  }
  return { digest: `sha256:${h.digest('hex')}`, size };
}

function putBlob(dir: string, bytes: Buffer): { digest: string; size: number } {
  const hex = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(path.join(dir, 'blobs', 'sha256', hex), bytes);
  return { digest: `sha256:${hex}`, size: bytes.length };
}

/** The files a well-formed base layer has: accounts and a dpkg database, so package controls can answer. */
export const BASE: TarSpec[] = [
  { name: 'etc/', type: '5' },
  { name: 'etc/passwd', body: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n' },
  { name: 'etc/group', body: 'root:x:0:\napp:x:1000:\n' },
  { name: 'var/lib/dpkg/status', body: 'Package: base-files\nStatus: install ok installed\nVersion: 12.4\n\n' },
];

/**
 * An OCI image layout in `dir` from layer files already written (moved into blobs/), with the
 * index and manifest as given, or as the spec has them.
 */
export async function ociLayout(
  dir: string,
  layerFiles: string[],
  options: {
    manifest?: (m: Record<string, unknown>) => unknown;
    index?: (i: Record<string, unknown>) => unknown;
  } = {},
): Promise<string> {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  const layers = [];
  for (const f of layerFiles) {
    const { digest, size } = await sha256File(f);
    await pipeline(createReadStream(f), createWriteStream(path.join(dir, 'blobs', 'sha256', digest.slice(7))));
    layers.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest, size });
  }
  const config = putBlob(
    dir,
    Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers' } })),
  );
  const m: Record<string, unknown> = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers,
  };
  const manifest = putBlob(dir, Buffer.from(JSON.stringify(options.manifest ? options.manifest(m) : m)));
  const i: Record<string, unknown> = {
    schemaVersion: 2,
    manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }],
  };
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify(options.index ? options.index(i) : i));
  return dir;
}

export interface BoundedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  peakMb: number;
  ms: number;
}

/**
 * `telltale ARGS` in a child process under /usr/bin/time (peak RSS) and a hard timeout; as
 * another user when `uid` is given (root reads everything, so EACCES needs someone else).
 */
export function runCli(args: string[], options: { timeoutMs?: number; uid?: number } = {}): Promise<BoundedRun> {
  const node = [process.execPath, '--import', 'tsx', `${repoRoot}/cli/index.ts`, ...args];
  const as =
    options.uid === undefined ? [] : ['setpriv', `--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups'];
  const argv = ['/usr/bin/time', '-f', 'TELLTALE_PEAK_RSS_KB=%M', ...as, ...node];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      const m = /TELLTALE_PEAK_RSS_KB=(\d+)\s*$/.exec(stderr);
      resolve({
        code,
        stdout,
        stderr: stderr.replace(/(Command exited with non-zero status \d+\n)?TELLTALE_PEAK_RSS_KB=\d+\s*$/, ''),
        peakMb: m ? Number(m[1]) / 1024 : NaN,
        ms: Date.now() - started,
      });
    });
  });
}

/** What every hostile case must show: a known exit status, a message, no stack trace. */
export function handled(run: BoundedRun): string[] {
  const problems: string[] = [];
  if (run.code === null || ![0, 1, 2].includes(run.code)) problems.push(`exit ${run.code}`);
  if (/^\s+at .+(:\d+:\d+\)?|\(native\))$/m.test(run.stderr)) problems.push(`stack trace:\n${run.stderr}`);
  if (run.code === 2 && run.stderr.trim() === '') problems.push('exit 2 without a message');
  return problems;
}
