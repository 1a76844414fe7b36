/**
 * The scan's result as every renderer reads it (JSON, Markdown, HTML). The JSON renderer writes
 * this object as it is: its field names are the CLI's documented contract
 * (`findings[].rule/severity/eventId/…`, `stats.events/files/malformed`).
 */
import type { Finding } from '../findings.ts';
import type { SuppressionOutcome } from '../suppressions.ts';
import type { FindingGroup } from './groups.ts';
import type { LogHealth } from '../health.ts';
import type { RuleProblem, SigmaLevel } from '../rules/sigma/index.ts';
import { levelRank } from '../threat.ts';

export interface ScanStats {
  /** Events in the window after deduplication: what the rules saw. */
  events: number;
  /** Log files (or LookupEvents regions) read. */
  files: number;
  /** Files that could not be read to their end (listed in `malformedFiles`). */
  malformed: number;
  /** Records read, before the window and deduplication. */
  records: number;
  duplicates: number;
  outsideWindow: number;
  /** Files read because they arrived after the last night's watermark, though named before this window. */
  lateFiles: number;
  /** Records without a readable eventTime, left out of a bounded window. */
  undated: number;
  /**
   * The time span of what lay outside the window: events read and left out, and files or day folders
   * whose names put them outside (their delivery stamp or day). Absent when nothing was outside.
   */
  outside?: { first: string; last: string };
  /** Files and day folders left unread, by reason. */
  skipped: Record<string, number>;
  /** Events with a finding, suppressed ones not included (`groups` folds them into rows). */
  findings: number;
  /** Events whose finding a live suppression entry hid (listed per entry in `suppressions`). */
  suppressed: number;
  /** Findings (events) per severity. */
  bySeverity: Record<SigmaLevel, number>;
}

export interface MalformedFile {
  file: string;
  reason: string;
  /** Records read from the file before the problem (they are scanned). */
  records: number;
}

export interface ActorGroup {
  key: string;
  name: string;
  type: string;
  arn?: string;
  highest: SigmaLevel;
  /** Events with findings. */
  findings: number;
  /** Rows (groups) for this actor. */
  groups: number;
}

export interface RuleSummary {
  id: string;
  slug: string;
  title: string;
  level: SigmaLevel;
  origin: 'builtin' | 'custom';
  author?: string;
  link?: string;
  findings: number;
}

export interface CloudTrailReport {
  tool: { name: 'telltale'; version: string };
  generatedAt: string;
  window: { since: string | null; until: string | null };
  source: { kind: 'files' | 's3' | 'lookup' | 'athena'; location: string; regions?: string[]; notes: string[] };
  stats: ScanStats;
  /** One row per (rule, principal, target), worst first: what the Markdown and HTML show. */
  groups: FindingGroup[];
  /** Highest severity first, then by actor, then by time; up to a few examples per group (every event id is in `groups`). */
  findings: Finding[];
  /** Actors with findings, the most threatening first. */
  actors: ActorGroup[];
  health: LogHealth;
  /** Findings per UTC hour that had any. */
  timeline: { hour: string; findings: number; highest: SigmaLevel }[];
  /** Every suppression entry, with what it hid; expired ones are marked and no longer hide anything. */
  suppressions: SuppressionOutcome[];
  /** The latest delivery time (S3 LastModified) of the files read: the next night reads what arrives after it. */
  watermark?: string;
  /** Set when the previous night's state was read: groups not seen then (see `groups[].new`). */
  previous?: { generatedAt: string; newGroups: number };
  malformedFiles: MalformedFile[];
  rules: { loaded: RuleSummary[]; problems: RuleProblem[]; otherLogsource: string[] };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    levelRank(b.severity) - levelRank(a.severity) ||
    a.actor.key.localeCompare(b.actor.key) ||
    a.eventTime.localeCompare(b.eventTime) ||
    a.rule.localeCompare(b.rule)
  );
}

/** Actors ordered by their worst finding, then by how many they have. */
export function groupByActor(groups: readonly FindingGroup[]): ActorGroup[] {
  const actors = new Map<string, ActorGroup>();
  for (const g of groups) {
    let a = actors.get(g.actor.key);
    if (!a) {
      a = { key: g.actor.key, name: g.actor.name, type: g.actor.type, highest: g.severity, findings: 0, groups: 0 };
      if (g.actor.arn) a.arn = g.actor.arn;
      actors.set(g.actor.key, a);
    }
    a.findings += g.count;
    a.groups++;
    if (levelRank(g.severity) > levelRank(a.highest)) a.highest = g.severity;
  }
  return [...actors.values()].sort(
    (a, b) => levelRank(b.highest) - levelRank(a.highest) || b.findings - a.findings || a.name.localeCompare(b.name),
  );
}

/** Groups (rows) at or above `level`: what fails a run. */
export function findingsAtOrAbove(report: CloudTrailReport, level: SigmaLevel): FindingGroup[] {
  return report.groups.filter((g) => levelRank(g.severity) >= levelRank(level));
}

/** `3 critical, 2 high` over rows (groups), for titles and messages: what a person reads. */
export function countText(report: CloudTrailReport): string {
  const counts = new Map<SigmaLevel, number>();
  for (const g of report.groups) counts.set(g.severity, (counts.get(g.severity) ?? 0) + 1);
  const levels: SigmaLevel[] = ['critical', 'high', 'medium', 'low', 'informational'];
  const parts = levels.filter((l) => counts.get(l)).map((l) => `${counts.get(l)} ${l}`);
  return parts.length ? parts.join(', ') : 'no findings';
}
