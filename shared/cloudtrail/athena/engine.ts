/**
 * The Athena engine: the same scan as the streaming engine, with Athena as the record source.
 * Athena narrows the window's records to the candidates of the rule set (plan.ts); each candidate
 * row is turned back into its record (table.ts) and handed to scanCloudTrail, so the evaluator,
 * correlations, threat model, grouping and renderers are the streaming engine's own. What SQL could
 * not narrow exactly, and what the table cannot hold, is said in the report's source notes.
 *
 *   const report = await scanOnAthena({ client, target, table, rules, window, timeoutMs });
 */
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { CloudTrailReport } from '../model/report.ts';
import type { RuleSet } from '../rules/ruleset.ts';
import { scanCloudTrail, type ScanOptions } from '../scan.ts';
import { parseTrailKey } from '../sources/layout.ts';
import type { LogFile, SourceSummary } from '../sources/types.ts';
import type { TimeWindow } from '../window.ts';
import { estimatedCostUsd, runQuery, type AthenaTarget, type QueryStats } from '../../athena/query.ts';
import { planScan, type ScanPlan } from './plan.ts';
import { decodeRow } from './table.ts';

export interface AthenaScanOptions {
  client: AthenaClient;
  target: AthenaTarget;
  /** `database.table`, checked (table.ts qualifiedTable). */
  table: string;
  rules: RuleSet;
  window: TimeWindow;
  timeoutMs: number;
  pageSize?: number;
  now?: number;
  /** The scan's own options, as the streaming engine gets them (suppressions, pipeline principals…). */
  scan?: Omit<ScanOptions, 'window' | 'rules' | 'deliveries'>;
}

export interface AthenaScanFigures {
  queries: QueryStats[];
  /** Records of the window (before deduplication), from the files query. */
  windowRecords: number;
  /** Candidate rows the pre-filter returned. */
  candidateRows: number;
  bytesScanned: number;
  costUsd: number;
  plan: ScanPlan;
}

export async function scanOnAthena(
  options: AthenaScanOptions,
): Promise<{ report: CloudTrailReport; figures: AthenaScanFigures }> {
  const now = options.now ?? Date.now();
  const plan = planScan(options.rules, options.window, options.table, now);
  const queryOptions = { timeoutMs: options.timeoutMs, ...(options.pageSize ? { pageSize: options.pageSize } : {}) };
  const queries: QueryStats[] = [];
  let windowRecords = 0;
  const fileOf = (name: string): LogFile => {
    const key = parseTrailKey(name);
    return {
      name,
      ...(key ? { account: key.account, region: key.region } : {}),
      ...(key?.deliveredMs !== undefined ? { deliveredMs: key.deliveredMs } : {}),
    };
  };

  const report = await scanCloudTrail(
    async (sink): Promise<SourceSummary> => {
      queries.push(
        await runQuery(options.client, plan.files, options.target, queryOptions, ([path, count]) => {
          windowRecords += Number(count ?? 0);
          sink.fileDone(fileOf(path ?? ''), Number(count ?? 0));
        }),
      );
      const files = new Map<string, LogFile>();
      queries.push(
        await runQuery(options.client, plan.candidates, options.target, queryOptions, (values) => {
          const { record, file } = decodeRow(values);
          let f = files.get(file);
          if (!f) files.set(file, (f = fileOf(file)));
          sink.record(record, f);
        }),
      );
      return {
        kind: 'athena',
        location: `athena:${options.target.workgroup}/${options.table}`,
        deliveries: true,
        notes: notes(plan, queries, windowRecords),
      };
    },
    { ...options.scan, window: options.window, rules: options.rules, deliveries: true, now },
  );
  // The scan counted the candidates it was given; the window held more, all of them looked at by SQL.
  report.stats.events = Math.max(report.stats.events, windowRecords - report.stats.duplicates);
  const candidateRows = queries[1]?.rows ?? 0;
  const bytesScanned = queries.reduce((s, q) => s + q.bytesScanned, 0);
  return {
    report,
    figures: { queries, windowRecords, candidateRows, bytesScanned, costUsd: estimatedCostUsd(queries), plan },
  };
}

function notes(plan: ScanPlan, queries: readonly QueryStats[], windowRecords: number): string[] {
  const bytes = queries.reduce((s, q) => s + q.bytesScanned, 0);
  const candidates = queries[1]?.rows ?? 0;
  const out = [
    `Athena: ${queries.length} queries over ${plan.days.length} day partition(s) (${plan.days[0]}…${plan.days.at(-1)}), ` +
      `${formatBytes(bytes)} scanned, about $${estimatedCostUsd(queries).toFixed(4)} at $5/TB (10 MB minimum per query)`,
    `Athena: ${candidates} candidate row(s) of ${windowRecords} record(s) in the window, judged in process by every rule`,
  ];
  for (const line of plan.inexact) out.push(`pre-filtered more broadly in SQL, judged in process: ${line}`);
  for (const title of plan.correlations)
    out.push(`correlation judged in process over the candidates of its rules: ${title}`);
  for (const line of plan.missingFields)
    out.push(`not a column of the Athena table, so always absent in rows read from it: ${line}`);
  return out;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = -1;
  do {
    v /= 1024;
    i++;
  } while (v >= 1024 && i < units.length - 1);
  return `${v.toFixed(1)} ${units[i]}`;
}
