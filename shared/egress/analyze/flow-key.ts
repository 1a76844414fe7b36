/**
 * The one key a connection is filed under: transport and both ends, the same whichever end sent the
 * packet (the ends in a fixed order), so every packet costs one key and one lookup, and a flow whose
 * client and server turn out swapped keeps its key.
 */
export type Transport = 'tcp' | 'udp';

export function flowKey(transport: Transport, srcIp: string, srcPort: number, dstIp: string, dstPort: number): string {
  return srcIp < dstIp || (srcIp === dstIp && srcPort <= dstPort)
    ? `${transport} ${srcIp} ${srcPort} ${dstIp} ${dstPort}`
    : `${transport} ${dstIp} ${dstPort} ${srcIp} ${srcPort}`;
}
