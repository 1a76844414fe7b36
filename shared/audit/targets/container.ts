/**
 * `container:NAME` (a running container) and `docker-image:REF` (an image the local engine holds),
 * through the Docker or Podman CLI. Nothing is copied into the container and no shell is needed, so
 * distroless containers work:
 * - the filesystem is `<engine> export NAME`, read by the same tree code as saved images;
 * - ports, processes, mounts and kernel parameters are read from the host side, under
 *   /proc/<pid> of the container's main process (`<engine> inspect`): its network namespace's
 *   /proc/<pid>/net/{tcp,tcp6,udp,udp6}, the processes sharing its PID namespace, its mountinfo;
 *   that needs the runner to be root (GitHub-hosted runners can `sudo`);
 * - `command` runs through `<engine> exec NAME /bin/sh -c …`, as Goss would inside it; without a
 *   shell in the image it fails with the engine's message;
 * - `docker-image:REF` is `<engine> save`d to a temporary docker-archive, then read as `image:`.
 */
import { execFile, spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../util/errors.ts';
import { loadFilesystemTar, type ImageConfigJson } from '../image/archive.ts';
import { parseMountInfo, parseProcNet } from '../system/procfs.ts';
import type { AuditTarget, CommandResult, ListeningPort, LiveSystem, ProcessInfo } from '../target.ts';
import { openImageTarget, targetFromImage } from './image.ts';

export const ENGINES = ['docker', 'podman'] as const;
export type Engine = (typeof ENGINES)[number];

function run(
  engine: string,
  args: string[],
  timeoutMs = 60_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(engine, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error
        ? typeof (error as { code?: unknown }).code === 'number'
          ? Number((error as { code?: number }).code)
          : 127
        : 0;
      resolve({ code, stdout, stderr: stderr || (error && !stdout ? error.message : '') });
    });
  });
}

/**
 * The engine to use: the one asked for, else the first of docker and podman that knows `ref`
 * (a `docker` binary may be a client without a daemon, or podman's docker shim).
 */
export async function chooseEngine(kind: 'container' | 'image', ref: string, wanted?: string): Promise<Engine> {
  if (wanted && !(ENGINES as readonly string[]).includes(wanted))
    throw new InputError(`unknown engine '${wanted}'`, {
      location: { field: '--engine' },
      hint: 'use docker or podman',
    });
  const candidates = wanted ? [wanted as Engine] : [...ENGINES];
  const tried: string[] = [];
  for (const engine of candidates) {
    const r = await run(engine, [kind, 'inspect', '--format', '{{.Id}}', ref]);
    if (r.code === 0) return engine;
    tried.push(`${engine}: ${r.stderr.trim().split('\n')[0] || `exit ${r.code}`}`);
  }
  throw new InputError(`no container engine knows ${kind} '${ref}'`, {
    location: { field: '--target' },
    hint: tried.join('; '),
  });
}

interface ContainerInspect {
  State?: { Pid?: number; Running?: boolean };
  Config?: {
    User?: string;
    Env?: string[] | null;
    Cmd?: string[] | string | null;
    Entrypoint?: string[] | string | null;
    WorkingDir?: string;
    Labels?: Record<string, string> | null;
    ExposedPorts?: Record<string, unknown> | null;
  };
  Name?: string;
}

async function readOr(file: string): Promise<string> {
  return fsp.readFile(file, 'utf8').catch(() => '');
}

/** What only the running container can answer, read from the host under /proc/<pid>. */
export function containerLiveSystem(engine: Engine, name: string, pid: number): LiveSystem {
  const proc = `/proc/${pid}`;
  return {
    networkProbes: false,
    async listeningPorts() {
      const kinds: ListeningPort['protocol'][] = ['tcp', 'tcp6', 'udp', 'udp6'];
      const text = await Promise.all(kinds.map((k) => readOr(`${proc}/net/${k}`)));
      if (text.every((t) => t === ''))
        throw new Error(`cannot read ${proc}/net: the container's sockets are visible to root on the host only`);
      return kinds.flatMap((k, i) => parseProcNet(text[i]!, k));
    },
    async processes() {
      const ns = await fsp.readlink(`${proc}/ns/pid`).catch(() => {
        throw new Error(`cannot read ${proc}/ns/pid: the container's processes are visible to root on the host only`);
      });
      const out: ProcessInfo[] = [];
      const entries = await fsp.readdir('/proc');
      await Promise.all(
        entries
          .filter((e) => /^\d+$/.test(e))
          .map(async (p) => {
            if ((await fsp.readlink(`/proc/${p}/ns/pid`).catch(() => '')) !== ns) return;
            const comm = (await readOr(`/proc/${p}/comm`)).trimEnd();
            if (comm)
              out.push({
                pid: Number(p),
                comm,
                cmdline: (await readOr(`/proc/${p}/cmdline`)).split('\0').filter(Boolean),
              });
          }),
      );
      return out;
    },
    service: () =>
      Promise.reject(
        new Error('services are not read in containers (most run no init system); check the process instead'),
      ),
    runCommand: (cmd, opts) => execIn(engine, name, cmd, opts.timeoutMs),
    async kernelParam(key) {
      if (!/^[\w.-]+$/.test(key) || key.includes('..')) return undefined;
      // The container's own /proc (network sysctls are per namespace), reached through its root.
      const value = await fsp
        .readFile(`${proc}/root/proc/sys/${key.replace(/\./g, '/')}`, 'utf8')
        .catch(() => undefined);
      return value?.trim().replace(/\t/g, ' ');
    },
    async mounts() {
      return parseMountInfo(await readOr(`${proc}/mountinfo`));
    },
    interfaces: () =>
      Promise.reject(new Error('interfaces of a container are not read yet; check them on the host or with a command')),
  };
}

function execIn(engine: Engine, name: string, cmd: string, timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(engine, ['exec', name, '/bin/sh', '-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ exitStatus: 127, stdout, stderr: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitStatus: code ?? 1, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
    });
  });
}

export async function openContainerTarget(name: string, options: { engine?: string } = {}): Promise<AuditTarget> {
  const engine = await chooseEngine('container', name, options.engine);
  const r = await run(engine, ['container', 'inspect', name]);
  const info = (JSON.parse(r.stdout) as ContainerInspect[])[0];
  if (!info) throw new InputError(`${engine} has no container '${name}'`, { location: { field: '--target' } });
  const pid = info.State?.Pid ?? 0;
  if (!info.State?.Running || pid <= 0)
    throw new InputError(`container '${name}' is not running`, {
      location: { field: '--target' },
      hint: `start it first, or audit its image with --target docker-image:REF`,
    });
  const c = info.Config ?? {};
  // Podman 4 reports Entrypoint as one string; Docker as a list.
  const config: ImageConfigJson = {
    config: {
      ...(c.User ? { User: c.User } : {}),
      Env: c.Env ?? [],
      Entrypoint:
        typeof c.Entrypoint === 'string' ? (c.Entrypoint ? c.Entrypoint.split(' ') : null) : (c.Entrypoint ?? null),
      Cmd: c.Cmd ?? null,
      ...(c.WorkingDir ? { WorkingDir: c.WorkingDir } : {}),
      Labels: c.Labels ?? {},
      ExposedPorts: c.ExposedPorts ?? {},
    },
  };
  // Exported to a file, not read from a pipe: podman opens "/dev/stdout" by path, which fails
  // when stdout is the socket Node gives a child; a file also lets file bytes be read at offsets.
  const dir = await fsp.mkdtemp(path.join(tmpdir(), 'telltale-audit-export-'));
  const cleanup = () => fsp.rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'rootfs.tar');
    const e = await run(engine, ['export', '-o', file, name], 30 * 60_000);
    if (e.code !== 0)
      throw new InputError(`${engine} export ${name} failed: ${e.stderr.trim()}`, { location: { field: '--target' } });
    const image = await loadFilesystemTar(file, config);
    const target = targetFromImage(image, `container ${name} (${engine})`);
    return {
      ...target,
      kind: 'container',
      live: containerLiveSystem(engine, name, pid),
      close: async () => {
        await target.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Saves an image the engine holds to a temporary docker-archive and reads it as `image:`. */
export async function openEngineImageTarget(ref: string, options: { engine?: string } = {}): Promise<AuditTarget> {
  const engine = await chooseEngine('image', ref, options.engine);
  const dir = await fsp.mkdtemp(path.join(tmpdir(), 'telltale-audit-save-'));
  const file = path.join(dir, 'image.tar');
  try {
    const args =
      engine === 'podman' ? ['save', '--format', 'docker-archive', '-o', file, ref] : ['save', '-o', file, ref];
    const r = await run(engine, args, 30 * 60_000);
    if (r.code !== 0)
      throw new InputError(`${engine} save ${ref} failed: ${r.stderr.trim()}`, { location: { field: '--target' } });
    const target = await openImageTarget(file, `docker-image ${ref} (${engine})`);
    return {
      ...target,
      close: async () => {
        await target.close();
        await fsp.rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw error;
  }
}
