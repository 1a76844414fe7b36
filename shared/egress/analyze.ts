/**
 * Capture file -> egress report, in one streaming pass:
 *
 *   source/capture-file (pcap, pcapng) -> decode/link -> decode/ip
 *     -> analyze/analyzer: flows by analyze/flow-key, first flight by analyze/reassembly,
 *        names from the analyze/namers table (TLS SNI, HTTP Host/CONNECT, QUIC), analyze/dns-book,
 *        analyze/failures
 *     -> analyze/aggregate (per host, port, transport; analyze/steps) -> the report
 *
 * Memory is bounded by the number of connections, not the file size: each connection keeps at most
 * MAX_PENDING bytes of its client's first flight, and drops them as soon as they name it.
 */
import { openCapture } from './source/capture-file.ts';
import { decodeLink, isDecodedLinkType } from './decode/link.ts';
import { decodeIp } from './decode/ip.ts';
import { Analysis } from './analyze/analyzer.ts';
import { toEndpoints } from './analyze/aggregate.ts';
import type { StepWindow } from './analyze/steps.ts';
import { EGRESS_REPORT_SCHEMA_VERSION, type EgressReport } from './model/report.ts';
import { VERSION } from '../version.ts';

export type { StepWindow } from './analyze/steps.ts';

export interface AnalyzeOptions {
  /** Kernel drops and backend name, when the caller captured the file itself. */
  dropped?: number;
  backend?: string;
  /** The capture filter the file was taken with, recorded so readers know what `bytes` counts. */
  filter?: string;
  /** The job's steps, in order: each connection is attributed to the step running when it opened. */
  steps?: readonly StepWindow[];
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
  const unknownLinks = summary.linkTypes.filter((t) => !isDecodedLinkType(t));
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
    endpoints: toEndpoints(analysis.allFlows(), analysis.dns, options.steps),
    failedLookups: analysis.dns.usefulFailures(),
    warnings,
  };
}
