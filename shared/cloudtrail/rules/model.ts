/**
 * The common model of every rule a scan runs. A rule that looks at one record (a Sigma detection
 * rule) and a rule that looks across many (a Sigma correlation rule: "10 AccessDenied by one
 * principal in 15 minutes") are members of the same rule set, loaded the same way, listed the
 * same way, and switched off by the same `--no-builtin-rules` (pySigma's design: correlations are
 * rules in the same collection, not a special field).
 *
 *   const rules = await loadRuleSet({ dirs });           // ruleset.ts
 *   const run = rules.start();                          // fresh state for one scan
 *   for (const record of records) for (const hit of run.record(record)) report(hit);
 *   for (const hit of run.end()) report(hit);           // correlations decided over the stream
 */
import type { CloudTrailRecord } from '../record.ts';
import type { ThreatPolicy } from '../threat.ts';
import type { RuleProblem, SigmaLevel } from './sigma/index.ts';

export type RuleOrigin = 'builtin' | 'custom';

/** What a rule is, for reports: the same shape for every kind of rule. */
export interface RuleInfo {
  id: string;
  /** The file name without extension for built-in rules: stable, readable, used in fixtures. */
  slug: string;
  title: string;
  /** `event`: judged record by record; `correlation`: judged over many records (Sigma correlation). */
  kind: 'event' | 'correlation';
  /**
   * False for a rule that only feeds a correlation (Sigma `generate: false`, the default): it runs,
   * but its own matches are not findings.
   */
  generates: boolean;
  description?: string;
  /** The rule's Sigma `tags` (ATT&CK `attack.t1078.004`, …): the report shows the techniques. */
  tags?: string[];
  /** The Detection Rule License requires a Sigma rule's author on every finding it produces. */
  author?: string;
  link?: string;
  level: SigmaLevel;
  origin: RuleOrigin;
  file?: string;
  policy: ThreatPolicy;
  /** Template for the finding's one-line summary, `{field.path}` or `{a,b}` (first present). */
  summary?: string;
  /** Fields worth showing with a finding: what the rule tested beyond event name and source. */
  decisiveFields: string[];
  /** Titles of the Sigma filter documents that tune this rule. */
  filters: string[];
}

/** The events behind a correlation's hit. */
export interface HitAggregate {
  /** The correlation's measure in its busiest timespan: events, distinct values or rules. */
  count: number;
  /** One line saying what was counted, e.g. `12 events in 15m (GetBucketPolicy, ListBuckets)`. */
  summary: string;
  /** eventTime of the first and last event of the busiest timespan. */
  first: string;
  last: string;
  /** Event IDs of the busiest timespan (bounded; see correlation.ts). */
  eventIds: string[];
}

/** One finding's worth: a rule and the record it is told from. */
export interface RuleHit {
  rule: RuleInfo;
  record: CloudTrailRecord;
  aggregate?: HitAggregate;
}

/** One pass of a rule set over a stream of records. */
export interface RuleRun {
  /** Hits decided by this record alone; the record also feeds every correlation that wants it. */
  record(record: CloudTrailRecord): RuleHit[];
  /** Hits decided over the whole stream (correlations), once it has ended. */
  end(): RuleHit[];
  /** Things the run had to say, e.g. a correlation that reached its memory bound. */
  notes(): RuleProblem[];
}
