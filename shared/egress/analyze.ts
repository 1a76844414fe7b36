/**
 * Capture file -> egress report, in one streaming pass:
 *
 *   source/capture-file (pcap, pcapng) -> decode/link -> decode/ip -> decode/transport
 *     -> name evidence: decode/dns, decode/tls (SNI), decode/http (Host, CONNECT), decode/quic (Initials)
 *     -> model/flows (per connection) -> endpoints (per host, port, transport)
 *
 * Memory is bounded by the number of connections, not the file size: each connection keeps at most
 * MAX_PENDING bytes of its client's first flight, and drops them as soon as they name it.
 */
import { openCapture } from './source/capture-file.ts';
import { decodeLink } from './decode/link.ts';
import { decodeIp, type IpPacket } from './decode/ip.ts';
import { decodeTcp, decodeUdp, decodeUnreachable, TcpFlag } from './decode/transport.ts';
import { decodeDns, type DnsMessage } from './decode/dns.ts';
import { parseClientHello } from './decode/tls.ts';
import { parseHttpRequest } from './decode/http.ts';
import { feedQuic, newQuicSession } from './decode/quic.ts';
import { contiguousPrefix, type Flow, type FlowName } from './model/flows.ts';
import {
  EGRESS_REPORT_SCHEMA_VERSION,
  type EgressReport,
  type Endpoint,
  type FailedLookup,
  type NamedBy,
} from './model/report.ts';
import { VERSION } from '../version.ts';

const MAX_PENDING = 16 * 1024;
const MAX_SEGMENTS = 12;
const DNS_PORTS = new Set([53, 5353]);
// Ports that identify the server side of a flow whose opening packet was not captured.
const SERVER_PORTS = new Set([21, 22, 25, 53, 80, 110, 123, 143, 443, 465, 587, 853, 993, 995, 3128, 8080, 9418]);
const PORT_PROTOCOLS: Record<string, string> = {
  'tcp/22': 'ssh',
  'tcp/53': 'dns',
  'tcp/80': 'http',
  'tcp/443': 'https',
  'tcp/853': 'dns-over-tls',
  'tcp/9418': 'git',
  'udp/53': 'dns',
  'udp/123': 'ntp',
  'udp/443': 'quic',
  'udp/5353': 'mdns',
};
const NAMING_STRENGTH: Record<NamedBy, number> = { sni: 4, connect: 3, 'http-host': 2, dns: 1, none: 0 };

export interface AnalyzeOptions {
  /** Kernel drops and backend name, when the caller captured the file itself. */
  dropped?: number;
  backend?: string;
  /** The capture filter the file was taken with, recorded so readers know what `bytes` counts. */
  filter?: string;
  /** The job's steps, in order: each connection is attributed to the step running when it opened. */
  steps?: readonly StepWindow[];
}

export interface StepWindow {
  name: string;
  /** Milliseconds since the epoch. */
  start: number;
  /** Undefined while the step is still running. */
  end?: number;
}

/**
 * The step a connection opened at `time` belongs to: the one whose window holds it, else the last one
 * started before it (the Actions API reports whole seconds, so a connection may fall in a gap).
 */
export function stepAt(steps: readonly StepWindow[], time: number): string | undefined {
  let candidate: StepWindow | undefined;
  for (const step of steps) {
    if (step.start <= time && (step.end === undefined || time <= step.end)) return step.name;
    if (step.start <= time && (!candidate || step.start >= candidate.start)) candidate = step;
  }
  return candidate?.name;
}

interface DnsSighting {
  name: string;
  time: number;
}

/** Everything learned while streaming, before it becomes the report. */
class Analysis {
  readonly flows = new Map<string, Flow>();
  /** Earlier connections whose 4-tuple a new connection reused (busy clients recycle ports). */
  readonly reusedFlows: Flow[] = [];
  /** address -> names that resolved to it, in capture order */
  readonly resolved = new Map<string, DnsSighting[]>();
  readonly queries = new Map<string, { name: string; type: string; time: number }>();
  readonly failedLookups: FailedLookup[] = [];
  /** Per TCP DNS direction: bytes not yet forming a whole length-prefixed message. */
  readonly dnsStreams = new Map<string, Buffer>();
  undecoded = 0;

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
    transport: 'tcp' | 'udp',
    ip: IpPacket,
    srcPort: number,
    dstPort: number,
    opening: boolean,
    time: number,
  ) {
    const forward = `${transport} ${ip.src} ${srcPort} ${ip.dst} ${dstPort}`;
    let flow = this.flows.get(forward);
    let backward: string | undefined;
    if (!flow) {
      backward = `${transport} ${ip.dst} ${dstPort} ${ip.src} ${srcPort}`;
      flow = this.flows.get(backward);
    }
    if (!flow) {
      backward ??= `${transport} ${ip.dst} ${dstPort} ${ip.src} ${srcPort}`;
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
      const key = `tcp ${ip.src} ${segment.srcPort} ${ip.dst} ${segment.dstPort}`;
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
    if ((segment.flags & TcpFlag.rst) !== 0 && !fromClient && flow.synSeen && !flow.synAckSeen)
      flow.failure = 'refused';
    if (!segment.payload.length) return;
    if (DNS_PORTS.has(flow.serverPort)) {
      this.dnsOverTcp(flow, fromClient, segment.payload, time);
      return;
    }
    if (!fromClient || !flow.pending) return;
    flow.baseSeq ??= segment.seq;
    const offset = (segment.seq - flow.baseSeq) >>> 0;
    if (offset < MAX_PENDING) flow.pending.set(offset, Buffer.from(segment.payload.subarray(0, MAX_PENDING - offset)));
    flow.segments++;
    this.nameFromClientBytes(flow);
  }

  /** Tries the name decoders on the client's reassembled first bytes; gives up after a few segments. */
  private nameFromClientBytes(flow: Flow): void {
    const stream = contiguousPrefix(flow.pending!, MAX_PENDING);
    if (!stream.length) return;
    let waiting = false;
    const hello = parseClientHello(stream);
    if (hello.status === 'ok') {
      const protocol =
        flow.serverPort === 443 || hello.alpn.some((p) => p === 'h2' || p.startsWith('http/')) ? 'https' : 'tls';
      if (hello.serverName) flow.name = { host: hello.serverName.toLowerCase(), namedBy: 'sni', protocol };
      else flow.name = { host: '', namedBy: 'none', protocol };
      flow.pending = undefined;
      return;
    }
    if (hello.status === 'need-more') waiting = true;
    const request = parseHttpRequest(stream);
    if (request.status === 'ok') {
      if (request.connect) {
        flow.name = {
          host: request.connect.host,
          namedBy: 'connect',
          port: request.connect.port,
          protocol: 'http-proxy',
        };
      } else if (request.host) flow.name = { host: request.host, namedBy: 'http-host', protocol: 'http' };
      else flow.name = { host: '', namedBy: 'none', protocol: 'http' };
      flow.pending = undefined;
      return;
    }
    if (request.status === 'need-more') waiting = true;
    if (!waiting || flow.segments >= MAX_SEGMENTS || stream.length >= MAX_PENDING) flow.pending = undefined;
  }

  private udp(ip: IpPacket, time: number): void {
    const datagram = decodeUdp(ip.payload);
    if (!datagram) return void this.undecoded++;
    const opening = !SERVER_PORTS.has(datagram.srcPort) || SERVER_PORTS.has(datagram.dstPort);
    const { flow, fromClient } = this.flowFor('udp', ip, datagram.srcPort, datagram.dstPort, opening, time);
    if (DNS_PORTS.has(flow.serverPort)) {
      const message = decodeDns(datagram.payload);
      if (message) this.dns(message, fromClient ? ip.src : ip.dst, fromClient ? ip.dst : ip.src, time);
      flow.pending = undefined;
      return;
    }
    if (fromClient && flow.pending) this.quic(flow, datagram.payload);
  }

  /**
   * Feeds a client's datagrams to its QUIC session until they name the flow (decode/quic.ts reads
   * every version with public Initial keys and gQUIC's plaintext CHLO). An unnamed verdict is kept
   * as the flow's name meanwhile, so a QUIC flow nobody can read still says QUIC and its version.
   */
  private quic(flow: Flow, payload: Buffer): void {
    flow.quic ??= newQuicSession();
    const feed = feedQuic(flow.quic, payload);
    flow.segments++;
    if (feed.status === 'not-quic') {
      // The first datagram of a QUIC flow is a long-header (or gQUIC) packet; this is another protocol.
      flow.pending = undefined;
      flow.quic = undefined;
      return;
    }
    if (feed.status === 'named')
      flow.name = { host: feed.host, namedBy: 'sni', protocol: 'quic', quicVersion: feed.versionName };
    else if (feed.status === 'unnamed')
      flow.name = { host: '', namedBy: 'none', protocol: 'quic', quicVersion: feed.versionName };
    if (flow.quic.final) {
      flow.pending = undefined;
      flow.quic = undefined;
    }
  }

  private dnsOverTcp(flow: Flow, fromClient: boolean, payload: Buffer, time: number): void {
    const key = `${flow.clientIp} ${flow.clientPort} ${flow.serverIp} ${fromClient ? '>' : '<'}`;
    let buffer = Buffer.concat([this.dnsStreams.get(key) ?? Buffer.alloc(0), payload]);
    // RFC 1035 §4.2.2: each message is preceded by a two-byte length.
    while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
      const length = buffer.readUInt16BE(0);
      const message = decodeDns(buffer.subarray(2, 2 + length));
      if (message) this.dns(message, flow.clientIp, flow.serverIp, time);
      buffer = buffer.subarray(2 + length);
    }
    if (buffer.length && buffer.length < 64 * 1024) this.dnsStreams.set(key, Buffer.from(buffer));
    else this.dnsStreams.delete(key);
  }

  private dns(message: DnsMessage, client: string, server: string, time: number): void {
    if (!message.question) return;
    const key = `${client} ${server} ${message.id}`;
    if (!message.response) {
      this.queries.set(key, { ...message.question, time });
      return;
    }
    this.queries.delete(key);
    const asked = message.question;
    // Follow the CNAME chain from the question; every address at its end is named by the question.
    const chain = new Set([asked.name.toLowerCase()]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const answer of message.answers) {
        if (answer.type === 'CNAME' && chain.has(answer.name.toLowerCase()) && !chain.has(answer.data.toLowerCase())) {
          chain.add(answer.data.toLowerCase());
          grew = true;
        }
      }
    }
    let addresses = 0;
    for (const answer of message.answers) {
      if ((answer.type === 'A' || answer.type === 'AAAA') && chain.has(answer.name.toLowerCase())) {
        addresses++;
        const sightings = this.resolved.get(answer.data) ?? [];
        sightings.push({ name: asked.name.toLowerCase(), time });
        if (sightings.length > 16) sightings.shift();
        this.resolved.set(answer.data, sightings);
      }
    }
    const answered = message.answers.some(
      (a) => chain.has(a.name.toLowerCase()) && (a.type === asked.type || a.type === 'CNAME'),
    );
    if (
      message.rcode !== 'NOERROR' ||
      (!answered && addresses === 0 && (asked.type === 'A' || asked.type === 'AAAA'))
    ) {
      this.failedLookups.push({
        name: asked.name,
        type: asked.type,
        rcode: message.rcode === 'NOERROR' ? 'NOANSWER' : message.rcode,
        server,
        time: new Date(time).toISOString(),
      });
    }
  }

  private icmp(ip: IpPacket): void {
    const refused = decodeUnreachable(ip);
    if (!refused) return;
    const transport = refused.protocol === 6 ? 'tcp' : refused.protocol === 17 ? 'udp' : undefined;
    if (!transport) return;
    const flow = this.flows.get(`${transport} ${refused.src} ${refused.srcPort} ${refused.dst} ${refused.dstPort}`);
    if (flow && !flow.synAckSeen) flow.failure = 'unreachable';
  }

  /** The name the most recent DNS answer gave this address before `time`, if any. */
  nameForAddress(address: string, time: number): string | undefined {
    const sightings = this.resolved.get(address);
    if (!sightings) return undefined;
    for (let i = sightings.length - 1; i >= 0; i--) if (sightings[i]!.time <= time) return sightings[i]!.name;
    return undefined;
  }

  /** A DNS query that never got a response is an attempted egress too. */
  unansweredLookups(): FailedLookup[] {
    return [...this.queries].map(([key, q]) => ({
      name: q.name,
      type: q.type,
      rcode: 'TIMEOUT',
      server: key.split(' ')[1]!,
      time: new Date(q.time).toISOString(),
    }));
  }
}

interface EndpointAccumulator {
  endpoint: Omit<Endpoint, 'addresses' | 'failures' | 'firstSeen' | 'lastSeen' | 'steps'>;
  steps: Set<string>;
  addresses: Set<string>;
  failures: Set<Endpoint['failures'][number]>;
  first: number;
  last: number;
}

function protocolFor(transport: 'tcp' | 'udp', port: number, named?: FlowName): string {
  return named?.protocol ?? PORT_PROTOCOLS[`${transport}/${port}`] ?? transport;
}

function toEndpoints(analysis: Analysis, steps?: readonly StepWindow[]): Endpoint[] {
  const byKey = new Map<string, EndpointAccumulator>();
  const add = (
    host: string,
    port: number,
    transport: 'tcp' | 'udp',
    protocol: string,
    namedBy: NamedBy,
    address: string | undefined,
    flow: Flow,
    via?: string,
  ) => {
    const key = `${host} ${port} ${transport}`;
    let acc = byKey.get(key);
    if (!acc) {
      acc = {
        endpoint: {
          host,
          port,
          transport,
          protocol,
          namedBy,
          connections: 0,
          failed: 0,
          bytes: 0,
          ...(via ? { via } : {}),
        },
        steps: new Set(),
        addresses: new Set(),
        failures: new Set(),
        first: flow.firstSeen,
        last: flow.lastSeen,
      };
      byKey.set(key, acc);
    }
    const e = acc.endpoint;
    if (NAMING_STRENGTH[namedBy] > NAMING_STRENGTH[e.namedBy]) e.namedBy = namedBy;
    if (e.protocol === transport && protocol !== transport) e.protocol = protocol;
    if (address) acc.addresses.add(address);
    const quicVersion = flow.name?.quicVersion;
    if (quicVersion && e.protocol === 'quic') e.quicVersion ??= quicVersion;
    const step = steps && stepAt(steps, flow.firstSeen);
    if (step) acc.steps.add(step);
    e.connections++;
    e.bytes += flow.bytes;
    if (flow.failure) {
      e.failed++;
      acc.failures.add(flow.failure);
    }
    acc.first = Math.min(acc.first, flow.firstSeen);
    acc.last = Math.max(acc.last, flow.lastSeen);
  };

  for (const flow of [...analysis.reusedFlows, ...analysis.flows.values()]) {
    if (flow.transport === 'tcp' && flow.synSeen && !flow.synAckSeen && !flow.failure) flow.failure = 'no-answer';
    // A TCP flow we only saw the tail of, with no SYN and no payload naming it, says little; keep it
    // (it is real egress) but it is named by DNS at best.
    const dnsName = analysis.nameForAddress(flow.serverIp, flow.firstSeen);
    const named = flow.name?.host ? flow.name : undefined;
    if (named?.namedBy === 'connect') {
      // The tunnel's real destination, and the proxy it went through.
      const proxyHost = dnsName ?? flow.serverIp;
      add(
        named.host,
        named.port ?? 443,
        'tcp',
        named.port === 443 ? 'https' : 'tcp',
        'connect',
        undefined,
        flow,
        `${proxyHost}:${flow.serverPort}`,
      );
      add(proxyHost, flow.serverPort, 'tcp', 'http-proxy', dnsName ? 'dns' : 'none', flow.serverIp, flow);
      continue;
    }
    if (named) {
      add(
        named.host,
        flow.serverPort,
        flow.transport,
        protocolFor(flow.transport, flow.serverPort, named),
        named.namedBy,
        flow.serverIp,
        flow,
      );
    } else {
      const protocol = protocolFor(flow.transport, flow.serverPort, flow.name);
      add(
        dnsName ?? flow.serverIp,
        flow.serverPort,
        flow.transport,
        protocol,
        dnsName ? 'dns' : 'none',
        flow.serverIp,
        flow,
      );
    }
  }
  return [...byKey.values()]
    .map(({ endpoint, steps: used, addresses, failures, first, last }) => ({
      ...endpoint,
      addresses: [...addresses].sort(),
      failures: [...failures].sort(),
      firstSeen: new Date(first).toISOString(),
      lastSeen: new Date(last).toISOString(),
      // In job order, not name order: the reader follows the job.
      ...(steps
        ? { steps: steps.map((s) => s.name).filter((name, i, all) => used.has(name) && all.indexOf(name) === i) }
        : {}),
    }))
    .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.host.localeCompare(b.host) || a.port - b.port);
}

/**
 * Failed lookups worth reporting: an empty answer for one address family is no failure when the
 * same name resolved in the other (an IPv6-only host answers A with nothing).
 */
function usefulFailures(analysis: Analysis): FailedLookup[] {
  const resolvedNames = new Set<string>();
  for (const sightings of analysis.resolved.values()) for (const s of sightings) resolvedNames.add(s.name);
  return [...analysis.failedLookups, ...analysis.unansweredLookups()].filter(
    (l) => !(l.rcode === 'NOANSWER' && resolvedNames.has(l.name.toLowerCase())),
  );
}

/** Analyses a capture file. Throws InputError only when the file is not a capture at all. */
export async function analyzeCaptureFile(file: string, options: AnalyzeOptions = {}): Promise<EgressReport> {
  // Every decoder below copies what it keeps, so packet buffers may be recycled.
  const { packets, summary } = openCapture(file, { reuseBuffers: true });
  const analysis = new Analysis();
  let count = 0;
  for (const raw of packets) {
    const network = decodeLink(raw.linkType, raw.data);
    const ip = network && decodeIp(network);
    if (!ip) analysis.undecoded++;
    else analysis.packet(ip, raw.time);
    // Yield to the event loop now and then so a long analysis does not starve timers and signals.
    if (++count % 200_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const unknownLinks = summary.linkTypes.filter((t) => ![0, 1, 12, 14, 101, 108, 113, 228, 229, 276].includes(t));
  const warnings = [...summary.warnings];
  if (unknownLinks.length)
    warnings.push(`link types ${unknownLinks.join(', ')} are not decoded; their packets are counted as undecoded`);
  if (options.dropped)
    warnings.push(
      `the kernel dropped ${options.dropped} packets during capture: endpoints may be missing from this report`,
    );
  return {
    schemaVersion: EGRESS_REPORT_SCHEMA_VERSION,
    tool: { name: 'telltale', version: VERSION },
    capture: {
      file,
      format: summary.format,
      linkTypes: summary.linkTypes,
      packets: summary.packets,
      bytes: summary.bytes,
      undecoded: analysis.undecoded,
      ...(options.dropped !== undefined ? { dropped: options.dropped } : {}),
      ...(options.backend ? { backend: options.backend } : {}),
      ...(options.filter !== undefined ? { filter: options.filter } : {}),
    },
    endpoints: toEndpoints(analysis, options.steps),
    failedLookups: usefulFailures(analysis),
    warnings,
  };
}
