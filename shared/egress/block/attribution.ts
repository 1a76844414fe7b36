/**
 * Joins what block mode recorded — the follower's DNS answers (block-dns.jsonl), its per-connection
 * process records (block-connections.jsonl) and the NFLOG capture of refused connections
 * (blocked.pcap) — into the report: `blocked[]`, and `processes` on each endpoint.
 *
 * A refused connection is named by the DNS answer that gave its address, the latest one before the
 * attempt (the name the client asked for, since a SYN carries none). Its process is the follower's
 * record of the same five-tuple. Pure over the records; reading the files is `readBlockRecords`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { stepAt, type StepWindow } from '../analyze/steps.ts';
import { decodeIp } from '../decode/ip.ts';
import { decodeTcp, decodeUdp } from '../decode/transport.ts';
import type { BlockedConnection, Endpoint, ProcessInfo } from '../model/report.ts';
import { openCapture } from '../source/capture-file.ts';
import { decodeNflog, LINKTYPE_NFLOG } from './nflog.ts';

export interface DnsRecord {
  time: number;
  name: string;
  address: string;
  ttl: number;
  allowedBy: number[];
}

export interface ConnectionRecord {
  time: number;
  transport: 'tcp' | 'udp';
  src: string;
  sport: number;
  dst: string;
  dport: number;
  process?: ProcessInfo;
}

export interface RefusedPacket {
  time: number;
  origin: 'output' | 'forward';
  transport: 'tcp' | 'udp';
  src: string;
  sport: number;
  dst: string;
  dport: number;
}

export interface BlockRecords {
  dns: DnsRecord[];
  connections: ConnectionRecord[];
  refused: RefusedPacket[];
  /** Lines or packets that could not be read (a follower killed mid-line). */
  unreadable: number;
}

function readJsonl<T>(file: string): { rows: T[]; bad: number } {
  if (!existsSync(file)) return { rows: [], bad: 0 };
  const rows: T[] = [];
  let bad = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line) as T);
    } catch {
      bad++;
    }
  }
  return { rows, bad };
}

/** The refused packets of an NFLOG capture. */
export function readRefused(file: string): { refused: RefusedPacket[]; bad: number } {
  const refused: RefusedPacket[] = [];
  let bad = 0;
  if (!existsSync(file)) return { refused, bad };
  const { packets } = openCapture(file);
  for (const packet of packets) {
    const log = packet.linkType === LINKTYPE_NFLOG ? decodeNflog(packet.data) : undefined;
    const ip = log?.network ? decodeIp(log.network) : undefined;
    const transport = ip?.protocol === 6 ? 'tcp' : ip?.protocol === 17 ? 'udp' : undefined;
    const ports =
      ip && (transport === 'tcp' ? decodeTcp(ip.payload) : transport === 'udp' ? decodeUdp(ip.payload) : undefined);
    if (!ip || !transport || !ports) {
      bad++;
      continue;
    }
    refused.push({
      time: packet.time,
      origin: log?.prefix === 'telltale:forward' ? 'forward' : 'output',
      transport,
      src: ip.src,
      sport: ports.srcPort,
      dst: ip.dst,
      dport: ports.dstPort,
    });
  }
  return { refused, bad };
}

export function readBlockRecords(files: { dns: string; connections: string; refused: string }): BlockRecords {
  const dns = readJsonl<DnsRecord>(files.dns);
  const connections = readJsonl<ConnectionRecord>(files.connections);
  const refused = readRefused(files.refused);
  return {
    dns: dns.rows,
    connections: connections.rows,
    refused: refused.refused,
    unreadable: dns.bad + connections.bad + refused.bad,
  };
}

const bare = (address: string) => address.replace(/^::ffff:(?=\d+\.)/, '');
const tupleKey = (r: { transport: string; src: string; sport: number; dst: string; dport: number }) =>
  `${r.transport} ${bare(r.src)} ${r.sport} ${bare(r.dst)} ${r.dport}`;

const processKey = (p: ProcessInfo) => `${p.pid} ${p.exe ?? ''} ${p.cmdline ?? ''}`;

function addProcess(list: ProcessInfo[], process: ProcessInfo): void {
  if (!list.some((p) => processKey(p) === processKey(process))) list.push(process);
}

/** The latest name DNS gave an address before `time` (or the earliest after, for clock jitter). */
export function nameAt(dns: readonly DnsRecord[], address: string, time: number): string | undefined {
  let best: DnsRecord | undefined;
  for (const r of dns) {
    if (bare(r.address) !== bare(address)) continue;
    if (!best) best = r;
    else if (r.time <= time && (best.time > time || r.time > best.time)) best = r;
  }
  return best?.name;
}

/** The follower's records grouped by five-tuple, each group in time order. */
function byTuple(connections: readonly ConnectionRecord[]): Map<string, ConnectionRecord[]> {
  const groups = new Map<string, ConnectionRecord[]>();
  for (const c of connections) {
    const key = tupleKey(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.time - b.time);
  return groups;
}

/**
 * The process behind a packet of this five-tuple at `time`: the latest attributed record at or
 * before it, else the first after it. A record without a process never hides one with it: the same
 * flow may be logged twice (a follower of an earlier version logged every retried datagram, and a
 * retry can arrive after the client closed its socket), and a port reused later by another process
 * is told apart by time.
 */
function processAt(group: readonly ConnectionRecord[] | undefined, time: number): ProcessInfo | undefined {
  let best: ProcessInfo | undefined;
  for (const c of group ?? []) {
    if (!c.process) continue;
    if (c.time > time && best) break;
    best = c.process;
    if (c.time > time) break;
  }
  return best;
}

/** One blocked entry per refused destination and transport, with who tried and when. */
export function blockedConnections(records: BlockRecords, steps: readonly StepWindow[] = []): BlockedConnection[] {
  const tuples = byTuple(records.connections);
  const out = new Map<string, BlockedConnection & { tuples: Set<string> }>();
  for (const packet of records.refused) {
    const host = nameAt(records.dns, packet.dst, packet.time);
    const key = `${packet.transport} ${bare(packet.dst)} ${packet.dport}`;
    const iso = new Date(packet.time).toISOString();
    let entry = out.get(key);
    if (!entry) {
      entry = {
        host: host ?? bare(packet.dst),
        namedBy: host ? 'dns' : 'none',
        address: bare(packet.dst),
        port: packet.dport,
        transport: packet.transport,
        origin: packet.origin,
        attempts: 0,
        firstSeen: iso,
        lastSeen: iso,
        tuples: new Set(),
      };
      out.set(key, entry);
    }
    entry.attempts++;
    entry.lastSeen = iso;
    const step = steps.length ? stepAt(steps, packet.time) : undefined;
    if (step && !(entry.steps ??= []).includes(step)) entry.steps.push(step);
    const tuple = tupleKey(packet);
    if (entry.tuples.has(tuple)) continue; // a retried UDP datagram of the same flow
    entry.tuples.add(tuple);
    const process = processAt(tuples.get(tuple), packet.time);
    if (process) addProcess((entry.processes ??= []), process);
    else entry.unattributed = (entry.unattributed ?? 0) + 1;
  }
  return [...out.values()]
    .map(({ tuples: _tuples, ...rest }) => rest)
    .sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
}

/**
 * Adds `processes` (and `unattributed`) to every endpoint from the connections the follower saw going
 * to its addresses, port and transport. A connection is a five-tuple, however many of its packets
 * were logged; it is unattributed only when none of them named a process. Returns how many
 * connections there were and how many had an owner.
 */
export function attributeEndpoints(
  endpoints: Endpoint[],
  connections: readonly ConnectionRecord[],
): { connections: number; attributed: number } {
  const index = new Map<string, ProcessInfo[][]>();
  const groups = byTuple(connections);
  let attributed = 0;
  for (const group of groups.values()) {
    const processes: ProcessInfo[] = [];
    for (const c of group) if (c.process) addProcess(processes, c.process);
    if (processes.length) attributed++;
    const key = `${group[0]!.transport} ${bare(group[0]!.dst)} ${group[0]!.dport}`;
    const list = index.get(key);
    if (list) list.push(processes);
    else index.set(key, [processes]);
  }
  for (const endpoint of endpoints) {
    for (const address of endpoint.addresses) {
      for (const processes of index.get(`${endpoint.transport} ${bare(address)} ${endpoint.port}`) ?? []) {
        for (const p of processes) addProcess((endpoint.processes ??= []), p);
        if (!processes.length) endpoint.unattributed = (endpoint.unattributed ?? 0) + 1;
      }
    }
  }
  return { connections: groups.size, attributed };
}

/**
 * Endpoints that exist only as refused attempts: a container's SYN is captured on its veth before the
 * forward chain refuses it, so the capture lists an endpoint that was never reached. It is in
 * `blocked` already; keeping it among the endpoints would also make the diff call it new.
 */
export function withoutBlocked(endpoints: readonly Endpoint[], blocked: readonly BlockedConnection[]): Endpoint[] {
  const refused = new Set(blocked.map((b) => `${b.transport} ${b.address} ${b.port}`));
  return endpoints.filter(
    (e) =>
      !(
        e.failed >= e.connections &&
        e.addresses.length > 0 &&
        e.addresses.every((a) => refused.has(`${e.transport} ${bare(a)} ${e.port}`))
      ),
  );
}
