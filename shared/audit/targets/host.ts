/**
 * The `host` target: the machine telltale runs on, read the way the OS reports it: the real
 * filesystem, /proc for ports, processes, mounts and kernel parameters, systemd for services, and
 * the shared package-database readers.
 */
import { execFile, spawn } from 'node:child_process';
import { promises as fsp, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readInstalledPackages } from '../system/packages/index.ts';
import { parseMountInfo, parseProcNet } from '../system/procfs.ts';
import type {
  AuditTarget,
  CommandResult,
  FileInfo,
  FileType,
  LiveSystem,
  ListeningPort,
  ProcessInfo,
  ServiceState,
  TargetFileSystem,
} from '../target.ts';
import { isAbsent, MAX_FILE_READ, tooLarge } from '../target.ts';

export function fileTypeOf(st: Stats): FileType {
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isDirectory()) return 'directory';
  if (st.isBlockDevice()) return 'block-device';
  if (st.isCharacterDevice()) return 'character-device';
  if (st.isFIFO()) return 'pipe';
  if (st.isSocket()) return 'socket';
  return 'file';
}

/** The real filesystem under `root` (default `/`), for the host or an extracted rootfs. */
export function localFileSystem(root = '/'): TargetFileSystem {
  const real = (p: string) => path.join(root, path.posix.resolve('/', p));
  return {
    async stat(p, options) {
      try {
        const st = options?.follow ? await fsp.stat(real(p)) : await fsp.lstat(real(p));
        const info: FileInfo = {
          path: p,
          type: fileTypeOf(st),
          mode: st.mode & 0o7777,
          uid: st.uid,
          gid: st.gid,
          size: st.size,
          mtime: st.mtime,
        };
        if (info.type === 'symlink') info.linkTarget = await fsp.readlink(real(p));
        return info;
      } catch (error) {
        // Only "no such file" is absence; EACCES, ELOOP or EIO mean telltale could not look.
        if (isAbsent(error)) return undefined;
        throw new Error(`could not check ${p}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
          cause: error,
        });
      }
    },
    async readFile(p, options) {
      const limit = options?.maxBytes ?? MAX_FILE_READ;
      const handle = await fsp.open(real(p), 'r');
      try {
        const st = await handle.stat();
        if (st.isFile() && st.size > limit) throw tooLarge(p, st.size, limit);
        // /proc and /sys files report size 0: read them in bounded pieces instead of trusting the size.
        const parts: Buffer[] = [];
        let total = 0;
        for (;;) {
          const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total) || 1);
          const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
          if (bytesRead === 0) break;
          total += bytesRead;
          if (total > limit) throw tooLarge(p, total, limit);
          parts.push(chunk.subarray(0, bytesRead));
        }
        return Buffer.concat(parts, total);
      } finally {
        await handle.close();
      }
    },
    readDir: (p) => fsp.readdir(real(p)),
  };
}

async function readOr(file: string, fallback = ''): Promise<string> {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch {
    return fallback;
  }
}

export function hostLiveSystem(): LiveSystem {
  return {
    async listeningPorts() {
      const kinds: ListeningPort['protocol'][] = ['tcp', 'tcp6', 'udp', 'udp6'];
      const all = await Promise.all(kinds.map(async (k) => parseProcNet(await readOr(`/proc/net/${k}`), k)));
      return all.flat();
    },
    async processes() {
      const entries = await fsp.readdir('/proc').catch(() => [] as string[]);
      const out: ProcessInfo[] = [];
      await Promise.all(
        entries
          .filter((e) => /^\d+$/.test(e))
          .map(async (pid) => {
            const comm = (await readOr(`/proc/${pid}/comm`)).trimEnd();
            if (!comm) return; // the process ended while we listed /proc
            const cmdline = (await readOr(`/proc/${pid}/cmdline`)).split('\0').filter(Boolean);
            out.push({ pid: Number(pid), comm, cmdline });
          }),
      );
      return out;
    },
    service: systemdService,
    runCommand,
    async kernelParam(key) {
      // sysctl(8): dots in the key are slashes under /proc/sys; reject `..` so a key cannot escape.
      if (!/^[\w.-]+$/.test(key) || key.includes('..')) return undefined;
      try {
        return (await fsp.readFile(`/proc/sys/${key.replace(/\./g, '/')}`, 'utf8')).trim().replace(/\t/g, ' ');
      } catch {
        return undefined;
      }
    },
    async mounts() {
      return parseMountInfo(await readOr('/proc/self/mountinfo'));
    },
    async interfaces() {
      const names = await fsp.readdir('/sys/class/net').catch(() => Object.keys(os.networkInterfaces()));
      const addrs = os.networkInterfaces();
      return Promise.all(
        names.map(async (name) => {
          const mtu = Number((await readOr(`/sys/class/net/${name}/mtu`)).trim());
          return { name, addrs: (addrs[name] ?? []).map((a) => a.cidr ?? a.address), ...(mtu > 0 ? { mtu } : {}) };
        }),
      );
    },
  };
}

/**
 * systemd's view of a unit (`systemctl show`), what Goss's service resource reports on systemd hosts.
 * When systemd is not the init system (a container as CI job) the state is unknown: that is an
 * error for the control, never "not running".
 */
function systemdService(name: string): Promise<ServiceState> {
  const unit = name.includes('.') ? name : `${name}.service`;
  return new Promise((resolve, reject) => {
    execFile(
      'systemctl',
      ['show', '--property=LoadState,ActiveState,UnitFileState', '--', unit],
      { timeout: 10_000 },
      (error, stdout, stderr) => {
        if (error) {
          const why = stderr.trim().split('\n')[0] || error.message;
          return reject(new Error(`systemd cannot tell the state of ${unit}: ${why}`));
        }
        const props = Object.fromEntries(stdout.split('\n').map((l) => l.split('=', 2) as [string, string]));
        resolve({
          exists: props.LoadState === 'loaded',
          enabled: props.UnitFileState === 'enabled' || props.UnitFileState === 'static',
          running: props.ActiveState === 'active',
        });
      },
    );
  });
}

/** Runs a command line through /bin/sh as Goss does, killing its process group at the timeout. */
export function runCommand(cmd: string, opts: { timeoutMs: number }): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, opts.timeoutMs);
    const done = (exitStatus: number) => {
      clearTimeout(timer);
      resolve({
        exitStatus,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(timedOut ? { timedOut } : {}),
      });
    };
    child.on('error', (e) => {
      err.push(Buffer.from(e.message));
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
  });
}

export function openHostTarget(): AuditTarget {
  const fs = localFileSystem('/');
  return {
    kind: 'host',
    description: `host ${os.hostname()}`,
    fs,
    packages: () => readInstalledPackages(fs),
    live: hostLiveSystem(),
    close: async () => {},
  };
}
