/**
 * Reads Sigma rule files (one or several YAML documents) into typed SigmaRules. Every construct is
 * either understood or reported as a RuleProblem with its line and column; a rule with a problem is
 * left out of `rules`, never loaded with part of its detection ignored.
 */
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { ConditionError, parseCondition } from './condition.ts';
import type {
  ConditionNode,
  CorrelationType,
  CountCondition,
  Detection,
  RuleMeta,
  SigmaCorrelation,
  SigmaFilter,
  FieldTest,
  RuleProblem,
  RuleSpan,
  Selection,
  SigmaLevel,
  SigmaRule,
} from './detection.ts';
import { KEYWORD_FIELD, RuleSyntaxError, buildFieldTest } from './modifiers.ts';
import type { RawValue } from './modifiers.ts';

const LEVELS: readonly SigmaLevel[] = ['informational', 'low', 'medium', 'high', 'critical'];
const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'] as const;
const KNOWN_KEYS = new Set([
  'title',
  'id',
  'name',
  'status',
  'description',
  'author',
  'date',
  'modified',
  'references',
  'tags',
  'level',
  'logsource',
  'falsepositives',
  'fields',
  'detection',
  'license',
  'related',
  'scope',
  'taxonomy',
  'correlation',
  'generate',
  'filter',
]);

// Anchors and aliases (`&common` / `*common`) are YAML, so rules may share a value list that way.
const MAX_ALIASES = 100;

/** Replaces every alias in the tree by a copy of what it names, so the detection walk sees plain nodes. */
function expandAliases(doc: Document): void {
  let expanded = 0;
  visit(doc, {
    Alias(_, alias) {
      if (++expanded > MAX_ALIASES) throw new Error(`more than ${MAX_ALIASES} aliases (recursive anchor?)`);
      const target = alias.resolve(doc);
      if (!target) throw new Error(`alias *${alias.source} names no anchor`);
      return target.clone() as Node;
    },
  });
}

export interface ParseResult {
  rules: SigmaRule[];
  /** Correlation rules (correlation rules specification v2). */
  correlations: SigmaCorrelation[];
  /** Filter documents (filters specification v2.1). */
  filters: SigmaFilter[];
  problems: RuleProblem[];
}

/** Parses every rule in `text` (the contents of `file`, used in problems and in `rule.source`). */
export function parseSigmaRules(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const out: ParseResult = { rules: [], correlations: [], filters: [], problems: [] };
  if (!Array.isArray(docs)) {
    // An EmptyStream: the file has no documents at all.
    return out;
  }
  for (const doc of docs) {
    const result = parseDocument(doc, file, lineCounter);
    if (result === undefined) continue;
    if ('rule' in result) out.rules.push(result.rule);
    else if ('correlation' in result) out.correlations.push(result.correlation);
    else if ('filter' in result) out.filters.push(result.filter);
    else out.problems.push(...result.problems);
  }
  return out;
}

type DocumentResult =
  | { rule: SigmaRule }
  | { correlation: SigmaCorrelation }
  | { filter: SigmaFilter }
  | { problems: RuleProblem[] }
  | undefined;

function parseDocument(doc: Document, file: string, lineCounter: LineCounter): DocumentResult {
  const spanOf = (node: Node | null | undefined): RuleSpan => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const docSpan = spanOf(doc.contents as Node | null);
  const problems: RuleProblem[] = [];
  // Filled in once the title is known, so later problems name their rule.
  const named: { rule?: string } = {};
  const report = (message: string, span: RuleSpan | undefined = docSpan) => {
    problems.push({ file, line: span.line, column: span.column, ...(named.rule ? { rule: named.rule } : {}), message });
  };

  if (doc.errors.length) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      problems.push({
        file,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
        message: `YAML: ${firstLine(error.message)}`,
      });
    }
    return { problems };
  }
  if (doc.contents === null) return undefined;
  const root = doc.contents;
  if (!isMap(root)) {
    report('a Sigma rule is a YAML mapping with title, logsource and detection');
    return { problems };
  }
  let js: Record<string, unknown>;
  try {
    js = doc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>;
    expandAliases(doc);
  } catch (error) {
    report(`YAML: ${firstLine((error as Error).message)}`);
    return { problems };
  }
  const title = typeof js.title === 'string' ? js.title : undefined;
  const id = typeof js.id === 'string' ? js.id : undefined;
  const name = title ?? id;
  if (name !== undefined) named.rule = name;

  let level: SigmaLevel | undefined;
  if (js.level !== undefined) {
    if (typeof js.level === 'string' && (LEVELS as readonly string[]).includes(js.level))
      level = js.level as SigmaLevel;
    else
      report(
        `\`level: ${String(js.level)}\` is not one of ${LEVELS.join(', ')}`,
        spanOf(root.get('level', true) as Node),
      );
  }
  // Rules specification v2, "Title": max. 256 characters; "Status": one of five values.
  if (title !== undefined && title.length > 256) {
    report(
      `\`title\` is ${title.length} characters; the specification allows at most 256`,
      spanOf(root.get('title', true) as Node),
    );
  }
  if (js.status !== undefined && !(STATUSES as readonly unknown[]).includes(js.status)) {
    report(
      `\`status: ${String(js.status)}\` is not one of ${STATUSES.join(', ')}`,
      spanOf(root.get('status', true) as Node),
    );
  }
  if ('action' in js) {
    report('Sigma v1 rule collections (`action: global|reset|repeat`) are not supported; write one rule per document');
    return { problems };
  }
  if ('correlation' in js) {
    if ('detection' in js) report('a document holds either `correlation` or `detection`, not both');
    if (!title) report('`title` is missing');
    const correlation = parseCorrelation(root, js, spanOf, report);
    if (problems.length || !correlation || !title) return { problems };
    return { correlation: { ...meta(js, title, id, level, file, docSpan), ...correlation } };
  }
  if ('filter' in js && !('detection' in js)) {
    if (!title) report('`title` is missing');
    const logsource = js.logsource;
    if (!logsource || typeof logsource !== 'object' || Array.isArray(logsource)) report('`logsource` is missing');
    const filterNode = root.get('filter', true) as Node | undefined;
    let filter: { rules: string[]; detection: Detection } | undefined;
    if (!isMap(filterNode))
      report('`filter` must be a mapping with rules, selections and a condition', spanOf(filterNode));
    else filter = parseFilter(filterNode, spanOf, report);
    if (problems.length || !filter || !title) return { problems };
    return {
      filter: {
        title,
        ...(id !== undefined ? { id } : {}),
        ...optionalString(js, 'description'),
        logsource: logsourceOf(js),
        rules: filter.rules,
        detection: filter.detection,
        source: { file, line: docSpan.line },
      },
    };
  }
  if (!title) report('`title` is missing');
  const logsource = js.logsource;
  if (!logsource || typeof logsource !== 'object' || Array.isArray(logsource)) report('`logsource` is missing');

  const detectionNode = root.get('detection', true) as Node | undefined;
  let detection: Detection | undefined;
  if (!isMap(detectionNode))
    report('`detection` is missing or not a mapping', detectionNode ? spanOf(detectionNode) : docSpan);
  else detection = parseDetection(detectionNode, spanOf, report);

  if (problems.length || !detection || !title) return { problems };
  const rule: SigmaRule = {
    ...meta(js, title, id, level, file, docSpan),
    logsource: logsourceOf(js),
    fields: stringList(js.fields),
    detection,
  };
  return { rule };
}

function meta(
  js: Record<string, unknown>,
  title: string,
  id: string | undefined,
  level: SigmaLevel | undefined,
  file: string,
  docSpan: RuleSpan,
): RuleMeta {
  const custom: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(js)) if (!KNOWN_KEYS.has(key) && key !== '__proto__') custom[key] = value;
  return {
    title,
    ...(id !== undefined ? { id } : {}),
    ...optionalString(js, 'name'),
    ...optionalString(js, 'status'),
    ...optionalString(js, 'description'),
    ...optionalString(js, 'author'),
    ...optionalString(js, 'date'),
    ...optionalString(js, 'modified'),
    references: stringList(js.references),
    tags: stringList(js.tags),
    ...(level ? { level } : {}),
    falsepositives: stringList(js.falsepositives),
    source: { file, line: docSpan.line },
    custom,
  };
}

function logsourceOf(js: Record<string, unknown>): SigmaRule['logsource'] {
  const ls = (js.logsource ?? {}) as Record<string, unknown>;
  return {
    ...optionalString(ls, 'product'),
    ...optionalString(ls, 'service'),
    ...optionalString(ls, 'category'),
    ...optionalString(ls, 'definition'),
  };
}

const CORRELATION_TYPES: readonly CorrelationType[] = ['event_count', 'value_count', 'temporal', 'temporal_ordered'];
const CONDITION_OPS = new Set(['gt', 'gte', 'lt', 'lte', 'eq', 'neq']);
const CORRELATION_KEYS = new Set([
  'type',
  'rules',
  'group-by',
  'timespan',
  'timeframe',
  'condition',
  'aliases',
  'generate',
]);
// Correlation rules specification v2, "Time Selection": number + lower-case letter s, m, h or d.
const TIMESPAN = /^(\d+)([smhd])$/;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Longest timespan accepted: a correlation's state lives this long, so it bounds memory too. */
export const MAX_TIMESPAN_MS = 31 * UNIT_MS.d!;

/** Correlation rules specification v2, "Correlation section": type, rules, group-by, timespan, condition. */
function parseCorrelation(
  root: YAMLMap,
  js: Record<string, unknown>,
  spanOf: (node: Node | null | undefined) => RuleSpan,
  report: (message: string, span?: RuleSpan) => void,
): Omit<SigmaCorrelation, keyof RuleMeta> | undefined {
  const node = root.get('correlation', true) as Node | undefined;
  if (!isMap(node)) {
    report('`correlation` must be a mapping with type, rules, group-by, timespan and condition', spanOf(node));
    return undefined;
  }
  const at = (key: string): RuleSpan => spanOf((node.get(key, true) as Node | undefined) ?? node);
  const c = (js.correlation ?? {}) as Record<string, unknown>;
  const before = { count: 0 };
  const fail = (message: string, span: RuleSpan) => {
    before.count++;
    report(`correlation: ${message}`, span);
  };
  for (const key of Object.keys(c)) {
    if (!CORRELATION_KEYS.has(key)) fail(`unknown key \`${key}\``, at(key));
  }
  const type = c.type as CorrelationType;
  if (!(CORRELATION_TYPES as readonly unknown[]).includes(c.type)) {
    fail(`\`type\` must be one of ${CORRELATION_TYPES.join(', ')}`, at('type'));
  }
  const rules = Array.isArray(c.rules) ? c.rules : typeof c.rules === 'string' ? [c.rules] : undefined;
  if (!rules || rules.length === 0 || !rules.every((r) => typeof r === 'string' && r !== '')) {
    fail('`rules` must list the referred rules by id or name', at('rules'));
  }
  if ((type === 'temporal' || type === 'temporal_ordered') && rules && rules.length < 2) {
    fail(`a ${type} correlation needs two or more rules`, at('rules'));
  }
  // "group-by … Use: mandatory"; an empty list groups every event together.
  const groupBy =
    c['group-by'] === undefined ? undefined : Array.isArray(c['group-by']) ? c['group-by'] : [c['group-by']];
  if (!groupBy || !groupBy.every((g) => typeof g === 'string' && g !== '')) {
    fail('`group-by` must list one or more field names', at('group-by'));
  }
  // `timeframe` is the spelling of v1 and of early v2 drafts; pySigma reads both.
  const spanText = c.timespan ?? c.timeframe;
  const m = typeof spanText === 'string' ? TIMESPAN.exec(spanText) : null;
  let ms = 0;
  if (!m) fail('`timespan` must be a number and one of s, m, h, d, e.g. `10m`', at('timespan'));
  else {
    ms = Number(m[1]) * UNIT_MS[m[2]!]!;
    if (ms <= 0 || ms > MAX_TIMESPAN_MS) fail('`timespan` must be between 1s and 31d', at('timespan'));
  }
  let condition: CountCondition | undefined;
  let field: string | undefined;
  if (c.condition !== undefined) {
    if (c.condition === null || typeof c.condition !== 'object' || Array.isArray(c.condition)) {
      fail('`condition` must be a mapping such as `gte: 10`', at('condition'));
    } else {
      condition = {};
      for (const [op, value] of Object.entries(c.condition as Record<string, unknown>)) {
        if (op === 'field') {
          if (typeof value === 'string' && value !== '') field = value;
          else fail('`condition.field` must name a field', at('condition'));
        } else if (!CONDITION_OPS.has(op)) {
          fail(`\`condition.${op}\` is not one of gt, gte, lt, lte, eq, neq`, at('condition'));
        } else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          fail(`\`condition.${op}\` must be a whole number`, at('condition'));
        } else {
          condition[op as keyof CountCondition] = value;
        }
      }
      if (Object.keys(condition).length === 0)
        fail('`condition` names no bound (gt, gte, lt, lte, eq, neq)', at('condition'));
    }
  }
  if ((type === 'event_count' || type === 'value_count') && !condition) {
    fail(`a ${type} correlation needs a \`condition\` such as \`gte: 10\``, at('type'));
  }
  if (type === 'value_count' && !field) fail('a value_count correlation needs `condition.field`', at('condition'));
  if (type !== 'value_count' && field) fail('`condition.field` belongs to value_count only', at('condition'));
  const aliases: Record<string, Record<string, string>> = {};
  if (c.aliases !== undefined) {
    const ok =
      c.aliases !== null &&
      typeof c.aliases === 'object' &&
      !Array.isArray(c.aliases) &&
      Object.values(c.aliases).every(
        (m) =>
          m !== null &&
          typeof m === 'object' &&
          !Array.isArray(m) &&
          Object.values(m as object).every((f) => typeof f === 'string' && f !== ''),
      );
    if (!ok) fail('`aliases` must map each alias to `rule name: field`', at('aliases'));
    else
      for (const [alias, map] of Object.entries(c.aliases as Record<string, Record<string, string>>)) {
        if (alias !== '__proto__') aliases[alias] = { ...map };
      }
  }
  // The specification puts `generate` beside `level`; some writers nest it in `correlation:`.
  const generate = js.generate ?? c.generate ?? false;
  if (typeof generate !== 'boolean')
    fail('`generate` must be true or false', spanOf(root.get('generate', true) as Node));
  if (before.count) return undefined;
  return {
    type,
    rules: rules as string[],
    groupBy: groupBy as string[],
    timespan: { text: spanText as string, ms },
    ...(condition ? { condition } : {}),
    ...(field ? { field } : {}),
    aliases,
    generate: generate as boolean,
  };
}

/** Filters specification v2.1, "Global Filter": `rules`, then selections and a `condition`. */
function parseFilter(
  node: YAMLMap,
  spanOf: (node: Node | null | undefined) => RuleSpan,
  report: (message: string, span?: RuleSpan) => void,
): { rules: string[]; detection: Detection } | undefined {
  const rulesNode = node.get('rules', true) as Node | undefined;
  const rules: string[] = [];
  if (isSeq(rulesNode)) {
    for (const item of rulesNode.items as Node[]) {
      if (isScalar(item) && typeof item.value === 'string' && item.value !== '') rules.push(item.value);
      else report('filter: each entry of `rules` is a rule id or name', spanOf(item));
    }
  } else if (isScalar(rulesNode) && typeof rulesNode.value === 'string') {
    rules.push(rulesNode.value);
  }
  if (rules.length === 0) {
    report('filter: `rules` must name the rules to filter, by id or name', spanOf(rulesNode ?? node));
    return undefined;
  }
  const detection = parseDetection(node, spanOf, report, new Set(['rules']));
  return detection ? { rules, detection } : undefined;
}

function parseDetection(
  node: YAMLMap,
  spanOf: (node: Node | null | undefined) => RuleSpan,
  report: (message: string, span?: RuleSpan) => void,
  skip: ReadonlySet<string> = new Set(),
): Detection | undefined {
  const selections: Record<string, Selection> = {};
  const names: string[] = [];
  let conditionPair: Pair | undefined;
  for (const pair of node.items as Pair<Node, Node | null>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const span = spanOf(pair.key);
    if (skip.has(name)) continue;
    if (name === 'condition') {
      conditionPair = pair;
      continue;
    }
    if (name === 'timeframe') {
      report('`timeframe` belongs to correlation rules, which are not supported', span);
      continue;
    }
    if (name === '__proto__') {
      report('`__proto__` cannot name a selection', span);
      continue;
    }
    names.push(name);
    const selection = parseSelection(name, pair.value, span, spanOf, report);
    if (selection) selections[name] = selection;
  }
  if (!conditionPair) {
    report('`detection.condition` is missing', spanOf(node));
    return undefined;
  }
  const conditionNode = conditionPair.value as Node | null;
  const texts: { text: string; span: RuleSpan }[] = [];
  if (isScalar(conditionNode) && typeof conditionNode.value === 'string') {
    texts.push({ text: conditionNode.value, span: spanOf(conditionNode) });
  } else if (isSeq(conditionNode)) {
    for (const item of conditionNode.items as Node[]) {
      if (isScalar(item) && typeof item.value === 'string') texts.push({ text: item.value, span: spanOf(item) });
      else report('each condition in the list must be a string', spanOf(item));
    }
  } else {
    report('`condition` must be a string or a list of strings', spanOf(conditionPair.key as Node));
  }
  const trees: ConditionNode[] = [];
  for (const { text, span } of texts) {
    try {
      trees.push(parseCondition(text, names));
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      // Plain and single-quoted scalars start one character earlier than their text; close enough.
      report(`condition \`${text}\`: ${error.message}`, { line: span.line, column: span.column + error.column - 1 });
    }
  }
  if (trees.length !== texts.length || trees.length === 0) return undefined;
  return {
    selections,
    condition: trees.length === 1 ? trees[0]! : { kind: 'or', items: trees },
    conditionText: texts.map((t) => t.text),
  };
}

function parseSelection(
  name: string,
  value: Node | null,
  span: RuleSpan,
  spanOf: (node: Node | null | undefined) => RuleSpan,
  report: (message: string, span?: RuleSpan) => void,
): Selection | undefined {
  const groups: FieldTest[][] = [];
  let ok = true;
  const parseMap = (map: YAMLMap): FieldTest[] => {
    const tests: FieldTest[] = [];
    for (const pair of map.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keySpan = spanOf(pair.key);
      try {
        tests.push(buildFieldTest(key, rawValues(key, pair.value, keySpan, spanOf), keySpan));
      } catch (error) {
        if (!(error instanceof RuleSyntaxError)) throw error;
        ok = false;
        report(`selection \`${name}\`: ${error.message}`, error.span ?? keySpan);
      }
    }
    return tests;
  };
  if (isMap(value)) {
    if (value.items.length === 0) {
      report(`selection \`${name}\` is empty`, span);
      return undefined;
    }
    groups.push(parseMap(value));
  } else if (isSeq(value) && value.items.length > 0 && value.items.every((item) => isMap(item))) {
    for (const item of value.items as YAMLMap[]) groups.push(parseMap(item));
  } else if ((isSeq(value) && value.items.every((item) => item === null || isScalar(item))) || isScalar(value)) {
    // Rules specification v2, "Lists": a list of values with no field searches the whole event, OR-ed.
    try {
      groups.push([buildFieldTest(KEYWORD_FIELD, rawValues('keyword', value, span, spanOf), span)]);
    } catch (error) {
      if (!(error instanceof RuleSyntaxError)) throw error;
      report(`selection \`${name}\`: ${error.message}`, error.span ?? span);
      return undefined;
    }
  } else if (isSeq(value)) {
    report(`selection \`${name}\`: a list mixes field maps and keywords; write them as two selections`, span);
    return undefined;
  } else {
    report(`selection \`${name}\` is empty`, span);
    return undefined;
  }
  return ok ? { name, anyOf: groups, span } : undefined;
}

function rawValues(
  key: string,
  node: Node | null,
  keySpan: RuleSpan,
  spanOf: (node: Node | null | undefined) => RuleSpan,
): RawValue[] {
  const scalar = (item: Node | null, span: RuleSpan): RawValue => {
    if (item === null) return { value: null, span };
    if (!isScalar(item)) {
      throw new RuleSyntaxError(
        `\`${key}\`: values must be scalars or a list of scalars, not a nested mapping or list`,
        spanOf(item),
      );
    }
    const v = item.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      return { value: v, span: spanOf(item) };
    }
    return { value: String(v), span: spanOf(item) };
  };
  if (isSeq(node)) return (node.items as (Node | null)[]).map((item) => scalar(item, item ? spanOf(item) : keySpan));
  return [scalar(node, node ? spanOf(node) : keySpan)];
}

function optionalString(obj: Record<string, unknown>, key: string): Record<string, string> {
  const value = obj[key];
  if (value === undefined || value === null) return {};
  return { [key]: typeof value === 'string' ? value : String(value) };
}

function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => String(v));
  return [String(value)];
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
