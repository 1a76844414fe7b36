/**
 * The packet pass: each IP packet finds its connection (one flowKey, oriented client -> server), and
 * the connection's first client bytes go to the namers until one names it. DNS goes to the DNS book,
 * ICMP errors and resets to the failure notes. What is learned is plain data the aggregate step reads.
 */
import type { IpPacket } from '../decode/ip.ts';
import { decodeTcp, decodeUdp, TcpFlag } from '../decode/transport.ts';
import { DnsBook } from './dns-book.ts';
import { noteTcpFlags, noteUnreachable, refusedFlowKey } from './failures.ts';
import type { Flow } from './flow.ts';
import { flowKey, type Transport } from './flow-key.ts';
import { nameStream } from './namers.ts';
import { feedQuic, newQuicSession } from './quic-namer.ts';
import { addPending, contiguousPrefix, MAX_PENDING, MAX_SEGMENTS } from './reassembly.ts';

const DNS_PORTS = new Set([53, 5353]);
// Ports that identify the server side of a flow whose opening packet was not captured.
const SERVER_PORTS = new Set([21, 22, 25, 53, 80, 110, 123, 143, 443, 465, 587, 853, 993, 995, 3128, 8080, 9418]);

/** Everything learned while streaming, before it becomes the report. */
export class Analysis {
  readonly flows = new Map<string, Flow>();
  /** Earlier connections whose 4-tuple a new connection reused (busy clients recycle ports). */
  readonly reusedFlows: Flow[] = [];
  readonly dns = new DnsBook();
  undecoded = 0;

  /** Every connection seen, for the aggregate step. */
  allFlows(): Flow[] {
    return [...this.reusedFlows, ...this.flows.values()];
  }

  packet(ip: IpPacket, time: number): void {
    if (ip.fragment) {
      this.undecoded++;
      return;
    }
    if (ip.protocol === 6) this.tcp(ip, time);
    else if (ip.protocol === 17) this.udp(ip, time);
    else if (ip.protocol === 1 || ip.protocol === 58) this.icmp(ip);
    else this.undecoded++;
  }

  private flowFor(
    transport: Transport,
    ip: IpPacket,
    srcPort: number,
    dstPort: number,
    opening: boolean,
    time: number,
  ) {
    const forward = flowKey(transport, ip.src, srcPort, ip.dst, dstPort);
    let flow = this.flows.get(forward);
    let backward: string | undefined;
    if (!flow) {
      backward = flowKey(transport, ip.dst, dstPort, ip.src, srcPort);
      flow = this.flows.get(backward);
    }
    if (!flow) {
      backward ??= flowKey(transport, ip.dst, dstPort, ip.src, srcPort);
      // Without the opening packet, the side on a well-known (or lower) port is the server.
      const srcIsServer =
        !opening &&
        ((SERVER_PORTS.has(srcPort) && !SERVER_PORTS.has(dstPort)) ||
          (!SERVER_PORTS.has(dstPort) && srcPort < dstPort && srcPort < 1024));
      flow = {
        transport,
        clientIp: srcIsServer ? ip.dst : ip.src,
        clientPort: srcIsServer ? dstPort : srcPort,
        serverIp: srcIsServer ? ip.src : ip.dst,
        serverPort: srcIsServer ? srcPort : dstPort,
        firstSeen: time,
        lastSeen: time,
        bytes: 0,
        synSeen: false,
        synAckSeen: false,
        segments: 0,
        pending: new Map(),
      };
      this.flows.set(srcIsServer ? backward : forward, flow);
    }
    flow.lastSeen = Math.max(flow.lastSeen, time);
    flow.bytes += ip.wirePayloadLength;
    const fromClient = flow.clientIp === ip.src && flow.clientPort === srcPort;
    return { flow, fromClient };
  }

  private tcp(ip: IpPacket, time: number): void {
    const segment = decodeTcp(ip.payload);
    if (!segment) return void this.undecoded++;
    const syn = (segment.flags & TcpFlag.syn) !== 0;
    const ack = (segment.flags & TcpFlag.ack) !== 0;
    if (syn && !ack) {
      // A SYN with a new initial sequence number on a known 4-tuple is a new connection reusing the
      // client's port, not a retransmission: set the old one aside so both are counted.
      const key = flowKey('tcp', ip.src, segment.srcPort, ip.dst, segment.dstPort);
      const previous = this.flows.get(key);
      if (previous?.synSeen && previous.isn !== segment.seq) {
        this.reusedFlows.push(previous);
        this.flows.delete(key);
      }
    }
    const { flow, fromClient } = this.flowFor('tcp', ip, segment.srcPort, segment.dstPort, syn && !ack, time);
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
    if (!fromClient || !flow.pending) return;
    flow.baseSeq ??= segment.seq;
    addPending(flow.pending, (segment.seq - flow.baseSeq) >>> 0, segment.payload);
    flow.segments++;
    this.nameFromClientBytes(flow);
  }

  /** Asks the namers about the client's reassembled first bytes; gives up after a few segments. */
  private nameFromClientBytes(flow: Flow): void {
    const stream = contiguousPrefix(flow.pending!);
    if (!stream.length) return;
    const verdict = nameStream(stream, { serverPort: flow.serverPort });
    if (verdict.status === 'named') {
      flow.name = verdict.name;
      flow.pending = undefined;
      return;
    }
    if (verdict.status === 'not-mine' || flow.segments >= MAX_SEGMENTS || stream.length >= MAX_PENDING)
      flow.pending = undefined;
  }

  private udp(ip: IpPacket, time: number): void {
    const datagram = decodeUdp(ip.payload);
    if (!datagram) return void this.undecoded++;
    const opening = !SERVER_PORTS.has(datagram.srcPort) || SERVER_PORTS.has(datagram.dstPort);
    const { flow, fromClient } = this.flowFor('udp', ip, datagram.srcPort, datagram.dstPort, opening, time);
    if (DNS_PORTS.has(flow.serverPort)) {
      this.dns.datagram(datagram.payload, fromClient ? ip.src : ip.dst, fromClient ? ip.dst : ip.src, time);
      flow.pending = undefined;
      return;
    }
    if (!fromClient || !flow.pending) return;
    flow.quic ??= newQuicSession();
    const verdict = feedQuic(flow.quic, datagram.payload);
    if (verdict.status === 'need-more') return;
    if (verdict.status === 'named') flow.name = { host: verdict.host, namedBy: 'sni', protocol: 'quic' };
    else if (verdict.status === 'unnamed') flow.name = { host: '', namedBy: 'none', protocol: 'quic' };
    flow.pending = undefined;
    flow.quic = undefined;
  }

  private icmp(ip: IpPacket): void {
    const key = refusedFlowKey(ip);
    const flow = key === undefined ? undefined : this.flows.get(key);
    if (flow) noteUnreachable(flow);
  }
}
