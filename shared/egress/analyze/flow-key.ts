/**
 * The one key a connection is filed under: transport and both ends, sender first. A flow is stored
 * under its client -> server key; a packet from the server finds it under the reversed key.
 */
export type Transport = 'tcp' | 'udp';

export function flowKey(transport: Transport, srcIp: string, srcPort: number, dstIp: string, dstPort: number): string {
  return `${transport} ${srcIp} ${srcPort} ${dstIp} ${dstPort}`;
}
