/**
 * The one interface between audit resources and what they inspect. Resources (file, user,
 * package, port, …) ask a target questions; targets (host, image, OCI layout, container) answer
 * them. A new target must never touch a resource file (Goss's resource × system split).
 *
 * Change log for the image engineer (read before relying on a shape):
 * - v1: first version. Shapes below are the contract; extensions will be optional fields only.
 * - v1.1: `LiveSystem.networkProbes` (optional).
 * - v1.2: `stat` rejects for anything but "no such file" (EACCES, ELOOP, EIO); `readFile` takes
 *   `maxBytes` and rejects larger files with code EFBIG.
 */

export type FileType = 'file' | 'directory' | 'symlink' | 'block-device' | 'character-device' | 'pipe' | 'socket';

export interface FileInfo {
  /** Absolute path inside the target root, as asked for (not resolved). */
  path: string;
  type: FileType;
  /** Permission bits including setuid/setgid/sticky (mode & 0o7777); no file-type bits. */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Symlink target as stored (only for type 'symlink'). */
  linkTarget?: string;
  mtime?: Date;
}

/** The largest file a control reads whole (contents, digests): past it, "could not check: too large". */
export const MAX_FILE_READ = 64 * 1024 * 1024;

/** The error of a read refused for size: the control says it could not check, never pass or fail. */
export function tooLarge(path: string, size: number, limit: number): Error {
  return Object.assign(
    new Error(`could not check: ${path} is too large to read (${size} bytes; telltale reads at most ${limit})`),
    { code: 'EFBIG' },
  );
}

/** "No such file": the only read errors that mean absence (a missing component, or one not a directory). */
export function isAbsent(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export interface TargetFileSystem {
  /** lstat-like when follow=false (default); resolves symlinks inside the target root when follow=true; undefined when missing. */
  stat(path: string, options?: { follow?: boolean }): Promise<FileInfo | undefined>;
  /**
   * Contents, following symlinks inside the root. Rejects when missing or not a regular file, and
   * (code EFBIG) when larger than `maxBytes` (default MAX_FILE_READ) rather than hold it in memory.
   */
  readFile(path: string, options?: { maxBytes?: number }): Promise<Buffer>;
  /** Entry names (not paths) of a directory, when the target can list them. */
  readDir?(path: string): Promise<string[]>;
}

export interface InstalledPackage {
  name: string;
  version: string;
  arch?: string;
  source: 'dpkg' | 'apk' | 'rpm' | 'pacman';
}

export interface ListeningPort {
  /** Goss spelling: 'tcp' | 'tcp6' | 'udp' | 'udp6'. */
  protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6';
  /** Local address as text ('0.0.0.0', '127.0.0.1', '::'). */
  address: string;
  port: number;
}

export interface ProcessInfo {
  pid: number;
  /** Executable name as the kernel reports it (`/proc/<pid>/comm`), what Goss matches `process` against. */
  comm: string;
  cmdline: string[];
}

export interface ServiceState {
  /** false when the init system does not know the unit. */
  exists: boolean;
  enabled: boolean;
  running: boolean;
}

export interface MountInfo {
  mountPoint: string;
  source: string;
  filesystem: string;
  opts: string[];
  vfsOpts: string[];
}

export interface NetworkInterface {
  name: string;
  /** CIDR strings, e.g. '127.0.0.1/8'. */
  addrs: string[];
  mtu?: number;
}

export interface CommandResult {
  exitStatus: number;
  stdout: string;
  stderr: string;
  /** true when the command was killed at its timeout. */
  timedOut?: boolean;
}

/** What only a running system can answer; resources needing it are skipped with a reason when absent. */
export interface LiveSystem {
  listeningPorts(): Promise<ListeningPort[]>;
  processes(): Promise<ProcessInfo[]>;
  service(name: string): Promise<ServiceState>;
  runCommand(cmd: string, opts: { timeoutMs: number }): Promise<CommandResult>;
  /** Dotted sysctl key ('net.ipv4.ip_forward'); undefined when the kernel has no such parameter. */
  kernelParam(key: string): Promise<string | undefined>;
  mounts(): Promise<MountInfo[]>;
  interfaces(): Promise<NetworkInterface[]>;
  /**
   * http/addr/dns are sent from this process. True (the default) when that is the target's own
   * network (the host); false for a container, whose network this process is not in.
   */
  networkProbes?: boolean;
}

export interface ImageConfig {
  user?: string;
  env: Record<string, string>;
  exposedPorts: string[];
  entrypoint?: string[];
  cmd?: string[];
  workdir?: string;
  labels: Record<string, string>;
}

export interface AuditTarget {
  kind: 'host' | 'image' | 'container';
  description: string;
  fs: TargetFileSystem;
  /** Installed packages, read by the shared parsers in shared/audit/system/packages/ through `fs`. */
  packages(): Promise<InstalledPackage[]>;
  live?: LiveSystem;
  imageConfig?: ImageConfig;
  close(): Promise<void>;
}
