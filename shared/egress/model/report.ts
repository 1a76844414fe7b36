/**
 * The egress report: what `telltale egress analyze --format json` prints and the egress action
 * writes to egress-report.json. Versioned; schemas/egress-report.schema.json describes it and a
 * test keeps the two in step. Keep the contract names (endpoints[].host/port/transport/protocol/
 * addresses); add fields, never rename them.
 */

export const EGRESS_REPORT_SCHEMA_VERSION = 1;

/** How the endpoint's host name was learned, strongest first. */
export type NamedBy = 'sni' | 'connect' | 'http-host' | 'dns' | 'none';

export type FailureKind = 'no-answer' | 'refused' | 'reset' | 'unreachable';

export interface Endpoint {
  /** The name the client asked for, or the IP literal when no evidence names it. */
  host: string;
  port: number;
  transport: 'tcp' | 'udp';
  /** https, http, quic, dns, ssh, tls, http-proxy, tcp, udp… */
  protocol: string;
  /** Addresses the connections went to, sorted. */
  addresses: string[];
  namedBy: NamedBy;
  /** ISO 8601 times of the first and last packet of any of its connections. */
  firstSeen: string;
  lastSeen: string;
  /** TCP connections (SYNs) or UDP flows. */
  connections: number;
  /** Connections that failed; `failures` says how. */
  failed: number;
  failures: FailureKind[];
  /** Bytes of IP payload in both directions, from the IP headers of the packets the capture kept. */
  bytes: number;
  /** The job steps active when the endpoint was used (filled from the Actions API, when readable). */
  steps?: string[];
  /** For CONNECT and SOCKS destinations: the proxy the connection went through (`host:port`). */
  via?: string;
  /** Addresses left out of `addresses` (an endpoint behind very many addresses lists the first ones). */
  addressesOmitted?: number;
  /**
   * Client addresses seen before NAT (a container's bridge address): the same connection also seen
   * after NAT is counted once, and this keeps where it really came from.
   */
  natClients?: string[];
  /**
   * For QUIC endpoints: the version the client spoke ("v1", "v2", "draft-29", "T051", "Q046",
   * "mvfst-draft-27", or its hex). With `namedBy: none` it says which version could not be read.
   */
  quicVersion?: string;
  /** Why a QUIC endpoint is not named by SNI (a version whose Initials cannot be read, no SNI…). */
  unnamedReason?: string;
}

/** A name that resolved, whose addresses no captured connection went to. */
export interface LookedUpName {
  name: string;
  /** Record types asked (A, AAAA, HTTPS…). */
  types: string[];
  /** Addresses the answers gave (A/AAAA and HTTPS/SVCB hints), sorted. */
  addresses: string[];
  server: string;
  /** ISO 8601 time of the first answer. */
  time: string;
}

export interface FailedLookup {
  name: string;
  type: string;
  /** NXDOMAIN, SERVFAIL, REFUSED, or NOANSWER (a NOERROR response with nothing for the name). */
  rcode: string;
  server: string;
  time: string;
}

/**
 * Why packets were left undecoded: a link type not decoded, a frame of a known link type that is not
 * IP (ARP, LLDP…), a header cut short, a fragment whose datagram never completed, a tunnel whose
 * payload could not be placed, an IP protocol that is none of TCP/UDP/ICMP (ESP, OSPF, SCTP…).
 */
export type UndecodedReason = 'link-type' | 'not-ip' | 'malformed' | 'fragment' | 'tunnel' | 'protocol';

export interface CaptureInfo {
  file: string;
  format: 'pcap' | 'pcapng';
  linkTypes: number[];
  packets: number;
  bytes: number;
  /** Packets the decoder could not place (unknown link types, non-IP, fragments). */
  undecoded: number;
  /** `undecoded` by reason (only reasons that occurred). */
  undecodedBy?: Partial<Record<UndecodedReason, number>>;
  /** Packets taken out of tunnels and decoded, by kind (gre, vxlan, geneve, ip-in-ip, gtp-u, erspan). */
  tunnels?: Record<string, number>;
  /** Kernel drops reported by the capture backend, when known. */
  dropped?: number;
  backend?: string;
  /** The BPF filter the capture was taken with ('' = everything); `bytes` counts only what it kept. */
  filter?: string;
  /**
   * Set when the capture did not run to the end (tcpdump died or was killed, its packet cap, a full
   * disk): egress from `since` on is missing, and no drop count is given.
   */
  incomplete?: { reason: string; message: string; since?: string };
  /** With several files merged into one report: every file, in the order read. */
  files?: string[];
}

export interface EgressReport {
  schemaVersion: typeof EGRESS_REPORT_SCHEMA_VERSION;
  tool: { name: 'telltale'; version: string };
  /** The job that was captured (its name in the Actions UI), when captured by the egress action. */
  job?: string;
  capture: CaptureInfo;
  endpoints: Endpoint[];
  failedLookups: FailedLookup[];
  /**
   * Names that were looked up but never contacted: they reached the resolver (DNS-only exfiltration
   * looks exactly like this), so they are egress of their own.
   */
  lookedUp?: LookedUpName[];
  warnings: string[];
}
