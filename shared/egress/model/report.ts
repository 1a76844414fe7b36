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
  /**
   * Block mode only: the processes that opened its connections (shared/egress/block/attribution.ts);
   * `unattributed` counts connections whose socket owner could not be found.
   */
  processes?: ProcessInfo[];
  unattributed?: number;
}

/** The process that owned a connection's socket when its first packet left. */
export interface ProcessInfo {
  pid: number;
  /** /proc/<pid>/exe, the executable's path (inside its container for a container's process). */
  exe?: string;
  /** The command line, arguments joined by spaces, at most 1,000 characters. */
  cmdline?: string;
  /** The short container id when the process runs in a container (podman, Docker, CRI-O). */
  container?: string;
}

/** Block mode: a connection the firewall refused because no manifest entry allowed it. */
export interface BlockedConnection {
  /** The name the client looked up (from the DNS answer that gave the address), or the address. */
  host: string;
  namedBy: 'dns' | 'none';
  address: string;
  port: number;
  transport: 'tcp' | 'udp';
  /** `output`: from this host; `forward`: from a container on one of its bridges. */
  origin: 'output' | 'forward';
  /** Refused packets (a UDP client may try several times; TCP is refused at its first SYN). */
  attempts: number;
  firstSeen: string;
  lastSeen: string;
  steps?: string[];
  /** Whoever tried; absent when the socket's owner could not be found (then `unattributed`). */
  processes?: ProcessInfo[];
  unattributed?: number;
}

/** Block mode's own record: what it enforced and how complete its attribution was. */
export interface BlockInfo {
  /** nftables table that did the enforcing (removed when block mode ended). */
  table: string;
  /** New outbound connections seen by the follower, and how many were tied to a process. */
  connections: number;
  attributed: number;
  /** Firewall state still present after block mode ended (should be empty). */
  leftovers: string[];
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
  /** Block mode only: connections refused because the manifest did not allow them. */
  blocked?: BlockedConnection[];
  block?: BlockInfo;
  warnings: string[];
}
