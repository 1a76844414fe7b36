/**
 * Sigma correlation rules judged in process, over a stream of records read once
 * (correlation rules specification v2, "Correlation Types").
 *
 * Records feed a correlation when one of its referred rules matches them. Each is filed under its
 * group (the `group-by` values, through `aliases` where given) as a small entry: time, which rule,
 * the counted value, event id. A group's measure is taken over every timespan-long stretch of its
 * entries — not the whole scan window — and the group's busiest stretch is what the condition is
 * judged on once the stream has ended:
 *
 *   event_count        events in the stretch
 *   value_count        distinct values of `condition.field` in the stretch (missing values not counted)
 *   temporal           distinct referred rules matched in the stretch (default condition: all of them)
 *   temporal_ordered   the longest prefix of the referred rules matched in that order within the stretch
 *
 * A condition with only lower bounds (`gte: 10`) therefore means "some timespan reached it"; one with
 * an upper bound (`lt`, `lte`, `eq`, a range) is judged on the busiest timespan, so `lt: 5` means the
 * group never reached 5. A group with no matching event has no entries and is never a hit.
 *
 * Memory is bounded per group. Records arrive in any order (LookupEvents pages newest first, files
 * are read several at a time), so entries are kept sorted and a small group is judged exactly.
 * Once a group holds many entries, those further than timespan + 1 hour from the newest arrival
 * expire (the busiest stretch so far is remembered first): state lives as long as the timespan,
 * plus an hour for records that arrive late, and never more than MAX_ENTRIES per group. Groups are
 * capped at MAX_GROUPS; a run that reaches a bound says so in the report's problems.
 *
 * value_count and temporal count distinct things (values, referred rules), so most entries of a busy
 * group say nothing new: an occurrence of a value with another of the same value before it and one
 * after it, the two within one timespan, can be let go — every timespan-long stretch that holds it
 * holds one of those two, so no stretch's count changes. Such entries are dropped as they arrive
 * (`thin`): a group then keeps about two entries per value per timespan, whatever the number of
 * events — a principal making 100,000 Describe calls of 40 kinds keeps a few hundred entries, not
 * 4,096 records. The finding's event ids are then those kept: one or two per value counted.
 */
import type { CloudTrailRecord } from '../record.ts';
import { str } from '../record.ts';
import { copyProvenance } from '../provenance.ts';
import type { CountCondition, RuleProblem, SigmaCorrelation, VirtualFields } from './sigma/index.ts';
import { fieldResolver } from './sigma/evaluate.ts';

/** A group judged exactly until it holds this many entries; then expiry starts. */
const SOFT_ENTRIES = 512;
/** Entries kept per group, whatever the order of arrival. */
export const MAX_ENTRIES = 4096;
/** Groups kept per correlation. */
export const MAX_GROUPS = 100_000;
/** How late (relative to the newest record of its group) a record may arrive and still be counted. */
const LATENESS_MS = 3_600_000;
/** Event IDs kept with a hit. */
const MAX_HIT_IDS = 200;

interface Entry {
  t: number;
  member: number;
  value: string | undefined;
  record: CloudTrailRecord;
  /** Let go by `thin`: still in `entries` until the group's next compaction. */
  dead?: true;
}

interface Best {
  metric: number;
  /** Entries of the busiest stretch, in time order (bounded). */
  first: number;
  last: number;
  ids: string[];
  names: string[];
  record: CloudTrailRecord;
}

interface Group {
  /** The group-by values, in order. */
  values: string[];
  /** In (time, member) order; some may be dead (thinned) until compaction. */
  entries: Entry[];
  /** Dead entries in `entries`. */
  dead: number;
  limit: number;
  best: Best | undefined;
  /** value_count and temporal: the live entries of each counted value (or member), in order. */
  byKey?: Map<string | number, Entry[]>;
}

/** A correlation's verdict for one group. */
export interface CorrelationHit {
  record: CloudTrailRecord;
  metric: number;
  first: string;
  last: string;
  eventIds: string[];
  eventNames: string[];
  /** The group-by values, in order. */
  group: string[];
}

export interface CorrelationMember {
  /** The referred rule's Sigma `name`, for `aliases`. */
  name?: string;
}

/** One correlation over one stream. */
export class CorrelationState {
  readonly correlation: SigmaCorrelation;
  private readonly groupKey: ((record: CloudTrailRecord) => string[])[];
  private readonly valueOf: ((record: CloudTrailRecord) => string | undefined)[];
  private readonly groups = new Map<string, Group>();
  private readonly span: number;
  private readonly need: number;
  private dropped = 0;
  private trimmed = 0;
  /** Whether groups let go of entries that cannot change a count (see the header). */
  private readonly thins: boolean;

  constructor(correlation: SigmaCorrelation, members: CorrelationMember[], virtualFields: VirtualFields = {}) {
    this.correlation = correlation;
    this.span = correlation.timespan.ms;
    this.need = members.length;
    this.thins = correlation.type === 'value_count' || correlation.type === 'temporal';
    const fieldFor = (field: string, member: CorrelationMember) =>
      (member.name !== undefined ? correlation.aliases[field]?.[member.name] : undefined) ?? field;
    this.groupKey = members.map((member) => {
      const resolvers = correlation.groupBy.map((g) => fieldResolver(fieldFor(g, member), virtualFields));
      return (record) => resolvers.map((r) => firstText(r(record)) ?? '');
    });
    this.valueOf = members.map((member) => {
      if (correlation.type !== 'value_count' || !correlation.field) return () => undefined;
      const r = fieldResolver(fieldFor(correlation.field, member), virtualFields);
      return (record) => firstText(r(record));
    });
  }

  /** A record the `member`-th referred rule matched. */
  observe(member: number, record: CloudTrailRecord): void {
    const t = Date.parse(str(record.eventTime) ?? '');
    if (Number.isNaN(t)) return;
    const value = this.valueOf[member]!(record);
    // value_count counts values; an event without one adds nothing (as COUNT(DISTINCT x) skips NULL).
    if (this.correlation.type === 'value_count' && value === undefined) return;
    const values = this.groupKey[member]!(record);
    // One group-by field (the common case) is its own key; several are joined unambiguously.
    const key = values.length === 1 ? values[0]! : JSON.stringify(values);
    let group = this.groups.get(key);
    if (!group) {
      if (this.groups.size >= MAX_GROUPS) {
        this.dropped++;
        return;
      }
      this.groups.set(key, (group = { values, entries: [], dead: 0, limit: SOFT_ENTRIES, best: undefined }));
      if (this.thins) group.byKey = new Map();
    }
    const entry: Entry = { t, member, value, record: slim(record) };
    insertSorted(group.entries, entry);
    if (group.byKey) this.thin(group, entry);
    // Expiry waits for the entry limit, not for time: sources arrive out of order by days (the
    // local walk reads region after region), and a group judged exactly must keep them all.
    if (group.entries.length - group.dead >= group.limit) this.expire(group, t);
  }

  /** Entries held now, over every group (a measure of the state's memory). */
  size(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.entries.length - g.dead;
    return n;
  }

  /** What a thinned group counts an entry under: its value (value_count) or its rule (temporal). */
  private countedKey(entry: Entry): string | number {
    return this.correlation.type === 'value_count' ? entry.value! : entry.member;
  }

  /**
   * Files the entry under its counted key and lets go of the neighbours it makes redundant: an entry
   * whose previous and next entries of the same key lie within one timespan of each other.
   */
  private thin(group: Group, entry: Entry): void {
    const k = this.countedKey(entry);
    const list = group.byKey!.get(k);
    if (!list) {
      group.byKey!.set(k, [entry]);
      return;
    }
    const i = insertSorted(list, entry);
    // Highest first, so that a removal does not move the positions still to be looked at.
    for (let j = Math.min(i + 1, list.length - 2); j >= Math.max(1, i - 1); j--) {
      if (list[j + 1]!.t - list[j - 1]!.t <= this.span) {
        list[j]!.dead = true;
        group.dead++;
        list.splice(j, 1);
      }
    }
    // Dead entries are dropped from the time-ordered list once they are most of it.
    if (group.dead > 64 && group.dead * 2 > group.entries.length) compact(group);
  }

  /** The groups whose busiest timespan satisfies the condition. */
  end(): CorrelationHit[] {
    const hits: CorrelationHit[] = [];
    const condition = this.condition();
    for (const group of this.groups.values()) {
      this.sweep(group);
      const best = group.best;
      if (!best || !satisfies(best.metric, condition)) continue;
      hits.push({
        record: best.record,
        metric: best.metric,
        first: new Date(best.first).toISOString(),
        last: new Date(best.last).toISOString(),
        eventIds: best.ids,
        eventNames: best.names,
        group: group.values,
      });
    }
    return hits;
  }

  notes(): string[] {
    const out: string[] = [];
    if (this.dropped) {
      out.push(`${this.dropped} matching events fell in groups beyond the first ${MAX_GROUPS} and were not counted`);
    }
    if (this.trimmed) {
      out.push(
        `a group held more than ${(MAX_ENTRIES * 3) / 4} events within the timespan + 1h; ${this.trimmed} were let go, so its busiest-timespan count is a lower bound`,
      );
    }
    return out;
  }

  private condition(): CountCondition {
    if (this.correlation.condition) return this.correlation.condition;
    // Temporal types without a condition: every referred rule ("All events defined by the rules
    // referred by the rule field must occur in the time frame").
    return { gte: this.need };
  }

  /** Remembers the busiest stretch so far, then lets go of entries far from the newest arrival. */
  private expire(group: Group, cursor: number): void {
    this.sweep(group);
    const horizon = this.span + LATENESS_MS;
    let kept = group.entries.filter((e) => !e.dead && Math.abs(e.t - cursor) <= horizon);
    if (kept.length > (MAX_ENTRIES * 3) / 4) {
      // Still (nearly) too many: keep the half nearest the newest arrival, so the next expiry is
      // thousands of arrivals away and the cost per record stays constant.
      const byDistance = [...kept].sort((a, b) => Math.abs(a.t - cursor) - Math.abs(b.t - cursor));
      const keep = new Set(byDistance.slice(0, MAX_ENTRIES / 2));
      this.trimmed += kept.length - keep.size;
      kept = kept.filter((e) => keep.has(e));
    }
    group.entries = kept;
    group.dead = 0;
    if (group.byKey) {
      group.byKey.clear();
      for (const e of kept) {
        const k = this.countedKey(e);
        const list = group.byKey.get(k);
        if (list) list.push(e);
        else group.byKey.set(k, [e]);
      }
    }
    group.limit = Math.min(MAX_ENTRIES + 1, Math.max(SOFT_ENTRIES, kept.length * 2));
  }

  /** The group's busiest timespan-long stretch of entries, folded into `group.best`. */
  private sweep(group: Group): void {
    if (group.dead) compact(group);
    const e = group.entries;
    if (e.length === 0) return;
    const found = measure(this.correlation.type, e, this.span, this.need);
    if (!found || (group.best && group.best.metric >= found.metric)) return;
    const stretch = e.slice(found.lo, found.hi + 1);
    const names = new Set<string>();
    for (const x of stretch) if (names.size < 10) names.add(str(x.record.eventName) ?? '?');
    group.best = {
      metric: found.metric,
      first: stretch[0]!.t,
      last: stretch[stretch.length - 1]!.t,
      ids: stretch.slice(0, MAX_HIT_IDS).map((x) => str(x.record.eventID) ?? ''),
      names: [...names].sort(),
      record: stretch[stretch.length - 1]!.record,
    };
  }
}

/**
 * What an entry keeps of its record: every top-level field but the request and response payloads,
 * of which only the request's scalar values stay (the names and ids a finding shows as resources
 * and a group-by may read). A busy night files hundreds of thousands of entries; whole records made
 * the scan's memory grow with its input and its time go to the garbage collector.
 */
const HEAVY = new Set(['requestParameters', 'responseElements', 'additionalEventData', 'serviceEventDetails']);
function slim(record: CloudTrailRecord): CloudTrailRecord {
  const out: Record<string, unknown> = {};
  // The pipeline evidence the scan marked (a symbol key, which for-in does not copy): without it a
  // correlation's finding would ignore the declared pipeline principals.
  copyProvenance(record, out as CloudTrailRecord);
  for (const key in record) {
    const value = record[key];
    if (!HEAVY.has(key)) out[key] = value;
    else if (key === 'requestParameters' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const scalars: Record<string, unknown> = {};
      for (const k in value as Record<string, unknown>) {
        const v = (value as Record<string, unknown>)[k];
        if (v === null || typeof v !== 'object') scalars[k] = v;
      }
      out[key] = scalars;
    }
  }
  return out as CloudTrailRecord;
}

/** Drops the thinned entries from the group's time-ordered list. */
function compact(group: Group): void {
  group.entries = group.entries.filter((e) => !e.dead);
  group.dead = 0;
}

/**
 * Entries stay in (time, member) order; records mostly arrive in order, so this is mostly a push.
 * Returns where the entry went.
 */
function insertSorted(entries: Entry[], entry: Entry): number {
  const before = (a: Entry, b: Entry) => a.t < b.t || (a.t === b.t && a.member <= b.member);
  if (entries.length === 0 || before(entries[entries.length - 1]!, entry)) {
    entries.push(entry);
    return entries.length - 1;
  }
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(entries[mid]!, entry)) lo = mid + 1;
    else hi = mid;
  }
  entries.splice(lo, 0, entry);
  return lo;
}

/** The busiest stretch of at most `span` ms: its measure and its first and last entry. */
function measure(
  type: SigmaCorrelation['type'],
  e: Entry[],
  span: number,
  need: number,
): { metric: number; lo: number; hi: number } | undefined {
  let best: { metric: number; lo: number; hi: number } | undefined;
  const consider = (metric: number, lo: number, hi: number) => {
    if (metric > 0 && (!best || metric > best.metric)) best = { metric, lo, hi };
  };
  if (type === 'temporal_ordered') {
    // From each match of the first rule, the greedy walk finds the longest in-order prefix in reach.
    for (let lo = 0; lo < e.length; lo++) {
      if (e[lo]!.member !== 0) continue;
      let k = 1;
      let hi = lo;
      for (let r = lo + 1; r < e.length && e[r]!.t - e[lo]!.t <= span && k < need; r++) {
        if (e[r]!.member === k) {
          k++;
          hi = r;
        }
      }
      consider(k, lo, hi);
      if (k === need) break;
    }
    return best;
  }
  // Two pointers over time order: [lo, hi] is the longest stretch ending at hi within the span.
  const counts = new Map<string | number, number>();
  const keyOf = (x: Entry): string | number | undefined =>
    type === 'value_count' ? x.value : type === 'temporal' ? x.member : undefined;
  let lo = 0;
  for (let hi = 0; hi < e.length; hi++) {
    const k = keyOf(e[hi]!);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    while (e[hi]!.t - e[lo]!.t > span) {
      const old = keyOf(e[lo]!);
      if (old !== undefined) {
        const n = counts.get(old)! - 1;
        if (n === 0) counts.delete(old);
        else counts.set(old, n);
      }
      lo++;
    }
    consider(type === 'event_count' ? hi - lo + 1 : counts.size, lo, hi);
  }
  return best;
}

/** Correlation rules specification v2, "Condition": every bound given must hold (a range is AND). */
export function satisfies(n: number, c: CountCondition): boolean {
  if (c.gt !== undefined && !(n > c.gt)) return false;
  if (c.gte !== undefined && !(n >= c.gte)) return false;
  if (c.lt !== undefined && !(n < c.lt)) return false;
  if (c.lte !== undefined && !(n <= c.lte)) return false;
  if (c.eq !== undefined && n !== c.eq) return false;
  if (c.neq !== undefined && n === c.neq) return false;
  return true;
}

function firstText(values: unknown[]): string | undefined {
  for (const v of values) {
    if (v === null || v === undefined) continue;
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return undefined;
}

/** A correlation's bound notes as rule problems, for the report. */
export function correlationNotes(state: CorrelationState): RuleProblem[] {
  const c = state.correlation;
  return state.notes().map((message) => ({
    file: c.source.file,
    line: c.source.line,
    rule: c.title,
    message: `correlation: ${message}`,
  }));
}
