/**
 * In-process evaluation of a parsed Sigma rule against CloudTrail records (plain JSON objects).
 *
 * `compileRule` does all per-rule work once — lowercasing literals, building RegExps and CIDR
 * lists, expanding `1 of x*` — and returns a closure tree, so matching one event is a few property
 * reads and string comparisons per field.
 *
 * Semantics (Sigma spec v2): strings match case-insensitively unless `|cased`; numbers and booleans
 * are compared as their text (`'true'` matches JSON `true`); an object is compared as its JSON text
 * and as each string inside it;
 * an array matches when any element does; `null` means missing or null; `|exists` asks only whether
 * the field is there (modifiers appendix v2.1: "only verifies the presence of a field, not its value,
 * be it empty or null"). A keyword (a value with no field) is looked for in every value of the event.
 */
import type { ConditionNode, FieldTest, SigmaRule, StringPattern, ValueTest } from './detection.ts';
import { cidrMatcher } from './cidr.ts';
import { KEYWORD_FIELD } from './modifiers.ts';
import { compileLinearRegex } from './regex.ts';
import { patternShape, patternToRegExpSource } from './wildcard.ts';

export type SigmaEvent = Record<string, unknown>;

/**
 * Computed fields a rule can test like any other field, e.g. `{ 'tt.openToWorld': (e) => … }`.
 * A rule field equal to a key, or starting with a key and a dot, is read from the function's result
 * before any lookup in the event. Results are cached per event and function.
 */
export type VirtualFields = Record<string, (event: SigmaEvent) => unknown>;

export interface CompileOptions {
  virtualFields?: VirtualFields;
}

/** A rule ready to test events: call it; ask `matchedSelections` to explain a match. */
export interface CompiledRule {
  (event: SigmaEvent): boolean;
  readonly rule: SigmaRule;
  /** Names of the selections that match this event (all of them, whether the condition needed them or not). */
  matchedSelections(event: SigmaEvent): string[];
}

type Resolver = (event: SigmaEvent) => unknown[];
type Predicate = (event: SigmaEvent) => boolean;
type TextMatcher = (text: string) => boolean;

export function compileRule(rule: SigmaRule, options: CompileOptions = {}): CompiledRule {
  const virtual = options.virtualFields ?? {};
  const selections = new Map<string, Predicate>();
  for (const [name, selection] of Object.entries(rule.detection.selections)) {
    const groups = selection.anyOf.map((tests) =>
      allOf([...tests].sort((a, b) => cost(a, virtual) - cost(b, virtual)).map((t) => compileFieldTest(t, virtual))),
    );
    selections.set(name, anyOf(groups));
  }
  const condition = compileCondition(rule.detection.condition, selections);
  const matchedSelections = (event: SigmaEvent) => [...selections].filter(([, p]) => p(event)).map(([n]) => n);
  return Object.assign((event: SigmaEvent) => condition(event), { rule, matchedSelections });
}

/**
 * A rough price of testing a field, so an AND tries the cheap, selective tests (`eventSource`,
 * `eventName`) first and rarely reaches a regex or the JSON text of `requestParameters`.
 */
function cost(test: FieldTest, virtual: VirtualFields): number {
  let price = test.path.length;
  // A keyword search reads every value of the event.
  if (test.field === KEYWORD_FIELD) price += 8;
  // A helper may parse a policy document; let the plain fields rule the event out first.
  if (Object.keys(virtual).some((k) => test.field === k || test.field.startsWith(`${k}.`))) price += 6;
  for (const v of test.values) {
    if (v.kind === 're' || v.kind === 'fieldref' || v.kind === 'variants') price += 4;
    else if (v.kind === 'string' && patternShape(v.pattern).kind === 'regexp') price += 3;
  }
  if (test.path.length === 1 && /^(requestParameters|responseElements|additionalEventData)$/.test(test.field))
    price += 5;
  return price;
}

function allOf(predicates: Predicate[]): Predicate {
  if (predicates.length === 1) return predicates[0]!;
  return (event) => {
    for (const p of predicates) if (!p(event)) return false;
    return true;
  };
}

function anyOf(predicates: Predicate[]): Predicate {
  if (predicates.length === 1) return predicates[0]!;
  return (event) => {
    for (const p of predicates) if (p(event)) return true;
    return false;
  };
}

function compileCondition(node: ConditionNode, selections: Map<string, Predicate>): Predicate {
  switch (node.kind) {
    case 'ref':
      return selections.get(node.name) ?? never(node.name);
    case 'and':
      return allOf(node.items.map((n) => compileCondition(n, selections)));
    case 'or':
      return anyOf(node.items.map((n) => compileCondition(n, selections)));
    case 'not': {
      const inner = compileCondition(node.item, selections);
      return (event) => !inner(event);
    }
    case 'of': {
      const items = node.names.map((n) => selections.get(n) ?? never(n));
      return node.quantifier === 'all' ? allOf(items) : anyOf(items);
    }
  }
}

function never(name: string): Predicate {
  // parse.ts checks every reference; a hand-built tree naming a missing selection is a bug.
  throw new Error(`condition refers to unknown selection ${name}`);
}

// ---------------------------------------------------------------------------------------------
// Field lookup

const virtualCache = new WeakMap<object, Map<(event: SigmaEvent) => unknown, unknown>>();

function callVirtual(fn: (event: SigmaEvent) => unknown, event: SigmaEvent): unknown {
  let perEvent = virtualCache.get(event);
  if (!perEvent) virtualCache.set(event, (perEvent = new Map()));
  if (perEvent.has(fn)) return perEvent.get(fn);
  const value = fn(event);
  perEvent.set(fn, value);
  return value;
}

/** Builds the lookup for a dotted field, honouring virtual fields first. */
export function fieldResolver(field: string, virtual: VirtualFields = {}): Resolver {
  const path = field.split('.');
  for (let i = path.length; i >= 1; i--) {
    const key = path.slice(0, i).join('.');
    const fn = Object.hasOwn(virtual, key) ? virtual[key] : undefined;
    if (fn) {
      const rest = path.slice(i);
      const lookup = pathLookup(rest);
      return (event) => lookup(callVirtual(fn, event));
    }
  }
  const lookup = pathLookup(path);
  return (event) => lookup(event);
}

/**
 * Values at a dotted path: arrays on the way are searched element by element, and at each step a
 * literal key containing the remaining dots (`"a.b": …`) is tried before the nested path.
 */
function pathLookup(path: string[]): (root: unknown) => unknown[] {
  const n = path.length;
  // Only keys Object.prototype also has (`constructor`, `toString`) need an own-property check.
  const read = (obj: Record<string, unknown>, key: string): unknown =>
    key in Object.prototype ? (Object.hasOwn(obj, key) ? obj[key] : undefined) : obj[key];
  const dotted: { key: string; next: number }[][] = path.map((_, i) => {
    const keys: { key: string; next: number }[] = [];
    for (let j = n; j > i + 1; j--) keys.push({ key: path.slice(i, j).join('.'), next: j });
    return keys;
  });
  const walk = (node: unknown, i: number, out: unknown[]): void => {
    if (i === n) return flatten(node, out);
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, i, out);
      return;
    }
    const obj = node as Record<string, unknown>;
    for (const { key, next } of dotted[i]!) {
      const value = read(obj, key);
      if (value !== undefined) walk(value, next, out);
    }
    const value = read(obj, path[i]!);
    if (value !== undefined) walk(value, i + 1, out);
  };
  // The common case (`eventName`, `errorCode`): one property read and a reused one-element list.
  // Safe because evaluation is synchronous and no predicate keeps the list.
  const one: unknown[] = [undefined];
  const key = path[0]!;
  return (root) => {
    if (n === 1 && root !== null && typeof root === 'object' && !Array.isArray(root)) {
      const value = read(root as Record<string, unknown>, key);
      if (value === undefined) return EMPTY;
      if (!Array.isArray(value)) {
        one[0] = value;
        return one;
      }
    }
    const out: unknown[] = [];
    walk(root, 0, out);
    return out;
  };
}

const EMPTY: unknown[] = [];

/**
 * Whether a dotted field is present, whatever its value (null and empty included), with the same
 * walk as pathLookup: arrays on the way count when any element has it; dotted literal keys too.
 */
export function presence(field: string, virtual: VirtualFields = {}): Predicate {
  const path = field.split('.');
  for (let i = path.length; i >= 1; i--) {
    const key = path.slice(0, i).join('.');
    const fn = Object.hasOwn(virtual, key) ? virtual[key] : undefined;
    if (fn) {
      const rest = path.slice(i);
      // A virtual field is "present" when the helper gives a value (undefined means it had nothing).
      return (event) => {
        const value = callVirtual(fn, event);
        return rest.length === 0 ? value !== undefined : has(value, rest, 0);
      };
    }
  }
  return (event) => has(event, path, 0);
}

function has(node: unknown, path: string[], i: number): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((item) => has(item, path, i));
  const obj = node as Record<string, unknown>;
  for (let j = path.length; j > i; j--) {
    const key = j === i + 1 ? path[i]! : path.slice(i, j).join('.');
    if (!Object.hasOwn(obj, key)) continue;
    if (j === path.length) return true;
    if (has(obj[key], path, j)) return true;
  }
  return false;
}

const eventLeafCache = new WeakMap<object, unknown[]>();

/**
 * Every scalar value of an event (strings, numbers, booleans at any depth), for keyword searches:
 * rules specification v2, "Lists": values without a field are searched in the whole event.
 */
function eventLeaves(event: SigmaEvent): unknown[] {
  let leaves = eventLeafCache.get(event);
  if (!leaves) {
    const out: unknown[] = [];
    const visit = (node: unknown, depth: number): void => {
      if (node === null || node === undefined) return;
      if (typeof node !== 'object') out.push(node);
      else if (depth < 64) for (const child of Object.values(node)) visit(child, depth + 1);
    };
    visit(event, 0);
    eventLeafCache.set(event, (leaves = out));
  }
  return leaves;
}

function flatten(value: unknown, out: unknown[]): void {
  if (value === undefined) return;
  if (Array.isArray(value)) for (const item of value) flatten(item, out);
  else out.push(value);
}

// ---------------------------------------------------------------------------------------------
// Values

const jsonText = new WeakMap<object, string>();

/** The text Sigma compares: strings as is, numbers and booleans as written in JSON, objects as JSON. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') {
    let text = jsonText.get(value);
    if (text === undefined) jsonText.set(value, (text = JSON.stringify(value)));
    return text;
  }
  return String(value);
}

// Sixty rules ask for the lower case of the same `eventName` string; V8 keeps a string's hash in the
// string, so a Map lookup is cheaper than lowercasing again. Bounded so a long run cannot grow it.
const LOWER_CACHE_LIMIT = 20_000;
const LOWER_CACHE_MAX_LENGTH = 256;
let lowerCache = new Map<string, string>();

function lowerOf(text: string): string {
  if (text.length > LOWER_CACHE_MAX_LENGTH) return text.toLowerCase();
  let lower = lowerCache.get(text);
  if (lower === undefined) {
    if (lowerCache.size >= LOWER_CACHE_LIMIT) lowerCache = new Map();
    lowerCache.set(text, (lower = text.toLowerCase()));
  }
  return lower;
}

/** A matcher for one Sigma string pattern against a value's text. */
export function textMatcher(pattern: StringPattern, cased: boolean): TextMatcher {
  const shape = patternShape(pattern);
  const lit = shape.kind === 'anything' || shape.kind === 'regexp' ? '' : cased ? shape.text : shape.text.toLowerCase();
  switch (shape.kind) {
    case 'equals':
      return cased ? (t) => t === lit : (t) => lowerOf(t) === lit;
    case 'startswith':
      return cased ? (t) => t.startsWith(lit) : (t) => lowerOf(t).startsWith(lit);
    case 'endswith':
      return cased ? (t) => t.endsWith(lit) : (t) => lowerOf(t).endsWith(lit);
    case 'contains':
      return cased ? (t) => t.includes(lit) : (t) => lowerOf(t).includes(lit);
    case 'anything':
      return () => true;
    case 'regexp': {
      // `a*b*c` from a rule author: a linear-time engine, so no wildcard pattern can backtrack.
      const re = compileLinearRegex(patternToRegExpSource(pattern), cased ? '' : 'i');
      return (t) => re.test(t);
    }
  }
}

type ListPredicate = (values: unknown[], event: SigmaEvent) => boolean;

function compileFieldTest(test: FieldTest, virtual: VirtualFields): Predicate {
  const only = test.values.length === 1 ? test.values[0]! : undefined;
  if (only?.kind === 'exists') {
    const present = presence(test.field, virtual);
    return only.exists ? present : (event) => !present(event);
  }
  const resolve = test.field === KEYWORD_FIELD ? eventLeaves : fieldResolver(test.field, virtual);
  const listPredicates: ListPredicate[] = [];
  if (test.combine === 'any') {
    // A long `eventName:` list becomes one Set lookup per event instead of one comparison per value.
    const equalsCased = new Set<string>();
    const equalsFolded = new Set<string>();
    const rest: ValueTest[] = [];
    for (const v of test.values) {
      const shape = v.kind === 'string' ? patternShape(v.pattern) : undefined;
      if (v.kind === 'string' && shape?.kind === 'equals') {
        if (v.cased) equalsCased.add(shape.text);
        else equalsFolded.add(shape.text.toLowerCase());
      } else {
        rest.push(v);
      }
    }
    if (equalsCased.size || equalsFolded.size) {
      listPredicates.push((values) => {
        for (const value of values) {
          const t = textOf(value);
          if (t !== undefined && (equalsCased.has(t) || (equalsFolded.size > 0 && equalsFolded.has(lowerOf(t))))) {
            return true;
          }
        }
        return false;
      });
    }
    listPredicates.push(...rest.map((v) => compileValueTest(v, virtual)));
    return (event) => {
      const values = resolve(event);
      for (const p of listPredicates) if (p(values, event)) return true;
      return false;
    };
  }
  listPredicates.push(...test.values.map((v) => compileValueTest(v, virtual)));
  return (event) => {
    const values = resolve(event);
    for (const p of listPredicates) if (!p(values, event)) return false;
    return true;
  };
}

function someText(match: TextMatcher): ListPredicate {
  return (values) => {
    for (const value of values) {
      const t = textOf(value);
      if (t === undefined) continue;
      if (match(t)) return true;
      // IAM policy documents are JSON *strings* inside requestParameters, so in the object's JSON
      // text their quotes are escaped; SigmaHQ rules match `'"Action": "*"'` against the document
      // itself. The strings inside an object are therefore candidates too.
      if (typeof value === 'object' && value !== null) {
        for (const leaf of stringsIn(value)) if (match(leaf)) return true;
      }
    }
    return false;
  };
}

const leafStrings = new WeakMap<object, string[]>();

function stringsIn(value: object): string[] {
  let leaves = leafStrings.get(value);
  if (!leaves) {
    const out: string[] = [];
    const visit = (node: unknown): void => {
      if (typeof node === 'string') out.push(node);
      else if (node !== null && typeof node === 'object') for (const child of Object.values(node)) visit(child);
    };
    visit(value);
    leafStrings.set(value, (leaves = out));
  }
  return leaves;
}

function compileValueTest(test: ValueTest, virtual: VirtualFields): ListPredicate {
  switch (test.kind) {
    case 'null':
      return (values) => values.length === 0 || values.includes(null);
    case 'exists':
      // compileFieldTest answers `|exists` from presence; this is only reached through a value list.
      return (values) => values.length > 0 === test.exists;
    case 'string':
      return someText(textMatcher(test.pattern, test.cased));
    case 'variants': {
      const matchers = test.patterns.map((p) => textMatcher(p, test.cased));
      return someText((t) => matchers.some((m) => m(t)));
    }
    case 're': {
      const re = compileLinearRegex(test.source, test.flags);
      return someText((t) => re.test(t));
    }
    case 'cidr':
      return someText(cidrMatcher(test.network, test.prefix, test.family));
    case 'compare': {
      const { op, value: limit } = test;
      const cmp =
        op === 'gt'
          ? (n: number) => n > limit
          : op === 'gte'
            ? (n: number) => n >= limit
            : op === 'lt'
              ? (n: number) => n < limit
              : (n: number) => n <= limit;
      return (values) =>
        values.some((v) => {
          const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
          return Number.isFinite(n) && cmp(n);
        });
    }
    case 'neq': {
      const equal = textMatcher(test.pattern, test.cased);
      return (values) => {
        let seen = false;
        for (const value of values) {
          const t = textOf(value);
          if (t === undefined) continue;
          seen = true;
          if (equal(t)) return false;
        }
        return seen;
      };
    }
    case 'fieldref': {
      const other = fieldResolver(test.field, virtual);
      const { position, cased } = test;
      const related = (a: string, b: string) =>
        position === 'equals'
          ? a === b
          : position === 'startswith'
            ? a.startsWith(b)
            : position === 'endswith'
              ? a.endsWith(b)
              : a.includes(b);
      return (values, event) => {
        const others = other(event);
        for (const value of values) {
          const a = textOf(value);
          if (a === undefined) continue;
          for (const o of others) {
            const b = textOf(o);
            if (b !== undefined && (cased ? related(a, b) : related(lowerOf(a), lowerOf(b)))) return true;
          }
        }
        return false;
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rule sets

/** Many rules over one stream: returns the rules that match an event, in the order given. */
export interface CompiledRuleSet {
  (event: SigmaEvent): CompiledRule[];
  readonly rules: readonly CompiledRule[];
}

/**
 * Compiles rules for use together. Almost every CloudTrail rule requires `eventName` to be one of a
 * few names; such rules are indexed by name, so an event is only tested against the rules that
 * could match it (the answer is the same as testing every rule).
 */
export function compileRuleSet(rules: readonly SigmaRule[], options: CompileOptions = {}): CompiledRuleSet {
  const compiled = rules.map((rule) => compileRule(rule, options));
  const indexable = !Object.hasOwn(options.virtualFields ?? {}, INDEX_FIELD);
  const required = compiled.map((c) => (indexable ? requiredValues(c.rule.detection.condition, c.rule) : undefined));
  const byName = new Map<string, CompiledRule[]>();
  for (const names of required) for (const name of names ?? []) byName.set(name, []);
  const always: CompiledRule[] = [];
  compiled.forEach((c, i) => {
    const names = required[i];
    if (!names) {
      always.push(c);
      for (const list of byName.values()) list.push(c);
    } else {
      for (const name of names) byName.get(name)!.push(c);
    }
  });
  const run = (event: SigmaEvent): CompiledRule[] => {
    const name = event[INDEX_FIELD];
    const candidates = typeof name === 'string' ? (byName.get(lowerOf(name)) ?? always) : compiled;
    const out: CompiledRule[] = [];
    for (const c of candidates) if (c(event)) out.push(c);
    return out;
  };
  return Object.assign(run, { rules: compiled });
}

const INDEX_FIELD = 'eventName';

/**
 * The lower-cased event names a condition can possibly match, or undefined when it can match any.
 * Sound, not complete: `not`, wildcards and `|cased` simply leave a rule unindexed.
 */
function requiredValues(node: ConditionNode, rule: SigmaRule): Set<string> | undefined {
  const union = (sets: (Set<string> | undefined)[]) =>
    sets.some((s) => s === undefined) ? undefined : new Set(sets.flatMap((s) => [...s!]));
  const intersection = (sets: (Set<string> | undefined)[]) => {
    const known = sets.filter((s): s is Set<string> => s !== undefined);
    if (known.length === 0) return undefined;
    return known.reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
  };
  switch (node.kind) {
    case 'ref':
      return selectionValues(rule, node.name);
    case 'and':
      return intersection(node.items.map((n) => requiredValues(n, rule)));
    case 'or':
      return union(node.items.map((n) => requiredValues(n, rule)));
    case 'not':
      return undefined;
    case 'of': {
      const sets = node.names.map((n) => selectionValues(rule, n));
      return node.quantifier === 'all' ? intersection(sets) : union(sets);
    }
  }
}

function selectionValues(rule: SigmaRule, name: string): Set<string> | undefined {
  const selection = rule.detection.selections[name];
  if (!selection) return undefined;
  const groups = selection.anyOf.map((tests) => {
    const sets = tests
      .filter((t) => t.field === INDEX_FIELD && t.combine === 'any')
      .map((t) => {
        const names: string[] = [];
        for (const v of t.values) {
          const shape = v.kind === 'string' ? patternShape(v.pattern) : undefined;
          if (shape?.kind !== 'equals') return undefined;
          names.push(shape.text.toLowerCase());
        }
        return new Set(names);
      });
    return sets.find((s) => s !== undefined);
  });
  if (groups.some((g) => g === undefined)) return undefined;
  return new Set(groups.flatMap((g) => [...g!]));
}
