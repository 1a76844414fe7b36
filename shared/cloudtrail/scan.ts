/**
 * One scan: a source streams records in; each is placed in the window, deduplicated by eventID,
 * matched against every rule, and forgotten. What is kept is small: findings, the bounded per-group
 * state of correlation rules (rules/correlation.ts), 16 bytes per event ID, one bit per hour for
 * log health.
 *
 *   const rules = await loadRuleSet({ dirs });
 *   const report = await scanCloudTrail((sink) => readLocal(dir, sink, { window }), { window, rules });
 */
import { VERSION } from '../version.ts';
import { EventIdSet } from './dedup.ts';
import { attackTechniques, buildFinding, type Finding } from './findings.ts';
import { FindingGrouper } from './model/groups.ts';
import { Suppressor, type Suppression } from './suppressions.ts';
import { HealthTracker } from './health.ts';
import { markProvenance, PipelinePrincipals } from './provenance.ts';
import { eventTimeMs, type CloudTrailRecord } from './record.ts';
import {
  compareFindings,
  groupByActor,
  type CloudTrailReport,
  type MalformedFile,
  type ScanStats,
} from './model/report.ts';
import type { RuleHit, RuleSet } from './rules/ruleset.ts';
import type { LogFile, RecordSink, SourceSummary } from './sources/types.ts';
import { assessThreat, LEVELS } from './threat.ts';
import { describeWindow, inWindow, type TimeWindow } from './window.ts';

export interface ScanOptions {
  window: TimeWindow;
  rules: RuleSet;
  /** Whether the source knows file delivery times; the source's summary says so too. */
  deliveries: boolean;
  now?: number;
  /** The repository's suppression entries (suppressions.ts); expired ones are reported, not applied. */
  suppressions?: readonly Suppression[];
  /** Principals the user declared as their pipeline's: the only way besides AWS's own `invokedBy` to lower a level. */
  pipelinePrincipals?: PipelinePrincipals;
  /** Called after each file read or skipped, with the counts so far (a terminal's progress line). */
  progress?: (stats: Readonly<ScanStats>) => void;
}

export async function scanCloudTrail(
  read: (sink: RecordSink) => Promise<SourceSummary>,
  options: ScanOptions,
): Promise<CloudTrailReport> {
  const { window, rules } = options;
  const now = options.now ?? Date.now();
  const seen = new EventIdSet();
  const health = new HealthTracker(options.deliveries ? 'deliveries' : 'events');
  const grouper = new FindingGrouper();
  const suppressor = new Suppressor(options.suppressions ?? [], now);
  const hourly = new Map<number, { findings: number; highest: number }>();
  let suppressed = 0;
  let watermark = -Infinity;
  const keep = (f: Finding, tags: readonly string[]) => {
    const attack = attackTechniques(tags);
    if (attack.length) f.attack = attack;
    if (suppressor.suppresses(f)) {
      suppressed += f.count;
      return;
    }
    grouper.add(f);
    stats.bySeverity[f.severity] += f.count;
    const t = Date.parse(f.eventTime);
    if (Number.isFinite(t)) {
      const hour = Math.floor(t / 3_600_000);
      const h = hourly.get(hour) ?? { findings: 0, highest: 0 };
      h.findings += f.count;
      h.highest = Math.max(h.highest, LEVELS.indexOf(f.severity));
      hourly.set(hour, h);
    }
  };
  const malformedFiles: MalformedFile[] = [];
  const stats: ScanStats = {
    events: 0,
    files: 0,
    malformed: 0,
    records: 0,
    duplicates: 0,
    outsideWindow: 0,
    lateFiles: 0,
    undated: 0,
    skipped: {},
    findings: 0,
    suppressed: 0,
    bySeverity: Object.fromEntries(LEVELS.map((l) => [l, 0])) as ScanStats['bySeverity'],
  };
  const principals = options.pipelinePrincipals ?? new PipelinePrincipals();
  const bounded = window.start !== undefined || window.end !== undefined;
  // What lay outside the window (event times, and the times skipped files' names cover): an empty
  // window then says where the logs are instead of just "0 events".
  let outsideFrom = Infinity;
  let outsideTo = -Infinity;
  const outside = (from: number, to: number) => {
    if (from < outsideFrom) outsideFrom = from;
    if (to > outsideTo) outsideTo = to;
  };
  const run = rules.start();
  const found = (hit: RuleHit) => {
    const { rule, record, aggregate } = hit;
    const threat = assessThreat(rule.level, record, rule.policy);
    keep(
      buildFinding(
        rule,
        record,
        threat,
        aggregate ? { count: aggregate.count, summary: aggregate.summary } : undefined,
      ),
      rule.tags ?? [],
    );
  };

  const sink: RecordSink = {
    record(record: CloudTrailRecord, file: LogFile) {
      stats.records++;
      const time = eventTimeMs(record);
      if (Number.isNaN(time)) {
        if (bounded) {
          stats.undated++;
          return;
        }
      } else if (!inWindow(time, window) && !(file.late && window.start !== undefined && time < window.start)) {
        stats.outsideWindow++;
        outside(time, time);
        return;
      }
      const id = record.eventID;
      if (typeof id === 'string' && id && !seen.add(id)) {
        stats.duplicates++;
        return;
      }
      stats.events++;
      health.event(record, time);
      markProvenance(record, principals);
      for (const hit of run.record(record)) found(hit);
    },
    fileDone(file, records, error) {
      stats.files++;
      if (file.late) stats.lateFiles++;
      if (file.modifiedMs !== undefined && file.modifiedMs > watermark) watermark = file.modifiedMs;
      health.file(file);
      if (error !== undefined) {
        stats.malformed++;
        malformedFiles.push({ file: file.name, reason: error, records });
      }
      options.progress?.(stats);
    },
    fileSkipped(_name, reason, span) {
      stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1;
      if (reason === 'outside-window' && span) outside(span.from, span.to);
      options.progress?.(stats);
    },
  };

  const source = await read(sink);

  // Correlation rules are judged once every record has been seen.
  for (const hit of run.end()) found(hit);
  const { groups, findings } = grouper.result();
  findings.sort(compareFindings);
  stats.findings = grouper.total;
  stats.suppressed = suppressed;
  if (outsideFrom <= outsideTo) {
    stats.outside = { first: new Date(outsideFrom).toISOString(), last: new Date(outsideTo).toISOString() };
  }
  malformedFiles.sort((a, b) => a.file.localeCompare(b.file));

  const perRule = new Map<string, number>();
  for (const g of groups) perRule.set(g.ruleId, (perRule.get(g.ruleId) ?? 0) + g.count);
  return {
    tool: { name: 'telltale', version: VERSION },
    generatedAt: new Date(now).toISOString(),
    window: describeWindow(window),
    source: {
      kind: source.kind,
      location: source.location,
      ...(source.regions ? { regions: source.regions } : {}),
      notes: source.notes,
    },
    stats,
    ...(Number.isFinite(watermark) ? { watermark: new Date(watermark).toISOString() } : {}),
    groups,
    findings,
    actors: groupByActor(groups),
    timeline: [...hourly.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([hour, h]) => ({
        hour: new Date(hour * 3_600_000).toISOString(),
        findings: h.findings,
        highest: LEVELS[h.highest]!,
      })),
    suppressions: suppressor.outcomes(),
    health: health.report(window, now),
    malformedFiles,
    rules: {
      loaded: rules.all.map((r) => ({
        id: r.id,
        slug: r.slug,
        title: r.title,
        level: r.level,
        origin: r.origin,
        ...(r.author ? { author: r.author } : {}),
        ...(r.link ? { link: r.link } : {}),
        findings: perRule.get(r.id) ?? 0,
      })),
      problems: [...rules.problems, ...run.notes()],
      otherLogsource: rules.otherLogsource,
    },
  };
}
