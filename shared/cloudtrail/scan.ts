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
import { buildFinding, type Finding } from './findings.ts';
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
import type { RecordSink, SourceSummary } from './sources/types.ts';
import { assessThreat, LEVELS } from './threat.ts';
import { describeWindow, inWindow, type TimeWindow } from './window.ts';

export interface ScanOptions {
  window: TimeWindow;
  rules: RuleSet;
  /** Whether the source knows file delivery times; the source's summary says so too. */
  deliveries: boolean;
  now?: number;
  /** Principals the user declared as their pipeline's: the only way besides AWS's own `invokedBy` to lower a level. */
  pipelinePrincipals?: PipelinePrincipals;
}

export async function scanCloudTrail(
  read: (sink: RecordSink) => Promise<SourceSummary>,
  options: ScanOptions,
): Promise<CloudTrailReport> {
  const { window, rules } = options;
  const now = options.now ?? Date.now();
  const seen = new EventIdSet();
  const health = new HealthTracker(options.deliveries ? 'deliveries' : 'events');
  const findings: Finding[] = [];
  const malformedFiles: MalformedFile[] = [];
  const stats: ScanStats = {
    events: 0,
    files: 0,
    malformed: 0,
    records: 0,
    duplicates: 0,
    outsideWindow: 0,
    undated: 0,
    skipped: {},
    findings: 0,
    bySeverity: Object.fromEntries(LEVELS.map((l) => [l, 0])) as ScanStats['bySeverity'],
  };
  const principals = options.pipelinePrincipals ?? new PipelinePrincipals();
  const bounded = window.start !== undefined || window.end !== undefined;
  const run = rules.start();
  const found = (hit: RuleHit) => {
    const { rule, record, aggregate } = hit;
    const threat = assessThreat(rule.level, record, rule.policy);
    findings.push(
      buildFinding(
        rule,
        record,
        threat,
        aggregate ? { count: aggregate.count, summary: aggregate.summary } : undefined,
      ),
    );
  };

  const sink: RecordSink = {
    record(record: CloudTrailRecord) {
      stats.records++;
      const time = eventTimeMs(record);
      if (Number.isNaN(time)) {
        if (bounded) {
          stats.undated++;
          return;
        }
      } else if (!inWindow(time, window)) {
        stats.outsideWindow++;
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
      health.file(file);
      if (error !== undefined) {
        stats.malformed++;
        malformedFiles.push({ file: file.name, reason: error, records });
      }
    },
    fileSkipped(_name, reason) {
      stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1;
    },
  };

  const source = await read(sink);

  // Correlation rules are judged once every record has been seen.
  for (const hit of run.end()) found(hit);
  findings.sort(compareFindings);
  stats.findings = findings.length;
  for (const f of findings) stats.bySeverity[f.severity]++;
  malformedFiles.sort((a, b) => a.file.localeCompare(b.file));

  const perRule = new Map<string, number>();
  for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
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
    findings,
    actors: groupByActor(findings),
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
