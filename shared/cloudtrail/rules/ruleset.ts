/**
 * The rules a scan runs: the built-in pack and any `--rules DIR` of Sigma files, parsed once. Every
 * rule — a detection rule judged record by record, or a correlation rule judged over many — is an
 * ordinary member (rules/model.ts): loaded the same way, listed the same way, left out by
 * `--no-builtin-rules` the same way. Sigma filter documents in any of the folders tune the rules
 * they name. A rule that cannot be loaded is listed with file:line:column and left out whole; it
 * never runs in part.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { CloudTrailRecord } from '../record.ts';
import { BUILTIN_RULE_FILES } from './builtin/files.ts';
import { builtinVirtualFields } from './builtin/virtual-fields.ts';
import { correlationNotes, CorrelationState } from './correlation.ts';
import { readRuleFiles } from './folder.ts';
import type { RuleHit, RuleInfo, RuleOrigin, RuleRun } from './model.ts';
import { applyFilter, sameLogsource } from './sigma/filter.ts';
import {
  compileRuleSet,
  isCloudTrailRule,
  parseSigmaRules,
  ruleLink,
  type CompiledRule,
  type RuleMeta,
  type RuleProblem,
  type SigmaCorrelation,
  type SigmaFilter,
  type SigmaRule,
} from './sigma/index.ts';

export type { RuleHit, RuleInfo, RuleRun } from './model.ts';

/**
 * Slugs: the file name without extension; a further rule of a multi-document file (a correlation's
 * referred rule written beside it) adds its `name` (or line) after a slash.
 */
export interface RuleSet {
  /** Every rule that runs, detection and correlation rules alike, in load order. */
  all: RuleInfo[];
  /** The detection rules as they run (filters applied), for compiling to SQL. */
  detections: SigmaRule[];
  /** The correlation rules that run; judged in process (sql.ts does not compile them). */
  correlations: SigmaCorrelation[];
  problems: RuleProblem[];
  /** Rule files for another log source, left out on purpose. */
  otherLogsource: string[];
  /** One pass over a stream, with fresh correlation state. */
  start(): RuleRun;
}

export interface RuleSetOptions {
  builtin?: boolean;
  dirs?: string[];
}

interface Loaded<T> {
  doc: T;
  origin: RuleOrigin;
}

export async function loadRuleSet(options: RuleSetOptions = {}): Promise<RuleSet> {
  const problems: RuleProblem[] = [];
  const otherLogsource: string[] = [];
  const detections: Loaded<SigmaRule>[] = [];
  const correlations: Loaded<SigmaCorrelation>[] = [];
  const filters: Loaded<SigmaFilter>[] = [];
  // Ids and names of rules for other log sources: a correlation or filter over them is theirs too.
  const elsewhere = new Set<string>();
  const take = (text: string, file: string, origin: RuleOrigin) => {
    const parsed = parseSigmaRules(text, file);
    problems.push(...parsed.problems);
    for (const rule of parsed.rules) {
      if (isCloudTrailRule(rule)) detections.push({ doc: rule, origin });
      else {
        otherLogsource.push(`${file}: ${rule.title}`);
        for (const key of [rule.id, rule.name]) if (key !== undefined) elsewhere.add(key);
      }
    }
    for (const c of parsed.correlations) correlations.push({ doc: c, origin });
    for (const f of parsed.filters) filters.push({ doc: f, origin });
  };
  if (options.builtin !== false) {
    for (const url of BUILTIN_RULE_FILES) {
      // ncc turns `new URL('./x.yml', import.meta.url)` into a plain path string next to the bundle.
      const file = typeof url === 'string' ? url : fileURLToPath(url);
      // Read synchronously: our own ~70 small files beside the bundle, where an await per file left
      // the thread idle for a tenth of a short scan.
      take(readFileSync(file, 'utf8'), `builtin/${path.basename(file)}`, 'builtin');
    }
  }
  for (const dir of options.dirs ?? []) {
    const read = await readRuleFiles(dir);
    problems.push(...read.problems);
    for (const { file, text } of read.files) take(text, file, 'custom');
  }

  const firstInFile = new Map<string, number>();
  for (const { doc } of [...detections, ...correlations]) {
    const line = firstInFile.get(doc.source.file);
    if (line === undefined || doc.source.line < line) firstInFile.set(doc.source.file, doc.source.line);
  }
  const slugOf = (rule: RuleMeta): string => {
    const base = path.basename(rule.source.file).replace(/\.ya?ml$/i, '');
    return firstInFile.get(rule.source.file) === rule.source.line
      ? base
      : `${base}/${rule.name ?? `line-${rule.source.line}`}`;
  };
  const ruleInfo = (
    rule: SigmaRule | SigmaCorrelation,
    origin: RuleOrigin,
    kind: RuleInfo['kind'],
    generates: boolean,
  ) => describeRule(rule, slugOf(rule), origin, kind, generates);

  const byRef = referenceIndex(detections, correlations, problems);
  const forOthers = (refs: string[], title: string, file: string): boolean => {
    if (!refs.every((r) => !byRef.has(r) && elsewhere.has(r))) return false;
    otherLogsource.push(`${file}: ${title}`);
    return true;
  };
  const filtered = applyFilters(
    detections,
    filters.filter((f) => !forOthers(f.doc.rules, f.doc.title, f.doc.source.file)),
    byRef,
    problems,
  );
  const resolved = resolveCorrelations(
    correlations.filter((c) => !forOthers(c.doc.rules, c.doc.title, c.doc.source.file)),
    byRef,
    problems,
  );

  // Correlation rules specification v2, "Generate": the referred rules (and referred correlations)
  // report on their own only when a correlation says `generate: true`; by default only the
  // correlation's query is made.
  const quiet = new Set<SigmaRule | SigmaCorrelation>();
  const loud = new Set<SigmaRule | SigmaCorrelation>();
  for (const { doc, members } of resolved) for (const m of members) (doc.generate ? loud : quiet).add(m.doc);
  const generates = (doc: SigmaRule | SigmaCorrelation) => !quiet.has(doc) || loud.has(doc);

  const compiled = compileRuleSet(
    filtered.map((f) => f.rule),
    { virtualFields: builtinVirtualFields },
  );
  const infoOf = new Map<CompiledRule, RuleInfo>();
  compiled.rules.forEach((c, i) => {
    const { original, origin, filters: applied } = filtered[i]!;
    infoOf.set(c, { ...ruleInfo(original, origin, 'event', generates(original)), filters: applied });
  });
  // `resolved` is in dependency order: a correlation comes after every correlation it refers to.
  const correlationInfo = resolved.map((r) => ruleInfo(r.doc, r.origin, 'correlation', generates(r.doc)));
  const feeds = new Map<SigmaRule | SigmaCorrelation, { state: number; member: number }[]>();
  resolved.forEach((r, state) =>
    r.members.forEach((m, member) => {
      const list = feeds.get(m.doc) ?? [];
      list.push({ state, member });
      feeds.set(m.doc, list);
    }),
  );
  // Filters rewrite the rule; correlations refer to it as written.
  const originalOf = new Map<SigmaRule, SigmaRule>(filtered.map((f) => [f.rule, f.original]));

  return {
    all: [...infoOf.values(), ...correlationInfo],
    detections: filtered.map((f) => f.rule),
    correlations: resolved.map((r) => r.doc),
    problems,
    otherLogsource,
    start(): RuleRun {
      const states = resolved.map(
        (r) =>
          new CorrelationState(
            r.doc,
            r.members.map((m) => (m.doc.name !== undefined ? { name: m.doc.name } : {})),
            builtinVirtualFields,
          ),
      );
      return {
        record(record: CloudTrailRecord): RuleHit[] {
          const hits: RuleHit[] = [];
          for (const c of compiled(record)) {
            const info = infoOf.get(c)!;
            if (info.generates) hits.push({ rule: info, record });
            for (const { state, member } of feeds.get(originalOf.get(c.rule)!) ?? []) {
              states[state]!.observe(member, record);
            }
          }
          return hits;
        },
        end(): RuleHit[] {
          const out: RuleHit[] = [];
          states.forEach((state, i) => {
            const info = correlationInfo[i]!;
            for (const hit of state.end()) {
              // A chained correlation sees this one's hit as an event at the end of its busiest
              // timespan, told by that event's record (so its group-by reads the same fields).
              for (const { state: outer, member } of feeds.get(state.correlation) ?? []) {
                states[outer]!.observe(member, hit.record);
              }
              if (!info.generates) continue;
              out.push({
                rule: info,
                record: hit.record,
                aggregate: {
                  count: hit.metric,
                  summary: correlationSummary(state.correlation, info, hit),
                  first: hit.first,
                  last: hit.last,
                  eventIds: hit.eventIds,
                },
              });
            }
          });
          return out;
        },
        notes: () => states.flatMap((s) => correlationNotes(s)),
      };
    },
  };
}

type Ref = { kind: 'rule'; rule: SigmaRule } | { kind: 'correlation'; correlation: SigmaCorrelation };

/** Rules by `id` and by `name` (correlation rules specification v2, "Related rules"). */
function referenceIndex(
  detections: Loaded<SigmaRule>[],
  correlations: Loaded<SigmaCorrelation>[],
  problems: RuleProblem[],
): Map<string, Ref> {
  const index = new Map<string, Ref>();
  const ambiguous = new Set<string>();
  const add = (key: string | undefined, ref: Ref, meta: RuleMeta) => {
    if (key === undefined) return;
    const had = index.get(key);
    if (had && !ambiguous.has(key)) {
      ambiguous.add(key);
      problems.push({
        file: meta.source.file,
        line: meta.source.line,
        rule: meta.title,
        message: `\`${key}\` names two rules; a correlation or filter referring to it is left out`,
      });
    }
    index.set(key, ref);
  };
  for (const { doc } of detections) {
    add(doc.id, { kind: 'rule', rule: doc }, doc);
    if (doc.name !== doc.id) add(doc.name, { kind: 'rule', rule: doc }, doc);
  }
  for (const { doc } of correlations) {
    add(doc.id, { kind: 'correlation', correlation: doc }, doc);
    if (doc.name !== doc.id) add(doc.name, { kind: 'correlation', correlation: doc }, doc);
  }
  for (const key of ambiguous) index.delete(key);
  return index;
}

interface Filtered {
  rule: SigmaRule;
  original: SigmaRule;
  origin: RuleOrigin;
  filters: string[];
}

function applyFilters(
  detections: Loaded<SigmaRule>[],
  filters: Loaded<SigmaFilter>[],
  byRef: Map<string, Ref>,
  problems: RuleProblem[],
): Filtered[] {
  const out = new Map<SigmaRule, Filtered>(
    detections.map(({ doc, origin }) => [doc, { rule: doc, original: doc, origin, filters: [] }]),
  );
  filters.forEach(({ doc: filter }, n) => {
    const say = (message: string) =>
      problems.push({ file: filter.source.file, line: filter.source.line, rule: filter.title, message });
    for (const name of filter.rules) {
      const ref = byRef.get(name);
      if (!ref) {
        say(`filter: \`${name}\` names no loaded rule (rules are named by their \`id\` or \`name\`)`);
        continue;
      }
      if (ref.kind !== 'rule') {
        say(`filter: \`${name}\` is a correlation rule; filters apply to detection rules (filter its referred rules)`);
        continue;
      }
      if (!sameLogsource(filter, ref.rule)) {
        say(`filter: its logsource does not match the logsource of \`${name}\`; not applied there`);
        continue;
      }
      const entry = out.get(ref.rule)!;
      entry.rule = applyFilter(entry.rule, filter, n);
      entry.filters.push(filter.title);
    }
  });
  return [...out.values()];
}

type Member = { kind: 'rule'; doc: SigmaRule } | { kind: 'correlation'; doc: SigmaCorrelation };

interface Resolved {
  doc: SigmaCorrelation;
  origin: RuleOrigin;
  members: Member[];
}

/**
 * Resolves each correlation's `rules` to loaded rules or correlations ("Correlations can be chained
 * to express more complex use cases") and orders them so every correlation follows those it refers
 * to; a cycle, or a reference to a correlation left out, leaves the correlation out too.
 */
function resolveCorrelations(
  correlations: Loaded<SigmaCorrelation>[],
  byRef: Map<string, Ref>,
  problems: RuleProblem[],
): Resolved[] {
  const say = (doc: SigmaCorrelation, message: string) =>
    problems.push({
      file: doc.source.file,
      line: doc.source.line,
      rule: doc.title,
      message: `correlation: ${message}`,
    });
  const candidates = new Map<SigmaCorrelation, Resolved>();
  for (const { doc, origin } of correlations) {
    const members: Member[] = [];
    let ok = true;
    for (const name of doc.rules) {
      const ref = byRef.get(name);
      if (!ref) {
        say(doc, `\`${name}\` names no loaded CloudTrail rule (rules are referred to by \`id\` or \`name\`)`);
        ok = false;
      } else if (ref.kind === 'correlation') {
        if (ref.correlation === doc) {
          say(doc, `\`${name}\` is this correlation itself`);
          ok = false;
        } else members.push({ kind: 'correlation', doc: ref.correlation });
      } else members.push({ kind: 'rule', doc: ref.rule });
    }
    for (const [alias, map] of Object.entries(doc.aliases)) {
      for (const m of members) {
        if (m.doc.name === undefined || !Object.hasOwn(map, m.doc.name)) {
          say(
            doc,
            `alias \`${alias}\` gives no field for the referred rule \`${m.doc.name ?? m.doc.id ?? m.doc.title}\``,
          );
          ok = false;
        }
      }
    }
    if (ok) candidates.set(doc, { doc, origin, members });
  }
  // Depth-first order; a correlation on a cycle or over a left-out correlation is left out.
  const out: Resolved[] = [];
  const state = new Map<SigmaCorrelation, 'visiting' | 'done' | 'out'>();
  const visit = (doc: SigmaCorrelation): boolean => {
    const seen = state.get(doc);
    if (seen === 'done') return true;
    if (seen === 'out') return false;
    if (seen === 'visiting') return false;
    const r = candidates.get(doc);
    if (!r) {
      state.set(doc, 'out');
      return false;
    }
    state.set(doc, 'visiting');
    for (const m of r.members) {
      if (m.kind !== 'correlation') continue;
      if (!visit(m.doc)) {
        say(
          doc,
          `the referred correlation \`${m.doc.name ?? m.doc.id ?? m.doc.title}\` is left out or refers back to this one`,
        );
        state.set(doc, 'out');
        return false;
      }
    }
    state.set(doc, 'done');
    out.push(r);
    return true;
  };
  for (const { doc } of correlations) if (candidates.has(doc)) visit(doc);
  return out;
}

const FILLED = /\{(count|timespan|eventNames|field|rules)\}/g;

/** The hit's one line: the rule's `x-telltale: summary` with `{count}` … filled in, or a plain account. */
function correlationSummary(
  c: SigmaCorrelation,
  info: RuleInfo,
  hit: { metric: number; eventNames: string[] },
): string {
  const names = hit.eventNames.length
    ? hit.eventNames.slice(0, 5).join(', ') + (hit.eventNames.length > 5 ? ', …' : '')
    : '';
  const values: Record<string, string> = {
    count: String(hit.metric),
    timespan: c.timespan.text,
    eventNames: names,
    field: c.field ?? '',
    rules: c.rules.join(c.type === 'temporal_ordered' ? ' → ' : ', '),
  };
  if (info.summary) return info.summary.replace(FILLED, (_, k: string) => values[k] ?? '');
  switch (c.type) {
    case 'event_count':
      return `${hit.metric} events in ${c.timespan.text}${names ? ` (${names})` : ''}`;
    case 'value_count':
      return `${hit.metric} distinct ${c.field ?? 'values'} in ${c.timespan.text}${names ? ` (${names})` : ''}`;
    case 'temporal':
      return `${hit.metric} of ${c.rules.length} related rules within ${c.timespan.text} (${values.rules})`;
    case 'temporal_ordered':
      return `${values.rules} in order within ${c.timespan.text}`;
  }
}

function describeRule(
  rule: SigmaRule | SigmaCorrelation,
  slug: string,
  origin: RuleOrigin,
  kind: RuleInfo['kind'],
  generates: boolean,
): RuleInfo {
  const x = (rule.custom['x-telltale'] ?? {}) as Record<string, unknown>;
  const decisive = new Set<string>();
  if ('detection' in rule) {
    for (const selection of Object.values(rule.detection.selections)) {
      for (const tests of selection.anyOf) {
        for (const t of tests) {
          if (t.field && !/^(eventName|eventSource|userIdentity\.type|errorCode)$/.test(t.field)) decisive.add(t.field);
        }
      }
    }
    for (const f of rule.fields) decisive.add(f);
  }
  const info: RuleInfo = {
    id: rule.id ?? `${rule.source.file}:${rule.source.line}`,
    slug,
    title: rule.title,
    kind,
    generates,
    level: rule.level ?? 'medium',
    origin,
    file: rule.source.file,
    // Imported rules get the same threat steps as built-ins; `x-telltale: {actor-modifiers: false}`
    // opts a rule out (docs/cloudtrail.md, "Threat level").
    policy: {
      actorModifiers: x['actor-modifiers'] !== false,
      failed: x.failed === 'keep' ? 'keep' : 'lower',
    },
    decisiveFields: [...decisive],
    filters: [],
  };
  if (rule.description) info.description = rule.description;
  if (rule.tags.length) info.tags = [...rule.tags];
  if (rule.author) info.author = rule.author;
  const link = ruleLink(rule);
  if (link) info.link = link;
  if (typeof x.summary === 'string') info.summary = x.summary;
  return info;
}
