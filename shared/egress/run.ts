/**
 * One egress run, the same for the CLI and the actions, returning plain data: name the endpoints of a
 * capture file (`analyze`), judge observed reports against the manifest (`diff`, optionally adding
 * the new endpoints to it), and check from here that every manifest endpoint answers (`preflight`).
 * Where the results go (stdout, the job summary, a PR comment, outputs) is the adapter's business.
 *
 * The diff and preflight rooms (manifest, YAML, JSON Schema, globbing, sockets) are loaded when their
 * run starts: `egress analyze` of a small capture spent more time loading them than analysing.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseDuration } from '../util/duration.ts';
import { InputError } from '../util/errors.ts';
import { analyzeCaptureFile, analyzeCaptureFilesMerged, type AnalyzeOptions } from './analyze.ts';
import type { ObservedReport } from './diff/diff.ts';
import type { Manifest } from './manifest/manifest.ts';
import type { EgressReport } from './model/report.ts';
import type { EgressPolicy, EgressVerdict } from './policy.ts';
import type { PreflightReport, PreflightResult } from './preflight/preflight.ts';
import { renderPreflightMarkdown } from './preflight/render.ts';
import { renderEndpointsMarkdown, renderEndpointsText } from './render/endpoints.ts';

export type ReportFormat = 'json' | 'markdown' | 'table';

/** Every endpoint in a pcap or pcapng file. */
export function analyzeEgress(file: string, options: AnalyzeOptions = {}): Promise<EgressReport> {
  return analyzeCaptureFile(file, options);
}

/** Several capture files as one report: connections and DNS answers pooled. */
export function analyzeEgressMerged(files: readonly string[], options: AnalyzeOptions = {}): Promise<EgressReport> {
  return analyzeCaptureFilesMerged(files, options);
}

/** The report as the user asked for it; `json` is the egress-report.json every capture writes. */
export function renderEgressReport(report: EgressReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'markdown') return renderEndpointsMarkdown(report);
  return renderEndpointsText(report);
}

export interface DiffRunOptions {
  /** Report files, folders or glob patterns (see diff/reports.ts). */
  reportFiles?: readonly string[];
  /** Reports already in memory (the egress action's own capture). */
  reports?: readonly ObservedReport[];
  manifest: string;
  /** How the verdict names the manifest, when not by `manifest` (the demo shows the usual path). */
  manifestLabel?: string;
  policy: EgressPolicy;
  /** Link to the run, for the comment's "full details in the job summary". */
  runUrl?: string | undefined;
  /** Markdown put before the diff in the summary and the comment (e.g. who wrote the reports). */
  preface?: string | undefined;
  /** Add the new endpoints to the manifest (created when missing), keeping its comments and order. */
  update?: { note: string };
}

export interface DiffRun {
  verdict: EgressVerdict;
  /**
   * Present with `update`: how many endpoints were added to which file (0: nothing new), the ones
   * left out because every connection to them failed (with the snippet to add them on purpose), and
   * the verdict against the manifest as written.
   */
  updated?: {
    file: string;
    added: number;
    leftOut: { host: string; port: number; transport: 'tcp' | 'udp' }[];
    leftOutSnippet: string;
    verdict: EgressVerdict;
  };
}

/** A manifest that does not exist yet, for `--update` to start from what a run observed. */
const EMPTY_MANIFEST =
  "# Endpoints this repository's jobs may reach: see docs/egress-policy.md\nversion: 1\nallow: []\n";

export async function diffEgressRun(options: DiffRunOptions): Promise<DiffRun> {
  const [{ diffEgress }, { loadReports }, { loadManifest, parseManifest }, update, { judgeEgress }] = await Promise.all(
    [
      import('./diff/diff.ts'),
      import('./diff/reports.ts'),
      import('./manifest/manifest.ts'),
      import('./manifest/update.ts'),
      import('./policy.ts'),
    ],
  );
  const { proposeEntries, renderSnippet, splitAllFailed, updateManifest } = update;
  const manifest: Manifest =
    options.update && !existsSync(options.manifest)
      ? parseManifest(EMPTY_MANIFEST, options.manifest)
      : await loadManifest(options.manifest);
  const reports = [...(options.reports ?? []), ...(options.reportFiles ? await loadReports(options.reportFiles) : [])];
  const judge = (m: Manifest) =>
    judgeEgress(diffEgress(m, reports), {
      policy: options.policy,
      manifest: options.manifestLabel ?? options.manifest,
      runUrl: options.runUrl,
      preface: options.preface,
    });
  const verdict = judge(manifest);
  if (!options.update) return { verdict };
  const { usable, allFailed } = splitAllFailed(verdict.diff.new);
  const proposals = proposeEntries(usable);
  let after = verdict;
  if (proposals.length) {
    const text = updateManifest(manifest, proposals, options.update.note);
    await writeFile(options.manifest, text);
    // The verdict the user now has: what is still new (left out, or not writable as a host).
    after = judge(parseManifest(text, options.manifest));
  }
  const leftOut = allFailed.map((e) => ({ host: e.host, port: e.port, transport: e.transport }));
  return {
    verdict,
    updated: {
      file: options.manifest,
      added: proposals.length ? usable.length : 0,
      leftOut,
      leftOutSnippet: leftOut.length ? renderSnippet(proposeEntries(leftOut)) : '',
      verdict: after,
    },
  };
}

export interface PreflightRunOptions {
  manifest: string;
  /** A duration (`3s`, `500ms`). */
  timeout: string;
  /** A positive whole number, as given. */
  concurrency: string;
  /** How the caller names its settings in errors: `--timeout`, or `input 'timeout'`. */
  name: (setting: 'timeout' | 'concurrency') => string;
}

export interface PreflightRun {
  report: PreflightReport;
  /** Endpoints that answered wrong or not at all (skipped ones are not failures). */
  failed: PreflightResult[];
}

export async function preflightEgress(options: PreflightRunOptions): Promise<PreflightRun> {
  const timeoutMs = parseDuration(options.timeout, { what: options.name('timeout') });
  const concurrency = Number(options.concurrency);
  if (!/^\s*\d+\s*$/.test(options.concurrency) || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new InputError(`${options.name('concurrency')}: '${options.concurrency}' is not a positive whole number`);
  }
  const [{ loadManifest }, { runPreflight }] = await Promise.all([
    import('./manifest/manifest.ts'),
    import('./preflight/preflight.ts'),
  ]);
  const report = await runPreflight(await loadManifest(options.manifest), { timeoutMs, concurrency });
  return { report, failed: report.results.filter((r) => r.status !== 'ok' && r.status !== 'skipped') };
}

/** The preflight report as the user asked for it. */
export function renderPreflightReport(report: PreflightReport, format: 'json' | 'markdown'): string {
  return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderPreflightMarkdown(report);
}
