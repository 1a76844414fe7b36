/**
 * Block mode's life on a host: put the firewall up (table, follower, queue steering, the NFLOG
 * capture of refused connections), and take all of it down again. The handle is plain JSON in the
 * report folder (block.json), so the process that stops block mode (the action's `post`,
 * `telltale egress stop`) need not be the one that started it.
 *
 * Order matters both ways. Up: table (verdicts), follower (binds the queues), steering (packets go to
 * the queues only once somebody listens), NFLOG capture. Down: the follower first (on SIGTERM it
 * removes steering and table itself), then steering and table again, whatever the follower managed:
 * removing twice is harmless, leaving a rule behind is not.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../util/errors.ts';
import type { ManifestEntry } from '../manifest/manifest.ts';
import { startCapture, stopCapture, type CaptureHandle } from '../capture/tcpdump.ts';
import { FOLLOWER_SCRIPT, type FollowerConfig } from './follower-script.ts';
import { readResolvers } from './resolvers.ts';
import { buildRuleset, deleteRuleset, planBlock, queueRules, TABLE_PATTERN, type Resolvers } from './ruleset.ts';

export const BLOCK_HANDLE_FILE = 'block.json';

export interface BlockOptions {
  dir: string;
  /** The manifest's entries plus, in the action, the runner's own endpoints. */
  entries: readonly ManifestEntry[];
  resolvers?: Resolvers;
  /** TTL clamp for allow-set elements, seconds. Default 300 and 3600. */
  ttlMin?: number;
  ttlMax?: number;
  /** Hold DNS answers until the sets are updated. Default true; false only to measure the race. */
  hold?: boolean;
  /** Queue new flows for process attribution. Default true; false only to measure the race. */
  attribute?: boolean;
}

export interface BlockHandle {
  table: string;
  followerPid: number;
  logGroup: number;
  dnsQueue: number;
  connectionQueue: number;
  teardown: string[][];
  /** The NFLOG capture of refused connections (tcpdump -i nflog:N). */
  nflog: CaptureHandle;
  dnsLog: string;
  connectionLog: string;
  startedAt: string;
  /** Commands run through `sudo -n` (we are not root). */
  sudo: boolean;
}

const isRoot = () => process.getuid?.() === 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function privileged(args: readonly string[], input?: string) {
  const [command, ...rest] = isRoot() ? args : ['sudo', '-n', ...args];
  return spawnSync(command!, rest, { encoding: 'utf8', input, timeout: 30_000 });
}

function nft(script: string): void {
  const result = privileged(['nft', '-f', '-'], script);
  if (result.status !== 0)
    throw new InputError(
      `nft refused the block-mode ruleset: ${(result.stderr || result.error?.message || '').trim()}`,
      {
        hint: 'block mode needs nftables (nft) and root or passwordless sudo',
      },
    );
}

/** Removes block mode's queue steering and table; safe to call any number of times. */
export function removeFirewall(table: string, teardown: readonly string[][]): void {
  if (!TABLE_PATTERN.test(table)) return;
  for (const command of teardown) privileged(command);
  privileged(['nft', '-f', '-'], deleteRuleset(table));
}

/** Telltale tables and iptables chains present in this network namespace (a leftover is a bug). */
export function firewallLeftovers(): string[] {
  const tables = (privileged(['nft', 'list', 'tables']).stdout ?? '')
    .split('\n')
    .filter((line) => /\btelltale/.test(line))
    .map((line) => line.trim());
  const chains = ['iptables', 'ip6tables'].flatMap((tool) =>
    (privileged([tool, '-t', 'mangle', '-S']).stdout ?? '')
      .split('\n')
      .filter((line) => line.includes('TELLTALE'))
      .map((line) => `${tool}: ${line}`),
  );
  return [...tables, ...chains];
}

export async function startBlock(options: BlockOptions): Promise<BlockHandle> {
  if (privileged(['nft', '--version']).status !== 0)
    throw new InputError('block mode needs nft (nftables) and root or passwordless sudo', {
      hint: 'install it with: sudo apt-get install -y nftables',
    });
  const table = `telltale_${randomBytes(4).toString('hex')}`;
  // Random numbers so two sessions (or another tool's queues) do not collide.
  const numbers = { logGroup: randomInt(1000, 30000), dnsQueue: randomInt(1000, 30000), connectionQueue: 0 };
  numbers.connectionQueue = numbers.dnsQueue + 1;
  const plan = planBlock(table, options.entries, options.resolvers ?? readResolvers(), numbers);
  const steering = queueRules(plan, { connections: options.attribute ?? true });
  const teardown = steering.teardown;
  const dir = options.dir;
  const config: FollowerConfig = {
    table,
    dir,
    dnsQueue: plan.dnsQueue,
    connectionQueue: plan.connectionQueue,
    hosts: plan.hosts,
    ttlMin: options.ttlMin ?? 300,
    ttlMax: options.ttlMax ?? 3600,
    hold: options.hold ?? true,
    teardown,
  };
  const configFile = path.join(dir, 'block-follower.json');
  const ready = path.join(dir, 'block-follower.ready');
  rmSync(ready, { force: true });
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const scriptFile = path.join(dir, 'block-follower.py');
  writeFileSync(scriptFile, FOLLOWER_SCRIPT);

  nft(buildRuleset(plan));
  let followerPid: number | undefined;
  let nflog: CaptureHandle | undefined;
  try {
    const logFd = openSync(path.join(dir, 'block-follower.log'), 'a');
    const [command, ...args] = isRoot()
      ? ['python3', scriptFile, configFile]
      : ['sudo', '-n', 'python3', scriptFile, configFile];
    const child = spawn(command!, args, { detached: true, stdio: ['ignore', logFd, logFd] });
    closeSync(logFd);
    child.unref();
    followerPid = child.pid;
    const deadline = Date.now() + 10_000;
    while (!existsSync(ready)) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new InputError(
          `the block-mode follower did not start: ${readFileSync(path.join(dir, 'block-follower.log'), 'utf8').trim() || 'no message'}`,
        );
      await sleep(20);
    }
    for (const command of steering.setup) {
      const result = privileged(command);
      if (result.status !== 0)
        throw new InputError(`could not steer packets to the follower: ${command.join(' ')}: ${result.stderr.trim()}`);
    }
    nflog = await startCapture({
      file: path.join(dir, 'blocked.pcap'),
      log: path.join(dir, 'blocked-tcpdump.log'),
      iface: `nflog:${plan.logGroup}`,
      filter: 'all',
      snaplen: 512,
    });
  } catch (error) {
    if (followerPid) signalFollower(followerPid, 'SIGTERM');
    removeFirewall(table, teardown);
    throw error;
  }
  const handle: BlockHandle = {
    table,
    followerPid: followerPid!,
    ...numbers,
    teardown,
    nflog,
    dnsLog: path.join(dir, 'block-dns.jsonl'),
    connectionLog: path.join(dir, 'block-connections.jsonl'),
    startedAt: new Date().toISOString(),
    sudo: !isRoot(),
  };
  writeFileSync(path.join(dir, BLOCK_HANDLE_FILE), `${JSON.stringify(handle, null, 2)}\n`);
  return handle;
}

/** The follower still runs (a zombie, or a pid reused by another program, does not count). */
function followerAlive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('block-follower');
  } catch {
    return false;
  }
}

function signalFollower(pid: number, name: NodeJS.Signals): void {
  if (!followerAlive(pid)) return;
  try {
    process.kill(pid, name);
  } catch {
    spawnSync('sudo', ['-n', 'kill', `-${name.replace('SIG', '')}`, String(pid)]);
  }
}

export function readBlockHandle(dir: string): BlockHandle | undefined {
  const file = path.join(dir, BLOCK_HANDLE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BlockHandle;
  } catch (error) {
    throw new InputError(`${file} is not a block-mode handle: ${(error as Error).message}`, { location: { file } });
  }
}

export interface BlockStop {
  /** Whatever of telltale's firewall was still present after removal (empty: clean). */
  leftovers: string[];
  /**
   * The follower had already exited when block mode was stopped: from then on nothing was enforced
   * (it removes the firewall as it leaves) and new flows were neither held nor attributed.
   */
  followerGone: boolean;
}

/** Takes block mode down: follower, steering, table, then the NFLOG capture (so it holds every refusal). */
export async function stopBlock(handle: BlockHandle): Promise<BlockStop> {
  const followerGone = !followerAlive(handle.followerPid);
  signalFollower(handle.followerPid, 'SIGTERM');
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline && followerAlive(handle.followerPid)) await sleep(20);
  signalFollower(handle.followerPid, 'SIGKILL');
  removeFirewall(handle.table, handle.teardown);
  await stopCapture(handle.nflog).catch(() => undefined);
  return {
    leftovers: firewallLeftovers().filter((l) => l.includes(handle.table) || l.includes(handle.table.slice(9))),
    followerGone,
  };
}
