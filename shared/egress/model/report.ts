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
  /** For CONNECT destinations: the proxy the connection went through (`host:port`). */
  via?: string;
  /**
   * For QUIC endpoints: the version the client spoke ("v1", "v2", "draft-29", "T051", "Q046",
   * "mvfst-draft-27", or its hex). With `namedBy: none` it says which version could not be read.
   */
  quicVersion?: string;
}

export interface FailedLookup {
  name: string;
  type: string;
  /** NXDOMAIN, SERVFAIL, REFUSED, or NOANSWER (a NOERROR response with nothing for the name). */
  rcode: string;
  server: string;
  time: string;
}

export interface CaptureInfo {
  file: string;
  format: 'pcap' | 'pcapng';
  linkTypes: number[];
  packets: number;
  bytes: number;
  /** Packets the decoder could not place (unknown link types, non-IP, fragments). */
  undecoded: number;
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
}

export interface EgressReport {
  schemaVersion: typeof EGRESS_REPORT_SCHEMA_VERSION;
  tool: { name: 'telltale'; version: string };
  /** The job that was captured (its name in the Actions UI), when captured by the egress action. */
  job?: string;
  capture: CaptureInfo;
  endpoints: Endpoint[];
  failedLookups: FailedLookup[];
  warnings: string[];
}
