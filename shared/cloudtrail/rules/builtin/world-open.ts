/**
 * "Opened to the whole internet": a source network with prefix length 0 (`0.0.0.0/0`, `::/0`, or
 * an anonymizer's `x.x.x.x/0`), tested on the prefix length, not on the literal text.
 *
 * AuthorizeSecurityGroupIngress is logged in two request shapes (both seen in real trails) and,
 * in newer records, with the rules as applied in the response; all three are read:
 * - flat: `{groupId, ipProtocol, fromPort, toPort, cidrIp}` (with an empty `ipPermissions: {}`);
 * - `ipPermissions.items[]{ipProtocol, fromPort, toPort, ipRanges.items[].cidrIp,
 *   ipv6Ranges.items[].cidrIpv6}`;
 * - `responseElements.securityGroupRuleSet.items[]{isEgress, ipProtocol, fromPort, toPort, cidrIpv4 | cidrIpv6}`.
 */
import { items, obj, str, type CloudTrailRecord } from '../../record.ts';

/** Admin and database ports: SSH, RDP, telnet, SMB, MySQL, PostgreSQL, MSSQL, Oracle, Redis, Elasticsearch, MongoDB, Docker API, Kubernetes API/kubelet, VNC, WinRM. */
export const ADMIN_PORTS = [
  22, 23, 445, 1433, 1521, 2375, 2376, 3306, 3389, 5432, 5900, 5985, 5986, 6379, 6443, 9200, 10250, 11211, 27017,
];
const WEB_PORTS = [80, 443];

export type WorldIngress = 'all' | 'admin' | 'other' | 'web';

export interface PortRange {
  protocol: string;
  from?: number;
  to?: number;
  cidr: string;
}

/** A CIDR with prefix length 0: every address of its family. */
export function isWorldCidr(cidr: unknown): boolean {
  return typeof cidr === 'string' && /^[^/]+\/0+$/.test(cidr.trim());
}

/** Every ingress range with a /0 source the record adds, from whichever shapes it carries. */
export function worldIngressRanges(record: CloudTrailRecord): PortRange[] {
  const request = obj(record.requestParameters) ?? {};
  const out: PortRange[] = [];
  const add = (permission: Record<string, unknown>, cidr: unknown) => {
    if (!isWorldCidr(cidr)) return;
    const range: PortRange = { protocol: String(permission.ipProtocol ?? '-1'), cidr: String(cidr) };
    const from = num(permission.fromPort);
    const to = num(permission.toPort);
    if (from !== undefined) range.from = from;
    if (to !== undefined) range.to = to;
    out.push(range);
  };
  add(request, request.cidrIp);
  add(request, request.cidrIpv6);
  for (const p of items(request.ipPermissions)) {
    const permission = obj(p);
    if (!permission) continue;
    for (const r of items(permission.ipRanges)) add(permission, obj(r)?.cidrIp);
    for (const r of items(permission.ipv6Ranges)) add(permission, obj(r)?.cidrIpv6);
  }
  for (const r of items(obj(record.responseElements)?.securityGroupRuleSet)) {
    const rule = obj(r);
    if (!rule || rule.isEgress === true || rule.isEgress === 'true') continue;
    add(rule, rule.cidrIpv4 ?? rule.cidrIpv6);
  }
  return out;
}

/**
 * How wide the opening is: `all` (every protocol, or every port), `admin` (a range covering an
 * admin or database port), `other`, `web` (only 80/443); undefined when nothing opens to /0.
 */
export function worldIngress(record: CloudTrailRecord): WorldIngress | undefined {
  let worst: WorldIngress | undefined;
  const rank: Record<WorldIngress, number> = { web: 0, other: 1, admin: 2, all: 3 };
  for (const r of worldIngressRanges(record)) {
    const cls = classify(r);
    if (worst === undefined || rank[cls] > rank[worst]) worst = cls;
  }
  return worst;
}

function classify(range: PortRange): WorldIngress {
  const protocol = range.protocol.toLowerCase();
  if (protocol === '-1' || protocol === 'all') return 'all';
  // ICMP "ports" are type/code; an ICMP opening is not a service exposure by port.
  if (protocol === 'icmp' || protocol === '1' || protocol === 'icmpv6' || protocol === '58') return 'other';
  const from = range.from ?? 0;
  const to = range.to ?? 65535;
  if (from <= 0 && to >= 65535) return 'all';
  if (from === -1 && to === -1) return 'all';
  if (ADMIN_PORTS.some((p) => p >= from && p <= to)) return 'admin';
  if (WEB_PORTS.includes(from) && to === from) return 'web';
  return 'other';
}

function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The first /0 source, for a summary. */
export function worldSource(record: CloudTrailRecord): string | undefined {
  const r = worldIngressRanges(record)[0];
  if (!r) return undefined;
  const ports =
    r.protocol === '-1'
      ? 'all traffic'
      : r.from === r.to
        ? `${r.protocol}/${r.from}`
        : `${r.protocol}/${r.from ?? 0}-${r.to ?? 65535}`;
  return `${str(r.cidr)} ${ports}`;
}
