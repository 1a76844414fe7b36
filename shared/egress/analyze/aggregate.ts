/**
 * Connections -> endpoints: one row per (host, port, transport), host being the strongest name the
 * evidence gives (SNI > CONNECT > HTTP Host > DNS > the address itself).
 */
import type { Flow, FlowName } from './flow.ts';
import type { Endpoint, NamedBy } from '../model/report.ts';
import type { DnsBook } from './dns-book.ts';
import { finalFailure } from './failures.ts';
import type { OverflowCount } from './analyzer.ts';
import { stepsDuring, type StepWindow } from './steps.ts';
import { byText } from '../../util/order.ts';

/** Addresses listed per endpoint; the rest are counted (an endpoint can sit behind a whole CDN). */
export const MAX_LISTED_ADDRESSES = 1000;

export interface AggregateOptions {
  steps?: readonly StepWindow[];
  /** Keep connections to loopback addresses (127.0.0.0/8, ::1); they are not egress, so off by default. */
  includeLoopback?: boolean;
}

export interface Aggregate {
  endpoints: Endpoint[];
  /** Connections to loopback addresses left out of the table. */
  loopbackLeftOut: number;
  /** Every address a connection went to (for "looked up, not contacted"). */
  contacted: Set<string>;
}

export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

const PORT_PROTOCOLS: Record<string, string> = {
  'tcp/22': 'ssh',
  'tcp/53': 'dns',
  'tcp/80': 'http',
  'tcp/443': 'https',
  'tcp/853': 'dns-over-tls',
  'tcp/9418': 'git',
  'udp/53': 'dns',
  'udp/123': 'ntp',
  'udp/443': 'quic',
  'udp/5353': 'mdns',
};
const NAMING_STRENGTH: Record<NamedBy, number> = { sni: 4, connect: 3, 'http-host': 2, dns: 1, none: 0 };

interface EndpointAccumulator {
  endpoint: Omit<Endpoint, 'addresses' | 'failures' | 'firstSeen' | 'lastSeen' | 'steps' | 'natClients'>;
  steps: Set<string>;
  addresses: Set<string>;
  failures: Set<Endpoint['failures'][number]>;
  natClients: Set<string>;
  first: number;
  last: number;
}

function protocolFor(transport: 'tcp' | 'udp', port: number, named?: FlowName): string {
  return named?.protocol ?? PORT_PROTOCOLS[`${transport}/${port}`] ?? transport;
}

export function toEndpoints(
  flows: Iterable<Flow>,
  dns: DnsBook,
  options: AggregateOptions = {},
  overflow: Iterable<OverflowCount> = [],
): Aggregate {
  const { steps, includeLoopback = false } = options;
  const byKey = new Map<string, EndpointAccumulator>();
  const contacted = new Set<string>();
  let loopbackLeftOut = 0;
  const add = (
    host: string,
    port: number,
    transport: 'tcp' | 'udp',
    protocol: string,
    namedBy: NamedBy,
    address: string | undefined,
    flow: Flow,
    via?: string,
  ) => {
    const key = `${host} ${port} ${transport}`;
    let acc = byKey.get(key);
    if (!acc) {
      acc = {
        endpoint: {
          host,
          port,
          transport,
          protocol,
          namedBy,
          connections: 0,
          failed: 0,
          bytes: 0,
          ...(via ? { via } : {}),
        },
        steps: new Set(),
        addresses: new Set(),
        failures: new Set(),
        natClients: new Set(),
        first: flow.firstSeen,
        last: flow.lastSeen,
      };
      byKey.set(key, acc);
    }
    const e = acc.endpoint;
    if (NAMING_STRENGTH[namedBy] > NAMING_STRENGTH[e.namedBy]) e.namedBy = namedBy;
    if (e.protocol === transport && protocol !== transport) e.protocol = protocol;
    if (address) acc.addresses.add(address);
    // A long-lived connection belongs to every step it was used in, first sight to last.
    if (steps) for (const step of stepsDuring(steps, flow.firstSeen, flow.lastSeen)) acc.steps.add(step);
    for (const client of flow.natClients ?? []) acc.natClients.add(client);
    const quicVersion = flow.name?.quicVersion;
    if (quicVersion && e.protocol === 'quic') e.quicVersion ??= quicVersion;
    if (flow.name?.unnamedReason && !e.unnamedReason && namedBy === 'none') e.unnamedReason = flow.name.unnamedReason;
    e.connections++;
    e.bytes += flow.bytes;
    if (flow.failure) {
      e.failed++;
      acc.failures.add(flow.failure);
    }
    acc.first = Math.min(acc.first, flow.firstSeen);
    acc.last = Math.max(acc.last, flow.lastSeen);
  };

  for (const flow of flows) {
    finalFailure(flow);
    contacted.add(flow.serverIp);
    const loopback = !includeLoopback && isLoopback(flow.serverIp);
    if (loopback && flow.name?.namedBy !== 'connect') {
      loopbackLeftOut++;
      continue;
    }
    // A TCP flow we only saw the tail of, with no SYN and no payload naming it, says little; keep it
    // (it is real egress) but it is named by DNS at best.
    const dnsName = dns.nameForAddress(flow.serverIp, flow.firstSeen);
    const named = flow.name?.host ? flow.name : undefined;
    if (named?.namedBy === 'connect') {
      // The tunnel's real destination, and the proxy it went through.
      const proxyHost = dnsName ?? flow.serverIp;
      add(
        named.host,
        named.port ?? 443,
        'tcp',
        named.port === 443 ? 'https' : 'tcp',
        'connect',
        undefined,
        flow,
        `${proxyHost}:${flow.serverPort}`,
      );
      // A proxy on the runner itself is not egress; what it was asked to reach is (above).
      if (loopback) loopbackLeftOut++;
      else
        add(
          proxyHost,
          flow.serverPort,
          'tcp',
          named.protocol ?? 'http-proxy',
          dnsName ? 'dns' : 'none',
          flow.serverIp,
          flow,
        );
      continue;
    }
    if (named) {
      add(
        named.host,
        flow.serverPort,
        flow.transport,
        protocolFor(flow.transport, flow.serverPort, named),
        named.namedBy,
        flow.serverIp,
        flow,
      );
    } else {
      const protocol = protocolFor(flow.transport, flow.serverPort, flow.name);
      add(
        dnsName ?? flow.serverIp,
        flow.serverPort,
        flow.transport,
        protocol,
        dnsName ? 'dns' : 'none',
        flow.serverIp,
        flow,
      );
    }
  }
  for (const count of overflow) {
    const dnsName = count.serverIp ? dns.nameForAddress(count.serverIp, count.first) : undefined;
    const host = dnsName ?? (count.serverIp || '(other destinations)');
    const key = `${host} ${count.serverPort} ${count.transport}`;
    let acc = byKey.get(key);
    if (!acc) {
      acc = {
        endpoint: {
          host,
          port: count.serverPort,
          transport: count.transport,
          protocol: protocolFor(count.transport, count.serverPort),
          namedBy: dnsName ? 'dns' : 'none',
          connections: 0,
          failed: 0,
          bytes: 0,
        },
        steps: new Set(),
        addresses: new Set(),
        failures: new Set(),
        natClients: new Set(),
        first: count.first,
        last: count.last,
      };
      byKey.set(key, acc);
    }
    if (count.serverIp) acc.addresses.add(count.serverIp);
    acc.endpoint.connections += count.connections;
    acc.endpoint.bytes += count.bytes;
    acc.first = Math.min(acc.first, count.first);
    acc.last = Math.max(acc.last, count.last);
  }
  const endpoints = [...byKey.values()]
    .map(({ endpoint, steps: used, addresses, failures, natClients, first, last }) => ({
      ...endpoint,
      addresses: [...addresses].sort().slice(0, MAX_LISTED_ADDRESSES),
      ...(addresses.size > MAX_LISTED_ADDRESSES ? { addressesOmitted: addresses.size - MAX_LISTED_ADDRESSES } : {}),
      ...(natClients.size ? { natClients: [...natClients].sort() } : {}),
      failures: [...failures].sort(),
      firstSeen: new Date(first).toISOString(),
      lastSeen: new Date(last).toISOString(),
      // In job order, not name order: the reader follows the job.
      ...(steps
        ? { steps: steps.map((s) => s.name).filter((name, i, all) => used.has(name) && all.indexOf(name) === i) }
        : {}),
    }))
    .sort((a, b) => byText(a.firstSeen, b.firstSeen) || byText(a.host, b.host) || a.port - b.port);
  return { endpoints, loopbackLeftOut, contacted };
}
