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
  Detection,
  FieldTest,
  RuleProblem,
  RuleSpan,
  Selection,
  SigmaLevel,
  SigmaRule,
} from './detection.ts';
import { RuleSyntaxError, buildFieldTest } from './modifiers.ts';
import type { RawValue } from './modifiers.ts';

const LEVELS: readonly SigmaLevel[] = ['informational', 'low', 'medium', 'high', 'critical'];
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
  problems: RuleProblem[];
}

/** Parses every rule in `text` (the contents of `file`, used in problems and in `rule.source`). */
export function parseSigmaRules(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const rules: SigmaRule[] = [];
  const problems: RuleProblem[] = [];
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    // An EmptyStream: the file has no documents at all.
    return { rules, problems };
  }
  for (const doc of list) {
    const result = parseDocument(doc, file, lineCounter);
    if (result === undefined) continue;
    if ('rule' in result) rules.push(result.rule);
    else problems.push(...result.problems);
  }
  return { rules, problems };
}

type DocumentResult = { rule: SigmaRule } | { problems: RuleProblem[] } | undefined;

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

  if ('correlation' in js) {
    report('Sigma correlation rules (event_count, value_count, temporal) are not supported');
    return { problems };
  }
  if ('action' in js) {
    report('Sigma v1 rule collections (`action: global|reset|repeat`) are not supported; write one rule per document');
    return { problems };
  }
  if ('filter' in js && !('detection' in js)) {
    report('Sigma filter documents are not supported; add the filter to the rule as `and not filter_…`');
    return { problems };
  }
  if (!title) report('`title` is missing');
  const logsource = js.logsource;
  if (!logsource || typeof logsource !== 'object' || Array.isArray(logsource)) report('`logsource` is missing');
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

  const detectionNode = root.get('detection', true) as Node | undefined;
  let detection: Detection | undefined;
  if (!isMap(detectionNode))
    report('`detection` is missing or not a mapping', detectionNode ? spanOf(detectionNode) : docSpan);
  else detection = parseDetection(detectionNode, spanOf, report);

  if (problems.length || !detection || !title) return { problems };
  const ls = (logsource ?? {}) as Record<string, unknown>;
  const custom: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(js)) if (!KNOWN_KEYS.has(key) && key !== '__proto__') custom[key] = value;
  const rule: SigmaRule = {
    title,
    ...(id !== undefined ? { id } : {}),
    ...optionalString(js, 'status'),
    ...optionalString(js, 'description'),
    ...optionalString(js, 'author'),
    ...optionalString(js, 'date'),
    ...optionalString(js, 'modified'),
    references: stringList(js.references),
    tags: stringList(js.tags),
    ...(level ? { level } : {}),
    logsource: {
      ...optionalString(ls, 'product'),
      ...optionalString(ls, 'service'),
      ...optionalString(ls, 'category'),
      ...optionalString(ls, 'definition'),
    },
    falsepositives: stringList(js.falsepositives),
    fields: stringList(js.fields),
    detection,
    source: { file, line: docSpan.line },
    custom,
  };
  return { rule };
}

function parseDetection(
  node: YAMLMap,
  spanOf: (node: Node | null | undefined) => RuleSpan,
  report: (message: string, span?: RuleSpan) => void,
): Detection | undefined {
  const selections: Record<string, Selection> = {};
  const names: string[] = [];
  let conditionPair: Pair | undefined;
  for (const pair of node.items as Pair<Node, Node | null>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const span = spanOf(pair.key);
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
  } else if (isSeq(value) || isScalar(value)) {
    report(
      `selection \`${name}\`: keyword lists (values without a field name) are not supported; name the field, e.g. \`eventName: …\``,
      span,
    );
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
