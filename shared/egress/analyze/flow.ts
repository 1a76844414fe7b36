/**
 * Per-connection state while a capture streams past: who opened it, whether it was answered, and the
 * first bytes the client sent (kept only until they name the destination, capped, then dropped).
 */
import type { FailureKind, NamedBy } from '../model/report.ts';
import type { QuicSession } from '../decode/quic.ts';
import type { Pending } from './reassembly.ts';

export interface FlowName {
  host: string;
  namedBy: NamedBy;
  protocol?: string;
  /** For CONNECT and SOCKS: the real destination's port (`protocol` names the proxy's protocol). */
  port?: number;
  /** QUIC: the version the client spoke, and why the flow is unnamed when it is. */
  quicVersion?: string;
  unnamedReason?: string;
}

export interface Flow {
  transport: 'tcp' | 'udp';
  clientIp: string;
  clientPort: number;
  serverIp: string;
  serverPort: number;
  firstSeen: number;
  lastSeen: number;
  bytes: number;
  synSeen: boolean;
  /** True once a SYN or SYN-ACK said which side is the client; until then ports and payloads guess. */
  oriented: boolean;
  /** The side taken for the server has sent payload (checked once for a client's opening bytes). */
  serverSpoke?: boolean;
  synAckSeen: boolean;
  failure?: FailureKind;
  /** Client addresses of copies of this connection seen before NAT (analyze/nat.ts). */
  natClients?: string[];
  name?: FlowName;
  /** The client's first bytes, by offset from the first payload byte; undefined once decided. */
  pending?: Pending;
  /** True once the namers are done with the flow (named, refused by all, or given up on). */
  decided?: boolean;
  /** The client's initial sequence number, from its SYN. */
  isn?: number;
  /** Sequence number of the client's first payload byte. */
  baseSeq?: number;
  /** QUIC: the client's Initials so far, until they name the flow. */
  quic?: QuicSession;
  /** How many payload segments we looked at; the decoders give up after a few. */
  segments: number;
}

/**
 * A new connection with every field present from the start (undefined until known): connections
 * that grew their fields in different orders had different hidden classes, and the per-packet code
 * that touches them (analyze/fast-path.ts) went megamorphic and was deoptimised.
 */
export function newFlow(
  transport: 'tcp' | 'udp',
  ends: { clientIp: string; clientPort: number; serverIp: string; serverPort: number },
  time: number,
  oriented: boolean,
): Flow {
  return {
    transport,
    clientIp: ends.clientIp,
    clientPort: ends.clientPort,
    serverIp: ends.serverIp,
    serverPort: ends.serverPort,
    firstSeen: time,
    lastSeen: time,
    bytes: 0,
    synSeen: false,
    oriented,
    serverSpoke: undefined,
    synAckSeen: false,
    failure: undefined,
    natClients: undefined,
    name: undefined,
    pending: undefined,
    decided: false,
    isn: undefined,
    baseSeq: undefined,
    quic: undefined,
    segments: 0,
  };
}
