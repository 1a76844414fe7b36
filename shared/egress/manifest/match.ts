/**
 * Does a manifest entry allow an observed endpoint? Pure functions over plain data.
 *
 * Names: a `host:` that is an IP literal matches that address; an exact host matches case-insensitively, ignoring a trailing dot; `*.suffix` matches one or
 * more labels under `suffix` but not `suffix` itself (as TLS wildcards would not, and unlike
 * bullfrog's glob which also surprises users at the apex). Addresses: `node:net`'s BlockList does
 * the CIDR arithmetic for both families, including IPv4-mapped IPv6 addresses.
 */
import { BlockList, isIP } from 'node:net';
import type { ManifestEntry } from './manifest.ts';

export interface EndpointToMatch {
  /** A DNS name, or an address when nothing named the endpoint. */
  host: string;
  port: number;
  transport: 'tcp' | 'udp';
  /** Addresses the endpoint was reached at. */
  addresses: readonly string[];
}

export interface Match {
  entry: ManifestEntry;
  /** Which item of `entry.ports` matched; -1 when the entry allows any port. */
  portIndex: number;
  /** How the entry matched: by the endpoint's own name, by an address, or by a DNS answer for it. */
  via: 'host' | 'cidr' | 'dns';
}

export function hostMatches(pattern: string, host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1); // ".example.com"
    return name.length > suffix.length && name.endsWith(suffix);
  }
  return name === pattern;
}

/** Whether `address` is the same address as the literal `literal` (either family, any spelling). */
function sameAddress(literal: string, address: string): boolean {
  const family = isIP(address);
  if (!family || !isIP(literal)) return false;
  const list = new BlockList();
  list.addAddress(literal, isIP(literal) === 4 ? 'ipv4' : 'ipv6');
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function cidrContains(cidr: NonNullable<ManifestEntry['cidr']>, address: string): boolean {
  const family = isIP(address);
  if (!family) return false;
  const list = new BlockList();
  list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function portIndex(entry: ManifestEntry, port: number): number | undefined {
  if (!entry.ports) return -1;
  const i = entry.ports.findIndex((r) => port >= r.from && port <= r.to);
  return i === -1 ? undefined : i;
}

/**
 * The first entry that allows the endpoint. `dnsNames(address)` returns names DNS answers in the
 * same reports gave for an address: a connection known only by its IP is allowed when one of those
 * names is an allowed host.
 */
export function findMatch(
  entries: readonly ManifestEntry[],
  endpoint: EndpointToMatch,
  dnsNames: (address: string) => readonly string[] = () => [],
): Match | undefined {
  const byAddress = isIP(endpoint.host) !== 0;
  const addresses = byAddress ? [endpoint.host, ...endpoint.addresses] : endpoint.addresses;
  for (const entry of entries) {
    if (entry.transport && entry.transport !== endpoint.transport) continue;
    const index = portIndex(entry, endpoint.port);
    if (index === undefined) continue;
    if (entry.host && isIP(entry.host)) {
      // `host: 203.0.113.5` is an address, not a name: it matches the endpoint's addresses (a
      // connection to it that nothing named, or a name that resolved to it).
      if (addresses.some((a) => sameAddress(entry.host!, a))) return { entry, portIndex: index, via: 'host' };
    } else if (entry.host) {
      if (!byAddress && hostMatches(entry.host, endpoint.host)) return { entry, portIndex: index, via: 'host' };
      if (byAddress && addresses.some((a) => dnsNames(a).some((n) => hostMatches(entry.host!, n)))) {
        return { entry, portIndex: index, via: 'dns' };
      }
    }
    if (entry.cidr && addresses.some((a) => cidrContains(entry.cidr!, a)))
      return { entry, portIndex: index, via: 'cidr' };
  }
  return undefined;
}
