/**
 * The packet pass: each IP packet finds its connection (one flowKey, oriented client -> server), and
 * the connection's first client bytes go to the namers until one names it. DNS goes to the DNS book,
 * ICMP errors and resets to the failure notes. What is learned is plain data the aggregate step reads.
 */
import { decodeIp, type IpPacket } from '../decode/ip.ts';
import { decodeLink, isDecodedLinkType, type NetworkPayload } from '../decode/link.ts';
import { decodeTcp, decodeUdp, TcpFlag } from '../decode/transport.ts';
import { decapsulate } from '../decode/tunnel.ts';
import type { UndecodedReason } from '../model/report.ts';
import type { RawPacket } from '../source/capture-file.ts';
import { FlowCache } from './fast-path.ts';
import { FragmentTable } from './fragments.ts';
import { DnsBook } from './dns-book.ts';
import { noteTcpFlags, noteUnreachable, refusedFlowKey } from './failures.ts';
import { newFlow, type Flow } from './flow.ts';
import { flowKey, type Transport } from './flow-key.ts';
import { nameStream } from './namers.ts';
import { feedQuic, newQuicSession } from '../decode/quic.ts';
import { addPending, contiguousPrefix, MAX_PENDING, MAX_SEGMENTS } from './reassembly.ts';

const DNS_PORTS = new Set([53, 5353]);
// Ports that identify the server side of a flow whose opening packet was not captured.
const SERVER_PORTS = new Set([
  21, 22, 25, 53, 80, 110, 123, 143, 443, 465, 587, 853, 993, 995, 1080, 3128, 5222, 8080, 8443, 9418,
]);
// Tunnels inside tunnels are real (VXLAN over GRE over IPsec-less IP-in-IP); more than this is a loop.
const MAX_ENCAPSULATION = 4;
/**
 * Connections tracked one by one. Past this (a scan, a flood of SYNs) new connections are counted
 * per destination only, so memory stays bounded whatever the capture holds; the report says so.
 */
export const MAX_FLOWS = 100_000;
/** Destinations counted past MAX_FLOWS; beyond this they are one bucket. */
const MAX_OVERFLOW_DESTINATIONS = 50_000;

/** Which side sent a packet, when the packet itself says so. */
type Sender = 'client' | 'server' | 'unknown';

/**
 * Without the opening packet, ports tell the server: a well-known one, else a privileged one, else
 * the one outside the ephemeral range (Linux 32768-60999, IANA 49152-65535). Undefined: no cue.
 */
function srcLooksLikeServer(srcPort: number, dstPort: number): boolean | undefined {
  const src = SERVER_PORTS.has(srcPort);
  const dst = SERVER_PORTS.has(dstPort);
  if (src !== dst) return src;
  if (srcPort < 1024 !== dstPort < 1024) return srcPort < 1024;
  if (srcPort >= 32768 !== dstPort >= 32768) return dstPort >= 32768;
  return undefined;
}

/**
 * UDP has no handshake: the first datagram's sender is the client unless it comes from a well-known
 * port (a DNS answer whose query was not captured). TCP without its SYN goes by every port cue.
 */
function guessSrcIsServer(transport: Transport, srcPort: number, dstPort: number): boolean {
  if (transport === 'udp') return SERVER_PORTS.has(srcPort) && !SERVER_PORTS.has(dstPort);
  return srcLooksLikeServer(srcPort, dstPort) === true;
}

/** A client's opening bytes: a TLS ClientHello record or an HTTP request line. */
function looksLikeClientOpening(b: Buffer): boolean {
  if (b.length >= 6 && b[0] === 22 && b[1] === 3 && b[5] === 1) return true;
  return /^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|CONNECT) /.test(b.subarray(0, 8).toString('latin1'));
}

export interface OverflowCount {
  transport: Transport;
  serverIp: string;
  serverPort: number;
  connections: number;
  bytes: number;
  first: number;
  last: number;
}

/** Everything learned while streaming, before it becomes the report. */
export class Analysis {
  readonly flows = new Map<string, Flow>();
  /** Earlier connections whose 4-tuple a new connection reused (busy clients recycle ports). */
  readonly reusedFlows: Flow[] = [];
  readonly dns = new DnsBook();
  readonly fragments = new FragmentTable();
  /** Connections past MAX_FLOWS, counted by destination. */
  readonly overflow = new Map<string, OverflowCount>();
  overflowConnections = 0;
  undecoded = 0;
  readonly undecodedBy: Partial<Record<UndecodedReason, number>> = {};
  /** Packets taken out of a tunnel, by kind, and the tunnels' outer ends. */
  readonly tunnels: Record<string, number> = {};
  readonly tunnelEnds = new Map<string, number>();

  /** Packets of known connections, counted without decoding them (fast-path.ts). */
  private readonly cache = new FlowCache();
  /** The TCP connection the packet being decoded was filed under, for the cache to learn. */
  private lastTcpFlow: Flow | undefined;

  private skip(reason: UndecodedReason): void {
    this.undecoded++;
    this.undecodedBy[reason] = (this.undecodedBy[reason] ?? 0) + 1;
  }

  /**
   * The reader's CountedHook: a packet of a known connection is counted in place (fast-path.ts);
   * false sends it to `decode`, which must come next with that same packet.
   */
  readonly counted = (linkType: number, buffer: Buffer, start: number, end: number, time: number): boolean =>
    this.cache.count(linkType, buffer, start, end, time);

  /** A packet `counted` refused: decoded in full, and its connection learned by the fast path. */
  decode(raw: RawPacket): void {
    this.lastTcpFlow = undefined;
    this.frame(raw.linkType, raw.data, raw.time);
    this.cache.learn(this.lastTcpFlow);
  }

  /** One captured frame: its link layer, then IP, fragments and tunnels down to the transport. */
  frame(linkType: number, data: Buffer, time: number): void {
    let network: NetworkPayload | undefined = decodeLink(linkType, data);
    if (!network) return this.skip(isDecodedLinkType(linkType) ? 'not-ip' : 'link-type');
    for (let depth = 0; ; depth++) {
      let ip = decodeIp(network);
      if (!ip) return this.skip('malformed');
      if (ip.fragmentOf) {
        ip = this.fragments.add(ip, time);
        if (!ip) return;
      }
      const tunnel = depth < MAX_ENCAPSULATION ? decapsulate(ip) : undefined;
      if (!tunnel) return this.packet(ip, time);
      if (!tunnel.inner) return this.skip('tunnel');
      this.tunnels[tunnel.kind] = (this.tunnels[tunnel.kind] ?? 0) + 1;
      const ends = `${tunnel.kind} ${ip.src} -> ${ip.dst}`;
      if (this.tunnelEnds.has(ends) || this.tunnelEnds.size < 16)
        this.tunnelEnds.set(ends, (this.tunnelEnds.get(ends) ?? 0) + 1);
      network = tunnel.inner;
    }
  }

  /** Every connection seen, for the aggregate step. */
  allFlows(): Flow[] {
    return [...this.reusedFlows, ...this.flows.values()];
  }

  /** End of the capture: fragments that never completed are counted as undecoded. */
  finish(): void {
    this.fragments.finish();
    if (this.fragments.dropped) {
      this.undecoded += this.fragments.dropped;
      this.undecodedBy.fragment = (this.undecodedBy.fragment ?? 0) + this.fragments.dropped;
    }
  }

  packet(ip: IpPacket, time: number): void {
    if (ip.protocol === 6) this.tcp(ip, time);
    else if (ip.protocol === 17) this.udp(ip, time);
    else if (ip.protocol === 1 || ip.protocol === 58) this.icmp(ip);
    else this.skip('protocol');
  }

  private flowFor(transport: Transport, ip: IpPacket, srcPort: number, dstPort: number, sender: Sender, time: number) {
    const key = flowKey(transport, ip.src, srcPort, ip.dst, dstPort);
    let flow = this.flows.get(key);
    if (flow && sender !== 'unknown' && !flow.oriented) {
      // The opening packet (or the SYN-ACK) came late and says who is who: believe it over ports.
      const srcIsClient = flow.clientIp === ip.src && flow.clientPort === srcPort;
      if ((sender === 'client') !== srcIsClient) this.flip(flow);
      flow.oriented = true;
    }
    if (!flow) {
      if (this.flows.size >= MAX_FLOWS) {
        this.countOverflow(transport, ip, srcPort, dstPort, sender, time);
        return { flow: undefined, fromClient: false };
      }
      const srcIsServer =
        sender === 'server' || (sender === 'unknown' && guessSrcIsServer(transport, srcPort, dstPort));
      flow = newFlow(
        transport,
        {
          clientIp: srcIsServer ? ip.dst : ip.src,
          clientPort: srcIsServer ? dstPort : srcPort,
          serverIp: srcIsServer ? ip.src : ip.dst,
          serverPort: srcIsServer ? srcPort : dstPort,
        },
        time,
        sender !== 'unknown',
      );
      this.flows.set(key, flow);
    }
    flow.lastSeen = Math.max(flow.lastSeen, time);
    flow.bytes += ip.wirePayloadLength;
    const fromClient = flow.clientIp === ip.src && flow.clientPort === srcPort;
    return { flow, fromClient };
  }

  /** Swaps a flow's ends (its orientation was a guess, and the traffic said otherwise). */
  private flip(flow: Flow): void {
    // The key does not depend on direction: only the roles change.
    [flow.clientIp, flow.serverIp] = [flow.serverIp, flow.clientIp];
    [flow.clientPort, flow.serverPort] = [flow.serverPort, flow.clientPort];
    this.decide(flow);
    flow.decided = flow.name !== undefined;
    flow.baseSeq = undefined;
    flow.segments = 0;
  }

  /** Past MAX_FLOWS: the connection is counted by destination, and never named. */
  private countOverflow(
    transport: Transport,
    ip: IpPacket,
    srcPort: number,
    dstPort: number,
    sender: Sender,
    time: number,
  ): undefined {
    this.overflowConnections++;
    const srcIsServer = sender === 'server' || (sender === 'unknown' && guessSrcIsServer(transport, srcPort, dstPort));
    const serverIp = srcIsServer ? ip.src : ip.dst;
    const serverPort = srcIsServer ? srcPort : dstPort;
    let key = `${transport} ${serverIp} ${serverPort}`;
    if (!this.overflow.has(key) && this.overflow.size >= MAX_OVERFLOW_DESTINATIONS) key = 'other';
    let count = this.overflow.get(key);
    if (!count) {
      count = {
        transport,
        serverIp: key === 'other' ? '' : serverIp,
        serverPort: key === 'other' ? 0 : serverPort,
        connections: 0,
        bytes: 0,
        first: time,
        last: time,
      };
      this.overflow.set(key, count);
    }
    // Each packet past the cap counts once: without per-connection state, packets stand for connections
    // only for openings (SYNs); other packets add bytes.
    if (transport === 'udp' || sender === 'client') count.connections++;
    count.bytes += ip.wirePayloadLength;
    count.last = Math.max(count.last, time);
    return undefined;
  }

  private tcp(ip: IpPacket, time: number): void {
    const segment = decodeTcp(ip.payload);
    if (!segment) return this.skip('malformed');
    const syn = (segment.flags & TcpFlag.syn) !== 0;
    const ack = (segment.flags & TcpFlag.ack) !== 0;
    if (syn && !ack) {
      // A SYN with a new initial sequence number on a known 4-tuple is a new connection reusing the
      // client's port, not a retransmission: set the old one aside so both are counted.
      const key = flowKey('tcp', ip.src, segment.srcPort, ip.dst, segment.dstPort);
      const previous = this.flows.get(key);
      const sameClient = previous?.clientIp === ip.src && previous.clientPort === segment.srcPort;
      if (previous?.synSeen && sameClient && previous.isn !== segment.seq) {
        this.reusedFlows.push(previous);
        this.flows.delete(key);
        this.cache.clear();
      }
    }
    const sender: Sender = syn ? (ack ? 'server' : 'client') : 'unknown';
    const found = this.flowFor('tcp', ip, segment.srcPort, segment.dstPort, sender, time);
    const flow = found.flow;
    let fromClient = found.fromClient;
    this.lastTcpFlow = flow;
    if (!flow) return;
    if (syn && !ack && fromClient) {
      flow.synSeen = true;
      flow.isn = segment.seq;
      flow.baseSeq = (segment.seq + 1) >>> 0;
    }
    if (syn && ack && !fromClient) flow.synAckSeen = true;
    noteTcpFlags(flow, segment.flags, fromClient);
    if (!segment.payload.length) return;
    if (DNS_PORTS.has(flow.serverPort)) {
      const direction = fromClient ? '>' : '<';
      this.dns.tcpBytes(
        `${flowKey('tcp', flow.clientIp, flow.clientPort, flow.serverIp, flow.serverPort)} ${direction}`,
        segment.payload,
        flow.clientIp,
        flow.serverIp,
        time,
      );
      return;
    }
    if (!fromClient && !flow.oriented && !flow.name && !flow.serverSpoke) {
      // Mid-connection capture: the side taken for the server opens with a ClientHello or a request.
      flow.serverSpoke = true;
      if (looksLikeClientOpening(segment.payload)) {
        this.flip(flow);
        flow.oriented = true;
        fromClient = true;
      }
    }
    if (!fromClient || flow.decided) return;
    flow.baseSeq ??= segment.seq;
    // Allocated on the first client byte: a connection that never sends any (a scan) costs no buffer.
    flow.pending ??= new Map();
    addPending(flow.pending, (segment.seq - flow.baseSeq) >>> 0, segment.payload);
    flow.segments++;
    this.nameFromClientBytes(flow);
  }

  /** The namers are done with this flow: its first-flight bytes go. */
  private decide(flow: Flow): void {
    flow.decided = true;
    flow.pending = undefined;
  }

  /** Asks the namers about the client's reassembled first bytes; gives up after a few segments. */
  private nameFromClientBytes(flow: Flow): void {
    const stream = contiguousPrefix(flow.pending!);
    if (!stream.length) {
      // Data that never starts at offset 0 (a lost first segment): a few looks, then give up, so a
      // sender of endless out-of-order data costs no more than one that names itself.
      if (flow.segments >= MAX_SEGMENTS) this.decide(flow);
      return;
    }
    const verdict = nameStream(stream, { serverPort: flow.serverPort });
    if (verdict.status === 'named') {
      flow.name = verdict.name;
      this.decide(flow);
      return;
    }
    if (verdict.status === 'not-mine' || flow.segments >= MAX_SEGMENTS || stream.length >= MAX_PENDING)
      this.decide(flow);
  }

  private udp(ip: IpPacket, time: number): void {
    const datagram = decodeUdp(ip.payload);
    if (!datagram) return this.skip('malformed');
    const { flow, fromClient } = this.flowFor('udp', ip, datagram.srcPort, datagram.dstPort, 'unknown', time);
    if (!flow) return;
    if (DNS_PORTS.has(flow.serverPort)) {
      this.dns.datagram(datagram.payload, fromClient ? ip.src : ip.dst, fromClient ? ip.dst : ip.src, time);
      this.decide(flow);
      return;
    }
    if (!fromClient || flow.decided) return;
    // decode/quic.ts reads every version with public Initial keys and gQUIC's plaintext CHLO. An
    // unnamed verdict is kept as the flow's name meanwhile (a later datagram may still name it), so
    // a QUIC flow nobody can read still says QUIC and its version.
    flow.quic ??= newQuicSession();
    const verdict = feedQuic(flow.quic, datagram.payload);
    if (verdict.status === 'not-quic') {
      // The first datagram of a QUIC flow is a long-header (or gQUIC) packet; this is another protocol.
      this.decide(flow);
      flow.quic = undefined;
      return;
    }
    if (verdict.status === 'named')
      flow.name = { host: verdict.host, namedBy: 'sni', protocol: 'quic', quicVersion: verdict.versionName };
    else if (verdict.status === 'unnamed')
      flow.name = {
        host: '',
        namedBy: 'none',
        protocol: 'quic',
        quicVersion: verdict.versionName,
        unnamedReason: verdict.reason,
      };
    if (!flow.quic.final) return;
    this.decide(flow);
    flow.quic = undefined;
  }

  private icmp(ip: IpPacket): void {
    const key = refusedFlowKey(ip);
    const flow = key === undefined ? undefined : this.flows.get(key);
    if (flow) noteUnreachable(flow);
  }
}
