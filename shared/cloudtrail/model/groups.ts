/**
 * Repeated findings folded into what a person reads: one group per (rule, principal, target), with
 * how many events, the first and last time, and every event id (the JSON keeps them all). Full
 * findings are kept only up to a few per group, so memory follows the groups, not the events: a
 * night of 200,000 identical root calls is one group of 200,000 ids and a handful of examples.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../findings.ts';
import type { SigmaLevel } from '../rules/sigma/index.ts';
import { levelRank } from '../threat.ts';

export interface FindingGroup {
  /** Stable across nights (a hash of rule id, principal key and target): "new since last night" compares these. */
  id: string;
  rule: string;
  ruleId: string;
  ruleSlug: string;
  ruleAuthor?: string;
  description?: string;
  /** ATT&CK technique ids from the rule's tags (`T1562.008`). */
  attack: string[];
  severity: SigmaLevel;
  actor: { key: string; name: string; type: string; arn?: string };
  /** The resource the findings are about (first resource of the call), or '' when none. */
  target: string;
  /** Events behind the group (an aggregate finding counts its events). */
  count: number;
  firstSeen: string;
  lastSeen: string;
  success: number;
  failed: number;
  regions: string[];
  accounts: string[];
  /** The latest finding's one-line summary and console link. */
  summary: string;
  consoleUrl?: string;
  eventIds: string[];
  /** Set when the previous night's state is known: this group was not in it. */
  new?: boolean;
}

/** Full findings kept per group (the rest are counted and their ids kept). */
export const EXAMPLES_PER_GROUP = 5;

export class FindingGrouper {
  private readonly groups = new Map<string, { group: FindingGroup; examples: Finding[] }>();
  total = 0;

  add(f: Finding): void {
    this.total += f.count;
    const key = `${f.ruleId}\u0000${f.actor.key}\u0000${f.resources[0] ?? ''}`;
    let entry = this.groups.get(key);
    if (!entry) {
      const group: FindingGroup = {
        id: createHash('sha256').update(key).digest('hex').slice(0, 16),
        rule: f.rule,
        ruleId: f.ruleId,
        ruleSlug: f.ruleSlug,
        attack: f.attack ?? [],
        severity: f.severity,
        actor: {
          key: f.actor.key,
          name: f.actor.name,
          type: f.actor.type,
          ...(f.actor.arn ? { arn: f.actor.arn } : {}),
        },
        target: f.resources[0] ?? '',
        count: 0,
        firstSeen: f.eventTime,
        lastSeen: f.eventTime,
        success: 0,
        failed: 0,
        regions: [],
        accounts: [],
        summary: f.summary,
        eventIds: [],
      };
      if (f.ruleAuthor) group.ruleAuthor = f.ruleAuthor;
      if (f.description) group.description = f.description;
      entry = { group, examples: [] };
      this.groups.set(key, entry);
    }
    const g = entry.group;
    g.count += f.count;
    if (f.outcome === 'failed') g.failed += f.count;
    else g.success += f.count;
    if (levelRank(f.severity) > levelRank(g.severity)) g.severity = f.severity;
    if (f.eventTime && (!g.firstSeen || f.eventTime < g.firstSeen)) g.firstSeen = f.eventTime;
    if (f.eventTime >= g.lastSeen) {
      g.lastSeen = f.eventTime;
      g.summary = f.summary;
      if (f.consoleUrl) g.consoleUrl = f.consoleUrl;
      else delete g.consoleUrl;
    }
    if (f.region && !g.regions.includes(f.region) && g.regions.length < 20) g.regions.push(f.region);
    if (f.account && !g.accounts.includes(f.account) && g.accounts.length < 20) g.accounts.push(f.account);
    if (f.eventId) g.eventIds.push(f.eventId);
    if (entry.examples.length < EXAMPLES_PER_GROUP) {
      f.group = g.id;
      entry.examples.push(f);
    }
  }

  /** Groups, worst first, then the biggest, then by rule and actor. */
  result(): { groups: FindingGroup[]; findings: Finding[] } {
    const entries = [...this.groups.values()].sort(
      (a, b) =>
        levelRank(b.group.severity) - levelRank(a.group.severity) ||
        b.group.count - a.group.count ||
        a.group.rule.localeCompare(b.group.rule) ||
        a.group.actor.key.localeCompare(b.group.actor.key) ||
        a.group.target.localeCompare(b.group.target),
    );
    return { groups: entries.map((e) => e.group), findings: entries.flatMap((e) => e.examples) };
  }
}

/** Marks the groups that were not in the previous night's report. */
export function markNew(groups: FindingGroup[], previous: ReadonlySet<string>): number {
  let fresh = 0;
  for (const g of groups) {
    g.new = !previous.has(g.id);
    if (g.new) fresh++;
  }
  return fresh;
}
