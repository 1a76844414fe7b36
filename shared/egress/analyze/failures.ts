/**
 * How a connection failed, from what the capture saw of it: a reset before any SYN-ACK (refused), an
 * ICMP unreachable quoting it, or a SYN that nothing answered.
 */
import { decodeUnreachable } from '../decode/transport.ts';
import { TcpFlag } from '../decode/transport.ts';
import type { IpPacket } from '../decode/ip.ts';
import type { Flow } from './flow.ts';
import { flowKey } from './flow-key.ts';

/** RFC 9293 §3.10.7.3: a reset answering a SYN means nothing listens there. */
export function noteTcpFlags(flow: Flow, flags: number, fromClient: boolean): void {
  if ((flags & TcpFlag.rst) !== 0 && !fromClient && flow.synSeen && !flow.synAckSeen) flow.failure = 'refused';
}

/** The key of the flow an ICMP destination-unreachable refuses, if it quotes one. */
export function refusedFlowKey(ip: IpPacket): string | undefined {
  const refused = decodeUnreachable(ip);
  if (!refused) return undefined;
  const transport = refused.protocol === 6 ? 'tcp' : refused.protocol === 17 ? 'udp' : undefined;
  if (!transport) return undefined;
  return flowKey(transport, refused.src, refused.srcPort, refused.dst, refused.dstPort);
}

export function noteUnreachable(flow: Flow): void {
  if (!flow.synAckSeen) flow.failure = 'unreachable';
}

/** At the end of the capture: a SYN never answered is a failure of its own. */
export function finalFailure(flow: Flow): void {
  if (flow.transport === 'tcp' && flow.synSeen && !flow.synAckSeen && !flow.failure) flow.failure = 'no-answer';
}
