/**
 * Observed egress against the manifest: which endpoints are new (observed, not allowed), which are
 * allowed, and which manifest entries went unused. Reports from several jobs (a matrix) are merged
 * first, so one verdict covers the whole workflow.
 */
import { isIP } from 'node:net';
import { formatPortRange, type Manifest, type ManifestEntry } from '../manifest/manifest.ts';
import { findMatch, type Match } from '../manifest/match.ts';

/** The parts of an egress report endpoint (shared/egress/model/report.ts) the diff reads. */
export interface ObservedEndpoint {
  host: string;
  port: number;
  transport: 'tcp' | 'udp';
  protocol: string;
  addresses: readonly string[];
  namedBy: string;
  firstSeen: string;
  lastSeen: string;
  connections: number;
  failed: number;
  bytes?: number;
  steps?: readonly string[];
}

export interface ObservedReport {
  endpoints: readonly ObservedEndpoint[];
  /** Which job produced the report, when known. */
  job?: string;
}

/** One endpoint across every merged report. */
export interface MergedEndpoint {
  host: string;
  port: number;
  transport: 'tcp' | 'udp';
  protocols: string[];
  namedBy: string[];
  addresses: string[];
  steps: string[];
  jobs: string[];
  connections: number;
  failed: number;
  bytes: number;
  firstSeen: string;
  lastSeen: string;
}

export interface NewEndpoint extends MergedEndpoint {
  status: 'new';
}

export interface AllowedEndpoint extends MergedEndpoint {
  status: 'allowed';
  /** The entry that allowed it, as written in the manifest. */
  entry: { index: number; host?: string; cidr?: string; line?: number };
  via: Match['via'];
}

/** A manifest entry (one port of it) that nothing observed used. */
export interface UnusedEntry {
  index: number;
  host?: string;
  cidr?: string;
  /** The port or range as written; null when the entry allows any port. */
  port: number | string | null;
  transport?: 'tcp' | 'udp';
  reason?: string;
  owner?: string;
  line?: number;
}

export interface EgressDiff {
  manifest: string;
  reports: number;
  new: NewEndpoint[];
  unused: UnusedEntry[];
  allowed: AllowedEndpoint[];
}

const key = (e: { host: string; port: number; transport: string }) =>
  `${e.host.toLowerCase()}|${e.port}|${e.transport}`;
const union = (a: string[], b: readonly string[] | undefined) => {
  for (const x of b ?? []) if (!a.includes(x)) a.push(x);
  return a;
};

/** Merges endpoints of several reports by (host, port, transport), summing counts, uniting steps. */
export function mergeReports(reports: readonly ObservedReport[]): MergedEndpoint[] {
  const merged = new Map<string, MergedEndpoint>();
  for (const report of reports) {
    for (const e of report.endpoints) {
      const k = key(e);
      let m = merged.get(k);
      if (!m) {
        m = {
          host: e.host.toLowerCase().replace(/\.$/, ''),
          port: e.port,
          transport: e.transport,
          protocols: [],
          namedBy: [],
          addresses: [],
          steps: [],
          jobs: [],
          connections: 0,
          failed: 0,
          bytes: 0,
          firstSeen: e.firstSeen,
          lastSeen: e.lastSeen,
        };
        merged.set(k, m);
      }
      union(m.protocols, [e.protocol]);
      union(m.namedBy, [e.namedBy]);
      union(m.addresses, e.addresses);
      union(m.steps, e.steps);
      if (report.job) union(m.jobs, [report.job]);
      m.connections += e.connections;
      m.failed += e.failed;
      m.bytes += e.bytes ?? 0;
      if (e.firstSeen < m.firstSeen) m.firstSeen = e.firstSeen;
      if (e.lastSeen > m.lastSeen) m.lastSeen = e.lastSeen;
    }
  }
  return [...merged.values()].sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
}

export function diffEgress(manifest: Manifest, reports: readonly ObservedReport[]): EgressDiff {
  const endpoints = mergeReports(reports);

  // DNS evidence: every name an endpoint was known by, per address it was reached at. Names come
  // from the flows themselves (SNI, Host) or from DNS answers the decoder joined to the flow.
  const namesByAddress = new Map<string, string[]>();
  for (const e of endpoints) {
    if (isIP(e.host)) continue;
    for (const a of e.addresses) union(namesByAddress.get(a) ?? namesByAddress.set(a, []).get(a)!, [e.host]);
  }
  const dnsNames = (address: string) => namesByAddress.get(address) ?? [];

  const used = new Set<string>();
  const result: EgressDiff = { manifest: manifest.file, reports: reports.length, new: [], unused: [], allowed: [] };
  for (const e of endpoints) {
    const match = findMatch(manifest.entries, e, dnsNames);
    if (!match) {
      result.new.push({ status: 'new', ...e });
      continue;
    }
    used.add(`${match.entry.index}:${match.portIndex}`);
    result.allowed.push({ status: 'allowed', ...e, entry: entryRef(match.entry), via: match.via });
  }
  for (const entry of manifest.entries) {
    const ports = entry.ports ?? [undefined];
    ports.forEach((range, i) => {
      const portIndex = entry.ports ? i : -1;
      if (used.has(`${entry.index}:${portIndex}`)) return;
      const item: UnusedEntry = { ...entryRef(entry), port: range ? formatPortRange(range) : null };
      if (entry.transport) item.transport = entry.transport;
      if (entry.reason) item.reason = entry.reason;
      if (entry.owner) item.owner = entry.owner;
      result.unused.push(item);
    });
  }
  return result;
}

function entryRef(entry: ManifestEntry): { index: number; host?: string; cidr?: string; line?: number } {
  const ref: { index: number; host?: string; cidr?: string; line?: number } = { index: entry.index };
  if (entry.host) ref.host = entry.host;
  if (entry.cidr) ref.cidr = entry.cidr.text;
  if (entry.location.line !== undefined) ref.line = entry.location.line;
  return ref;
}
