/**
 * The scan's result as every renderer reads it (JSON, Markdown, HTML). The JSON renderer writes
 * this object as it is: its field names are the CLI's documented contract
 * (`findings[].rule/severity/eventId/…`, `stats.events/files/malformed`).
 */
import type { Finding } from '../findings.ts';
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
  /** Records without a readable eventTime, left out of a bounded window. */
  undated: number;
  /** Files and day folders left unread, by reason. */
  skipped: Record<string, number>;
  findings: number;
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
  findings: number;
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
  source: { kind: 'files' | 's3' | 'lookup'; location: string; regions?: string[]; notes: string[] };
  stats: ScanStats;
  /** Highest severity first, then by actor, then by time. */
  findings: Finding[];
  /** Actors with findings, the most threatening first. */
  actors: ActorGroup[];
  health: LogHealth;
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
export function groupByActor(findings: readonly Finding[]): ActorGroup[] {
  const groups = new Map<string, ActorGroup>();
  for (const f of findings) {
    let g = groups.get(f.actor.key);
    if (!g) {
      g = { key: f.actor.key, name: f.actor.name, type: f.actor.type, highest: f.severity, findings: 0 };
      if (f.actor.arn) g.arn = f.actor.arn;
      groups.set(f.actor.key, g);
    }
    g.findings++;
    if (levelRank(f.severity) > levelRank(g.highest)) g.highest = f.severity;
  }
  return [...groups.values()].sort(
    (a, b) => levelRank(b.highest) - levelRank(a.highest) || b.findings - a.findings || a.name.localeCompare(b.name),
  );
}

/** Findings at or above `level`. */
export function findingsAtOrAbove(report: CloudTrailReport, level: SigmaLevel): Finding[] {
  return report.findings.filter((f) => levelRank(f.severity) >= levelRank(level));
}
