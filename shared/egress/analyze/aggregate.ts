/**
 * Connections -> endpoints: one row per (host, port, transport), host being the strongest name the
 * evidence gives (SNI > CONNECT > HTTP Host > DNS > the address itself).
 */
import type { Flow, FlowName } from './flow.ts';
import type { Endpoint, NamedBy } from '../model/report.ts';
import type { DnsBook } from './dns-book.ts';
import { finalFailure } from './failures.ts';
import { stepAt, type StepWindow } from './steps.ts';

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
  endpoint: Omit<Endpoint, 'addresses' | 'failures' | 'firstSeen' | 'lastSeen' | 'steps'>;
  steps: Set<string>;
  addresses: Set<string>;
  failures: Set<Endpoint['failures'][number]>;
  first: number;
  last: number;
}

function protocolFor(transport: 'tcp' | 'udp', port: number, named?: FlowName): string {
  return named?.protocol ?? PORT_PROTOCOLS[`${transport}/${port}`] ?? transport;
}

export function toEndpoints(flows: Iterable<Flow>, dns: DnsBook, steps?: readonly StepWindow[]): Endpoint[] {
  const byKey = new Map<string, EndpointAccumulator>();
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
        first: flow.firstSeen,
        last: flow.lastSeen,
      };
      byKey.set(key, acc);
    }
    const e = acc.endpoint;
    if (NAMING_STRENGTH[namedBy] > NAMING_STRENGTH[e.namedBy]) e.namedBy = namedBy;
    if (e.protocol === transport && protocol !== transport) e.protocol = protocol;
    if (address) acc.addresses.add(address);
    const step = steps && stepAt(steps, flow.firstSeen);
    if (step) acc.steps.add(step);
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
      add(proxyHost, flow.serverPort, 'tcp', 'http-proxy', dnsName ? 'dns' : 'none', flow.serverIp, flow);
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
  return [...byKey.values()]
    .map(({ endpoint, steps: used, addresses, failures, first, last }) => ({
      ...endpoint,
      addresses: [...addresses].sort(),
      failures: [...failures].sort(),
      firstSeen: new Date(first).toISOString(),
      lastSeen: new Date(last).toISOString(),
      // In job order, not name order: the reader follows the job.
      ...(steps
        ? { steps: steps.map((s) => s.name).filter((name, i, all) => used.has(name) && all.indexOf(name) === i) }
        : {}),
    }))
    .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.host.localeCompare(b.host) || a.port - b.port);
}
