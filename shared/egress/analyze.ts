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
import { openCapture, type CaptureSummary } from './source/capture-file.ts';
import { isDecodedLinkType } from './decode/link.ts';
import { Analysis, MAX_FLOWS } from './analyze/analyzer.ts';
import { toEndpoints } from './analyze/aggregate.ts';
import { MAX_ANSWERED_NAMES } from './analyze/dns-book.ts';
import { mergeNatCopies } from './analyze/nat.ts';
import type { StepWindow } from './analyze/steps.ts';
import { EGRESS_REPORT_SCHEMA_VERSION, type EgressReport, type UndecodedReason } from './model/report.ts';
import { VERSION } from '../version.ts';

export type { StepWindow } from './analyze/steps.ts';

export interface AnalyzeOptions {
  /** Kernel drops and backend name, when the caller captured the file itself. */
  dropped?: number;
  backend?: string;
  /** The capture filter the file was taken with, recorded so readers know what `bytes` counts. */
  filter?: string;
  /** The job's steps, in order: each connection is attributed to the steps it was alive in. */
  steps?: readonly StepWindow[];
  /** List connections to loopback addresses too (they are not egress; left out by default). */
  includeLoopback?: boolean;
  /** Packets read so far, now and then during a long analysis (a terminal's progress line). */
  progress?: (packets: number) => void;
}

const REASON_TEXT: Record<UndecodedReason, string> = {
  'link-type': 'of a link type not decoded',
  'not-ip': 'not IP (ARP, LLDP…)',
  malformed: 'with a header cut short or malformed',
  fragment: 'IP fragments whose datagram never completed',
  tunnel: 'inside a tunnel whose payload could not be decoded',
  protocol: 'of an IP protocol other than TCP, UDP or ICMP',
};
// Reasons that may hide egress; ARP and the like only get counted.
const WARN_REASONS: readonly UndecodedReason[] = ['link-type', 'malformed', 'fragment', 'tunnel', 'protocol'];

/** Streams one file's packets into the analysis; the summary is complete when it resolves. */
async function feed(analysis: Analysis, file: string, progress?: (packets: number) => void): Promise<CaptureSummary> {
  // Every decoder below copies what it keeps, so packet buffers may be recycled; packets of known
  // connections are counted inside the reader's loop (analyze/fast-path.ts).
  const { packets, summary } = openCapture(file, { reuseBuffers: true, counted: analysis.counted });
  let next = 200_000;
  for (const raw of packets) {
    if (!raw.counted) analysis.decode(raw);
    // Yield to the event loop now and then so a long analysis does not starve timers and signals.
    if (summary.packets >= next) {
      next = summary.packets + 200_000;
      progress?.(summary.packets);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return summary;
}

function buildReport(
  analysis: Analysis,
  files: readonly string[],
  summaries: readonly CaptureSummary[],
  options: AnalyzeOptions,
): EgressReport {
  analysis.finish();
  const linkTypes = [...new Set(summaries.flatMap((s) => s.linkTypes))];
  const unknownLinks = linkTypes.filter((t) => !isDecodedLinkType(t));
  const warnings = summaries.flatMap((s) => s.warnings);
  if (unknownLinks.length)
    warnings.push(`link types ${unknownLinks.join(', ')} are not decoded; their packets are counted as undecoded`);
  for (const reason of WARN_REASONS) {
    const n = analysis.undecodedBy[reason];
    if (n && reason !== 'link-type') warnings.push(`${n} packets ${REASON_TEXT[reason]} were left undecoded`);
  }
  if (analysis.tunnelEnds.size) {
    const ends = [...analysis.tunnelEnds].map(([ends, n]) => `${ends} (${n})`).join(', ');
    warnings.push(
      `packets were taken out of tunnels and named inside them; tunnel ends not listed as endpoints: ${ends}`,
    );
  }
  if (options.dropped)
    warnings.push(
      `the kernel dropped ${options.dropped} packets during capture: endpoints may be missing from this report`,
    );
  if (analysis.overflowConnections)
    warnings.push(
      `more than ${MAX_FLOWS} connections: ${analysis.overflowConnections} later ones are counted by destination only, unnamed (memory stays bounded)`,
    );
  const aggregate = toEndpoints(
    mergeNatCopies(analysis.allFlows()),
    analysis.dns,
    { ...(options.steps ? { steps: options.steps } : {}), includeLoopback: options.includeLoopback ?? false },
    analysis.overflow.values(),
  );
  if (aggregate.loopbackLeftOut)
    warnings.push(
      `${aggregate.loopbackLeftOut} connections to loopback addresses are not egress and not listed (--include-loopback lists them)`,
    );
  const lookedUp = analysis.dns.lookedUpNotContacted(
    aggregate.contacted,
    new Set(aggregate.endpoints.map((e) => e.host)),
  );
  if (analysis.dns.answeredOmitted)
    warnings.push(
      `more than ${MAX_ANSWERED_NAMES} names were looked up: ${analysis.dns.answeredOmitted} later ones are not in "looked up, not contacted"`,
    );
  const sum = (f: (s: CaptureSummary) => number) => summaries.reduce((n, s) => n + f(s), 0);
  return {
    schemaVersion: EGRESS_REPORT_SCHEMA_VERSION,
    tool: { name: 'telltale', version: VERSION },
    capture: {
      file: files[0]!,
      format: summaries[0]!.format,
      linkTypes,
      packets: sum((s) => s.packets),
      bytes: sum((s) => s.bytes),
      undecoded: analysis.undecoded,
      ...(analysis.undecoded ? { undecodedBy: { ...analysis.undecodedBy } } : {}),
      ...(Object.keys(analysis.tunnels).length ? { tunnels: { ...analysis.tunnels } } : {}),
      ...(options.dropped !== undefined ? { dropped: options.dropped } : {}),
      ...(options.backend ? { backend: options.backend } : {}),
      ...(options.filter !== undefined ? { filter: options.filter } : {}),
      ...(files.length > 1 ? { files: [...files] } : {}),
    },
    endpoints: aggregate.endpoints,
    failedLookups: analysis.dns.usefulFailures(),
    ...(lookedUp.length ? { lookedUp } : {}),
    warnings,
  };
}

/** Analyses a capture file. Throws InputError only when the file is not a capture at all. */
export async function analyzeCaptureFile(file: string, options: AnalyzeOptions = {}): Promise<EgressReport> {
  const analysis = new Analysis();
  const summary = await feed(analysis, file, options.progress);
  return buildReport(analysis, [file], [summary], options);
}

/**
 * Several capture files as one report (the same job captured in parts, or a corpus read in one
 * process): connections and DNS answers are pooled, so a name learned in one file names the next.
 */
export async function analyzeCaptureFilesMerged(
  files: readonly string[],
  options: AnalyzeOptions = {},
): Promise<EgressReport> {
  const analysis = new Analysis();
  const summaries: CaptureSummary[] = [];
  for (const file of files) summaries.push(await feed(analysis, file, options.progress));
  return buildReport(analysis, files, summaries, options);
}
