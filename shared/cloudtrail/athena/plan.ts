/**
 * The queries of one Athena scan, as plain SQL (Trino, Athena engine v3). Two per night, whatever the
 * rule count (measured in scripts/bench/athena.ts): more queries would each scan the same partitions.
 *
 * 1. candidates: every record of the window any rule could match (the rule set compiled to one
 *    pre-filter by rules/sigma/sql.ts, a superset where SQL cannot say exactly what Sigma means),
 *    plus the trail changes log health reports; judged afterwards in process, by the same rule run.
 * 2. files: records per log file in the window (`"$path"`), for log health and the record count.
 *
 * Both name the window's day partitions explicitly (`"timestamp" IN (…)`), so partition projection
 * reads only those prefixes: bytes scanned, and so cost, follow the window, not the trail's age.
 */
import { KEYWORD_FIELD, compileRuleSetToSql, type SigmaRule } from '../rules/sigma/index.ts';
import type { RuleSet } from '../rules/ruleset.ts';
import { TRAIL_CHANGES } from '../health.ts';
import { partitionDays, type TimeWindow } from '../window.ts';
import { InputError } from '../../util/errors.ts';
import { CLOUDTRAIL_COLUMNS, selectList, tableFieldPaths } from './table.ts';

export interface ScanPlan {
  candidates: string;
  files: string;
  /** The day partitions (`yyyy/MM/dd`) every query is limited to. */
  days: string[];
  /** Rule parts the SQL pre-filters more broadly than Sigma matches; judged in process. */
  inexact: string[];
  /** Correlation rules: judged in process over the candidates of the rules they refer to. */
  correlations: string[];
  /** Fields rules read that the table does not have: always absent in a row read from Athena. */
  missingFields: string[];
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function planScan(rules: RuleSet, window: TimeWindow, table: string, now: number = Date.now()): ScanPlan {
  const days = partitionDays(window, now);
  if (!days || window.start === undefined) {
    throw new InputError('--engine athena needs a window with a start: every query is limited to its days', {
      location: { field: 'since' },
      hint: 'use --since 24h (the default), 7d or an ISO time, not all',
    });
  }
  const scope = [
    `"timestamp" IN (${days.map(sqlText).join(', ')})`,
    `eventtime >= ${sqlText(iso(window.start))}`,
    ...(window.end !== undefined ? [`eventtime < ${sqlText(iso(window.end))}`] : []),
  ];
  const compiled = compileRuleSetToSql(rules.detections, { table });
  const trailChanges = `(eventsource = 'cloudtrail.amazonaws.com' AND eventname IN (${[...TRAIL_CHANGES]
    .map(sqlText)
    .join(', ')}))`;
  const filter = compiled.where === 'TRUE' ? 'TRUE' : `(${compiled.where} OR ${trailChanges})`;
  // Ordered, so every run hands the rules the same sequence (deduplication keeps the first of an eventID).
  const candidates = `SELECT ${selectList()} FROM ${table} WHERE ${[...scope, filter].join(' AND ')} ORDER BY eventtime, eventid, "$path"`;
  const files = `SELECT "$path", count(*) FROM ${table} WHERE ${scope.join(' AND ')} GROUP BY "$path"`;
  return {
    candidates,
    files,
    days,
    inexact: compiled.inexact,
    correlations: rules.all.filter((r) => r.kind === 'correlation').map((r) => r.title),
    missingFields: missingFields(rules.detections),
  };
}

function missingFields(rules: readonly SigmaRule[]): string[] {
  const known = tableFieldPaths();
  const out = new Set<string>();
  for (const rule of rules) {
    for (const selection of Object.values(rule.detection.selections)) {
      for (const tests of selection.anyOf) {
        for (const t of tests) {
          const head = t.path[0] ?? '';
          // Virtual fields are computed from the record in process; free-form JSON columns keep every key.
          if (t.path.length === 1 && head === KEYWORD_FIELD) continue;
          if (head.startsWith('tt') && t.field.startsWith('tt.')) continue;
          if (CLOUDTRAIL_COLUMNS[head] === 'json') continue;
          if (head === 'resources' || known.has(t.field)) continue;
          if (typeof CLOUDTRAIL_COLUMNS[head] === 'object' && t.path.length === 1) continue;
          out.add(`${rule.title}: \`${t.field}\``);
        }
      }
    }
  }
  return [...out].sort();
}
