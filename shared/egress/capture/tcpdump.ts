/**
 * Live capture with the system's tcpdump, started detached so it outlives the process that started
 * it: the egress action starts it in `main` and stops it in `post`, the CLI in `capture start` and
 * `capture stop`, or around one command in `egress run`. Node itself never needs privileges: only
 * tcpdump runs as root (through `sudo -n` when we are not root).
 *
 * Why tcpdump and not the `pcap` addon: the addon is a native module tied to one Node ABI, cannot
 * decode the LINUX_SLL2 frames `-i any` produces, and would make the Node process run as root
 * (../../../docs/egress.md, "Why tcpdump").
 *
 * What is captured (`filter: 'names'`, the default) is what names endpoints and tells failures, and
 * nothing of the bulk data: every DNS packet; TCP packets that open, close or reset a connection;
 * outbound TCP packets that carry payload (requests, ClientHellos); outbound QUIC long-header packets
 * and Google QUIC public-header packets; ICMP errors; tunnelled traffic whole (its names are inside). A download never reaches user space, so capture costs little even on busy jobs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { InputError } from '../../util/errors.ts';

/**
 * The default filter. BPF's `tcp[...]` offsets only compile for IPv4, so IPv6 gets its own clauses
 * over the fixed 40-byte header (TCP flags at ip6[53], data offset at ip6[52]); IPv6 packets with
 * extension headers are kept whole rather than risk missing them.
 */
export const NAMES_FILTER = [
  'port 53 or port 853 or port 5353',
  'or icmp or icmp6',
  'or (ip and tcp[tcpflags] & (tcp-syn|tcp-fin|tcp-rst) != 0)',
  'or (ip6 and ip6[6] = 6 and ip6[53] & 0x07 != 0)',
  'or (ip6 and ip6[6] != 6 and ip6[6] != 17 and ip6[6] != 58)',
  'or (outbound and ip and tcp and (ip[2:2] - ((ip[0] & 0x0f) << 2) - ((tcp[12] & 0xf0) >> 2)) != 0)',
  'or (outbound and ip6 and ip6[6] = 6 and (ip6[4:2] - ((ip6[52] & 0xf0) >> 2)) != 0)',
  'or (outbound and ip and udp and udp[8] & 0x80 != 0)',
  'or (outbound and ip6 and ip6[6] = 17 and ip6[48] & 0x80 != 0)',
  // Google QUIC Q043 and older: a public header (top bit clear) with the version flag and an 8-byte
  // connection ID, then the version "Q0xx" (its CHLO names the host in plaintext).
  'or (outbound and ip and udp and udp[8] & 0xc9 = 0x09 and udp[17:2] = 0x5130)',
  'or (outbound and ip6 and ip6[6] = 17 and ip6[48] & 0xc9 = 0x09 and ip6[57:2] = 0x5130)',
  // Tunnels (GRE incl. ERSPAN, IP-in-IP, 6in4, VXLAN, Geneve, GTP-U) whole: the names are inside.
  'or (ip and (ip proto 47 or ip proto 4 or ip proto 41)) or (ip6 and (ip6[6] = 47 or ip6[6] = 4 or ip6[6] = 41))',
  'or (udp and (port 4789 or port 6081 or port 2152))',
].join(' ');

export interface CaptureOptions {
  /** The pcap file to write. */
  file: string;
  /** Where tcpdump's own messages go (its exit summary holds the drop count). */
  log: string;
  /** Interface; default `any` (every interface, link type LINUX_SLL2). */
  iface?: string;
  /** `names` (default), `all`, or a BPF expression of your own. */
  filter?: string;
  /** Bytes kept per packet. Default 8192: whole ClientHellos and DNS answers, capped upload copies. */
  snaplen?: number;
  /** Kernel buffer in KiB (tcpdump -B); default 8192, room for bursts. */
  bufferKiB?: number;
  /** The tcpdump binary; default `tcpdump` from PATH. */
  tcpdump?: string;
  /** How long to wait for tcpdump to say it is listening; default 10 s. */
  readyTimeoutMs?: number;
  /**
   * Stop capturing after this many packets (tcpdump -c), which caps the file at about
   * maxPackets × snaplen. Default 2,000,000: with the names filter a busy job stays far below it.
   */
  maxPackets?: number;
}

export const DEFAULT_MAX_PACKETS = 2_000_000;

/** What a later process needs to stop the capture; plain data, saved as the action's state. */
export interface CaptureHandle {
  pid: number;
  file: string;
  log: string;
  filter: string;
  maxPackets: number;
  /** The capture ran through `sudo -n` (so stopping it may need sudo too). */
  sudo: boolean;
  startedAt: string;
}

export interface CaptureStats {
  captured?: number;
  received?: number;
  dropped?: number;
}

export interface StopResult {
  stats: CaptureStats;
  /** tcpdump had already ended when asked to stop (it died, was killed, or reached its packet cap). */
  endedEarly: boolean;
  /** False when tcpdump had to be killed: the file may lack its last packets. */
  clean: boolean;
  /** tcpdump's messages, for the log. */
  messages: string;
}

/**
 * The BPF expression for a `filter:` input or `--filter`. It reaches tcpdump (as root) as one argv
 * element after `--`, and text starting with `-` is refused outright: glibc's getopt permutes
 * arguments, so without both a "filter" such as `-w/etc/cron.d/x` or `-z sh` would be an option.
 */
export function resolveFilter(filter: string | undefined): string {
  if (!filter || filter === 'names') return NAMES_FILTER;
  if (filter === 'all') return '';
  if (/^[\s]*-/.test(filter))
    throw new InputError(
      `the filter '${filter.slice(0, 80)}' starts with '-': that is a tcpdump option, not a BPF expression`,
      {
        location: { field: 'filter' },
        hint: "use 'names', 'all', or a BPF expression such as 'tcp port 443'",
      },
    );
  if (/[\u0000]/.test(filter))
    throw new InputError('the filter holds a NUL character', { location: { field: 'filter' } });
  return filter;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Whether `sudo -n` works here without a password (as on GitHub-hosted runners). */
function sudoWorks(): boolean {
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Whether the tcpdump binary can be run at all. */
export function tcpdumpAvailable(tcpdump = 'tcpdump'): boolean {
  return !spawnSync(tcpdump, ['--version'], { stdio: 'ignore' }).error;
}

/** tcpdump's arguments for a capture that runs as root (directly or through sudo). */
function tcpdumpArgs(options: CaptureOptions): string[] {
  const snaplen = options.snaplen ?? 8192;
  if (!Number.isInteger(snaplen) || snaplen < 256 || snaplen > 262144)
    throw new InputError(`snaplen must be an integer from 256 to 262144, not ${snaplen}`, {
      location: { field: 'snaplen' },
    });
  const filter = resolveFilter(options.filter);
  const maxPackets = options.maxPackets ?? DEFAULT_MAX_PACKETS;
  if (!Number.isInteger(maxPackets) || maxPackets < 1)
    throw new InputError(`the packet cap must be a positive whole number, not ${maxPackets}`, {
      location: { field: 'max-packets' },
    });
  return [
    '-i',
    options.iface ?? 'any',
    '-n',
    // Packets reach the file as they arrive: stopping right after the last request loses nothing.
    '--immediate-mode',
    '-U',
    '-s',
    String(snaplen),
    '-B',
    String(options.bufferKiB ?? 8192),
    '-c',
    String(maxPackets),
    '-w',
    options.file,
    // Stay root: the file lives in a folder the (unprivileged) caller owns and Debian's tcpdump would
    // otherwise switch to its own user before opening it.
    '-Z',
    'root',
    // Everything after `--` is the expression (tcpdump joins the remaining arguments), never an option.
    ...(filter ? ['--', filter] : []),
  ];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to root (a sudo'd tcpdump seen by an unprivileged caller).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Starts tcpdump detached and waits until it listens. Throws InputError when it cannot. */
export async function startCapture(options: CaptureOptions): Promise<CaptureHandle> {
  const tcpdump = options.tcpdump ?? 'tcpdump';
  if (!tcpdumpAvailable(tcpdump))
    throw new InputError(`tcpdump was not found (${tcpdump})`, {
      hint: 'install it first: sudo apt-get install -y tcpdump',
    });
  const useSudo = !isRoot();
  if (useSudo && !sudoWorks())
    throw new InputError('capturing packets needs root: run as root or give this user passwordless sudo', {
      hint: 'GitHub-hosted runners have passwordless sudo; on a self-hosted runner add a sudoers rule for tcpdump',
    });
  const args = tcpdumpArgs(options);
  const command = useSudo ? 'sudo' : tcpdump;
  const commandArgs = useSudo ? ['-n', tcpdump, ...args] : args;
  const logFd = openSync(options.log, 'w');
  const child = spawn(command, commandArgs, { detached: true, stdio: ['ignore', 'ignore', logFd] });
  closeSync(logFd);
  const pid = child.pid;
  child.unref();
  if (pid === undefined) throw new InputError(`could not start ${command}`);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
  for (;;) {
    const messages = readFileSync(options.log, 'utf8');
    if (/listening on/.test(messages)) break;
    if (child.exitCode !== null || !alive(pid))
      throw new InputError(`tcpdump stopped at once: ${messages.trim() || 'no message'}`, {
        hint: 'check the filter and the interface',
      });
    if (Date.now() > deadline) {
      signal({ pid, sudo: useSudo }, 'SIGKILL');
      throw new InputError(`tcpdump did not start listening within ${options.readyTimeoutMs ?? 10_000} ms`);
    }
    await sleep(20);
  }
  return {
    pid,
    file: options.file,
    log: options.log,
    filter: resolveFilter(options.filter),
    maxPackets: options.maxPackets ?? DEFAULT_MAX_PACKETS,
    sudo: useSudo,
    startedAt: new Date().toISOString(),
  };
}

function signal(handle: Pick<CaptureHandle, 'pid' | 'sudo'>, name: NodeJS.Signals): void {
  try {
    // sudo relays signals to tcpdump; its real uid is the caller's, so the caller may signal it.
    process.kill(handle.pid, name);
  } catch {
    if (handle.sudo) spawnSync('sudo', ['-n', 'kill', `-${name.replace('SIG', '')}`, String(handle.pid)]);
  }
}

/** The process is still the tcpdump (or its sudo) we started, not a reused pid. */
function isOurs(handle: CaptureHandle): boolean {
  try {
    const cmdline = readFileSync(`/proc/${handle.pid}/cmdline`, 'utf8');
    return cmdline.includes('tcpdump') && cmdline.includes(handle.file);
  } catch {
    return false;
  }
}

/** tcpdump's exit summary: "N packets captured / received by filter / dropped by kernel". */
export function parseTcpdumpStats(messages: string): CaptureStats {
  const stats: CaptureStats = {};
  const pick = (pattern: RegExp) => {
    const m = pattern.exec(messages);
    return m ? Number(m[1]) : undefined;
  };
  const captured = pick(/(\d+) packets? captured/);
  const received = pick(/(\d+) packets? received by filter/);
  const dropped = pick(/(\d+) packets? dropped by kernel/);
  if (captured !== undefined) stats.captured = captured;
  if (received !== undefined) stats.received = received;
  if (dropped !== undefined) stats.dropped = dropped;
  return stats;
}

/**
 * Stops the capture gracefully (SIGINT, so tcpdump flushes the file and prints its summary), waits
 * up to `timeoutMs`, and only then kills it. Stopping a capture that already ended is not an error.
 */
export async function stopCapture(handle: CaptureHandle, timeoutMs = 10_000): Promise<StopResult> {
  let clean = true;
  const endedEarly = !(alive(handle.pid) && isOurs(handle));
  if (!endedEarly) {
    // Let packets already in the kernel's queue reach the file (immediate mode makes this short).
    await sleep(200);
    signal(handle, 'SIGINT');
    const deadline = Date.now() + timeoutMs;
    while (alive(handle.pid) && isOurs(handle) && Date.now() < deadline) await sleep(25);
    if (alive(handle.pid) && isOurs(handle)) {
      signal(handle, 'SIGKILL');
      clean = false;
    }
  }
  const messages = existsSync(handle.log) ? readFileSync(handle.log, 'utf8') : '';
  if (!existsSync(handle.file))
    throw new InputError(`the capture file ${handle.file} is missing`, {
      hint: `tcpdump said: ${messages.trim() || 'nothing'}`,
    });
  return { stats: parseTcpdumpStats(messages), endedEarly, clean, messages };
}
