/**
 * Containers behind NAT: with the capture on every interface, one connection from a container shows
 * twice — from its bridge address on the bridge, and from the host's address after masquerading. The
 * two copies share the destination, the destination port, the TCP initial sequence number (NAT
 * rewrites addresses and perhaps the source port, never sequence numbers) and a moment in time. They
 * are one connection: the copy after NAT stays, and the container's address is kept as evidence.
 */
import type { Flow } from './flow.ts';

/** The copies of one packet cross the bridge and the uplink within this time (capture time). */
const SAME_MOMENT_MS = 2_000;

function copyKey(flow: Flow): string | undefined {
  if (flow.transport === 'tcp') {
    // Without a SYN there is no ISN to match on, and ports alone are too weak for TCP.
    return flow.synSeen && flow.isn !== undefined ? `tcp ${flow.serverIp} ${flow.serverPort} ${flow.isn}` : undefined;
  }
  return `udp ${flow.serverIp} ${flow.serverPort} ${flow.clientPort}`;
}

/** Returns the flows with each pre-NAT copy folded into its post-NAT copy. Linear in the flows. */
export function mergeNatCopies(flows: readonly Flow[]): Flow[] {
  // Without two client addresses there is no NAT to undo (the common case: one runner, no containers).
  const clients = new Set<string>();
  for (const flow of flows) if (clients.add(flow.clientIp).size > 1) break;
  if (clients.size < 2) return [...flows];
  const byKey = new Map<string, Flow | Flow[]>();
  for (const flow of flows) {
    const key = copyKey(flow);
    if (key === undefined) continue;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, flow);
    else if (Array.isArray(seen)) seen.push(flow);
    else byKey.set(key, [seen, flow]);
  }
  const folded = new Set<Flow>();
  for (const group of byKey.values()) {
    if (!Array.isArray(group)) continue;
    group.sort((a, b) => a.firstSeen - b.firstSeen);
    for (let i = 0; i + 1 < group.length; i++) {
      const before = group[i]!;
      const after = group[i + 1]!;
      if (folded.has(before) || before.clientIp === after.clientIp) continue;
      if (after.firstSeen - before.firstSeen > SAME_MOMENT_MS) continue;
      // The later copy has left through NAT; the earlier one is the container's own view of it.
      after.natClients = [...new Set([...(after.natClients ?? []), ...(before.natClients ?? []), before.clientIp])];
      after.firstSeen = Math.min(after.firstSeen, before.firstSeen);
      after.lastSeen = Math.max(after.lastSeen, before.lastSeen);
      after.bytes = Math.max(after.bytes, before.bytes);
      after.name ??= before.name;
      if (!after.name?.host && before.name?.host) after.name = before.name;
      after.failure ??= before.failure;
      folded.add(before);
    }
  }
  return folded.size ? flows.filter((f) => !folded.has(f)) : [...flows];
}
