/**
 * What preflight can check in a manifest: every concrete host and port. Wildcards and CIDRs name
 * many endpoints, so they are checked only through their `probe:` URL; port ranges and UDP have no
 * handshake to test and are reported as not checkable rather than silently passed.
 */
import { isIP } from 'node:net';
import type { ManifestEntry } from '../manifest/manifest.ts';

/** Ports where a TLS handshake is expected (HTTPS, DoT, IMAPS/POP3S/SMTPS, LDAPS, Kubernetes). */
export const TLS_PORTS: ReadonlySet<number> = new Set([443, 465, 636, 853, 993, 995, 6443, 8443, 9443]);
/** Ports where an HTTP request is expected (plain or over TLS). */
export const HTTP_PORTS: ReadonlySet<number> = new Set([80, 443, 8080, 8443]);

export interface PreflightTarget {
  host: string;
  port: number;
  entry: number;
  tls: boolean;
  /** Request this URL (http/https) after connecting; undefined when the port speaks no HTTP. */
  url?: string;
  /** True when `url` is the entry's `probe:` (the user expects it to succeed, not just answer). */
  probe?: boolean;
  /** Why this target cannot be checked; the result is `skipped`. */
  skip?: string;
  /** A note kept in the result detail (e.g. "no ports listed: checked 443"). */
  note?: string;
}

export function preflightTargets(entries: readonly ManifestEntry[]): PreflightTarget[] {
  const targets: PreflightTarget[] = [];
  for (const entry of entries) {
    const name = entry.host ?? entry.cidr?.text ?? '';
    const probe = entry.probe ? new URL(entry.probe) : undefined;
    const probePort = probe ? Number(probe.port || (probe.protocol === 'https:' ? 443 : 80)) : undefined;
    if (entry.transport === 'udp') {
      targets.push({
        host: name,
        port: entry.ports?.[0]?.from ?? 0,
        entry: entry.index,
        tls: false,
        skip: 'UDP has no handshake to check',
      });
      continue;
    }
    const concrete = entry.host && !entry.host.startsWith('*.');
    if (!concrete) {
      if (probe) {
        targets.push(probeTarget(probe, probePort!, entry.index));
      } else {
        const what = entry.cidr ? 'a CIDR' : 'a wildcard';
        targets.push({
          host: name,
          port: entry.ports?.[0]?.from ?? 0,
          entry: entry.index,
          tls: false,
          skip: `${what}: add a probe URL to check it`,
        });
      }
      continue;
    }
    const host = entry.host!;
    const ports = entry.ports ?? [{ from: probePort ?? 443, to: probePort ?? 443 }];
    for (const range of ports) {
      if (range.from !== range.to) {
        targets.push({
          host,
          port: range.from,
          entry: entry.index,
          tls: false,
          skip: `port range ${range.from}-${range.to}`,
        });
        continue;
      }
      const port = range.from;
      const target: PreflightTarget = { host, port, entry: entry.index, tls: TLS_PORTS.has(port) };
      if (probe && probePort === port && probe.hostname.toLowerCase() === host) {
        target.url = probe.href;
        target.probe = true;
        target.tls = probe.protocol === 'https:';
      } else if (HTTP_PORTS.has(port)) {
        target.url = `${target.tls ? 'https' : 'http'}://${isIP(host) === 6 ? `[${host}]` : host}:${port}/`;
      }
      if (!entry.ports) target.note = `no ports listed: checked ${port}`;
      targets.push(target);
    }
    // A probe on another host or port than the entry's own is checked on its own.
    if (
      probe &&
      !(probe.hostname.toLowerCase() === host && ports.some((r) => r.from === probePort && r.to === probePort))
    ) {
      targets.push(probeTarget(probe, probePort!, entry.index));
    }
  }
  return targets;
}

function probeTarget(probe: URL, port: number, entry: number): PreflightTarget {
  return {
    host: probe.hostname.replace(/^\[|\]$/g, '').toLowerCase(),
    port,
    entry,
    tls: probe.protocol === 'https:',
    url: probe.href,
    probe: true,
  };
}
