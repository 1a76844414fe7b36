/**
 * Goss's matcher language (docs/gossfile.md "Advanced Matchers"), evaluated over plain values.
 * A matcher is whatever the user wrote for an attribute: a scalar (equality), an array (subset, as
 * Goss does for `groups`), or a one-key map naming a matcher (`have-prefix`, `not`, `and`, …).
 * Pure: no I/O, never throws on a bad value (a mismatch is a failed result, not an exception).
 */
import semver from 'semver';

export interface MatchOutcome {
  pass: boolean;
  /** What the control asked for, in words a failure message can show. */
  expected: string;
}

/** The matcher keywords Goss documents; anything else in a one-key map is a user error. */
export const MATCHER_KEYWORDS = [
  'equal',
  'not',
  'and',
  'or',
  'have-prefix',
  'have-suffix',
  'contain-substring',
  'match-regexp',
  'contain-element',
  'contain-elements',
  'consist-of',
  'have-len',
  'have-key',
  'have-key-with-value',
  'gt',
  'ge',
  'lt',
  'le',
  'semver-constraint',
] as const;

const KEYWORDS = new Set<string>(MATCHER_KEYWORDS);

/** True when `value` is written as a matcher map (`{have-prefix: x}`) rather than a literal. */
export function isMatcherMap(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && KEYWORDS.has(keys[0]!);
}

/** The first problem in a matcher as written (unknown keyword, wrong operand), or undefined. */
export function checkMatcher(value: unknown): string | undefined {
  if (!isPlainObject(value)) {
    if (Array.isArray(value)) for (const v of value) if (isPlainObject(v)) return checkMatcher(v);
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) return `a matcher map has exactly one key, got ${keys.length}`;
  const key = keys[0]!;
  if (!KEYWORDS.has(key)) return `unknown matcher '${key}' (known: ${MATCHER_KEYWORDS.join(', ')})`;
  const arg = value[key];
  switch (key) {
    case 'not':
    case 'contain-element':
      return checkMatcher(arg);
    case 'and':
    case 'or':
    case 'contain-elements':
    case 'consist-of':
      if (!Array.isArray(arg)) return `'${key}' takes a list`;
      for (const a of arg) {
        const p = checkMatcher(a);
        if (p) return p;
      }
      return undefined;
    case 'match-regexp':
      if (typeof arg !== 'string') return `'match-regexp' takes a string`;
      try {
        goRegExp(arg);
      } catch (error) {
        return `'match-regexp' is not a valid regular expression: ${(error as Error).message}`;
      }
      return undefined;
    case 'have-len':
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le':
      return typeof arg === 'number' || (typeof arg === 'string' && isNumeric(arg))
        ? undefined
        : `'${key}' takes a number`;
    case 'semver-constraint':
      if (typeof arg !== 'string' || parseConstraint(arg) === undefined)
        return `'semver-constraint' takes a semver range (">=1.2.0 <2.0.0 !=1.5.0", "^1.2 || ^2")`;
      return undefined;
    case 'have-key-with-value':
      return isPlainObject(arg) && Object.keys(arg).length === 1
        ? checkMatcher(Object.values(arg)[0])
        : `'have-key-with-value' takes a one-key map {key: value}`;
    default:
      return undefined;
  }
}

/** Evaluates a matcher against an actual value. */
export function evaluate(matcher: unknown, actual: unknown): MatchOutcome {
  if (isMatcherMap(matcher)) return evaluateKeyword(matcher, actual);
  if (Array.isArray(matcher)) {
    // Goss: a list for a list attribute means "contains these elements" (order-free subset).
    const items = toArray(actual);
    const pass = matcher.every((m) => items.some((a) => evaluate(m, a).pass));
    return { pass, expected: `contain elements ${show(matcher)}` };
  }
  return { pass: looselyEqual(matcher, actual), expected: show(matcher) };
}

function evaluateKeyword(m: Record<string, unknown>, actual: unknown): MatchOutcome {
  const [key, arg] = Object.entries(m)[0]!;
  switch (key) {
    case 'equal':
      return { pass: deepLooseEqual(arg, actual), expected: `equal ${show(arg)}` };
    case 'not': {
      const inner = evaluate(arg, actual);
      return { pass: !inner.pass, expected: `not ${inner.expected}` };
    }
    case 'and': {
      const parts = (arg as unknown[]).map((a) => evaluate(a, actual));
      return { pass: parts.every((p) => p.pass), expected: parts.map((p) => p.expected).join(' and ') };
    }
    case 'or': {
      const parts = (arg as unknown[]).map((a) => evaluate(a, actual));
      return { pass: parts.some((p) => p.pass), expected: parts.map((p) => p.expected).join(' or ') };
    }
    case 'have-prefix':
      return { pass: asText(actual).startsWith(String(arg)), expected: `have prefix ${show(arg)}` };
    case 'have-suffix':
      return { pass: asText(actual).endsWith(String(arg)), expected: `have suffix ${show(arg)}` };
    case 'contain-substring':
      return { pass: asText(actual).includes(String(arg)), expected: `contain substring ${show(arg)}` };
    case 'match-regexp':
      return { pass: safeRegExp(String(arg))?.test(asText(actual)) ?? false, expected: `match /${String(arg)}/` };
    case 'contain-element': {
      const inner = evaluate(arg, undefined);
      return {
        pass: toArray(actual).some((a) => evaluate(arg, a).pass),
        expected: `contain element ${inner.expected}`,
      };
    }
    case 'contain-elements': {
      const want = arg as unknown[];
      return {
        pass: want.every((w) => toArray(actual).some((a) => evaluate(w, a).pass)),
        expected: `contain elements ${show(want)}`,
      };
    }
    case 'consist-of': {
      const want = arg as unknown[];
      return { pass: consistOf(want, toArray(actual)), expected: `consist of ${show(want)}` };
    }
    case 'have-len': {
      const len = lengthOf(actual);
      return { pass: len !== undefined && len === Number(arg), expected: `have length ${String(arg)}` };
    }
    case 'have-key':
      return { pass: isPlainObject(actual) && Object.hasOwn(actual, String(arg)), expected: `have key ${show(arg)}` };
    case 'have-key-with-value': {
      const [k, v] = Object.entries(arg as Record<string, unknown>)[0] ?? ['', undefined];
      const inner = evaluate(v, isPlainObject(actual) ? actual[k] : undefined);
      return {
        pass: isPlainObject(actual) && Object.hasOwn(actual, k) && inner.pass,
        expected: `have key ${show(k)} with value ${inner.expected}`,
      };
    }
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le': {
      const a = toNumber(actual);
      const b = Number(arg);
      const pass = a !== undefined && (key === 'gt' ? a > b : key === 'ge' ? a >= b : key === 'lt' ? a < b : a <= b);
      const word = { gt: '>', ge: '>=', lt: '<', le: '<=' }[key];
      return { pass, expected: `be ${word} ${b}` };
    }
    case 'semver-constraint': {
      // Goss applies the constraint to each version when the attribute is a list (package versions).
      const range = String(arg);
      const versions = toArray(actual).map((v) => semver.coerce(String(v)));
      const pass = versions.length > 0 && versions.every((v) => v !== null && satisfiesConstraint(v.version, range));
      return { pass, expected: `satisfy semver ${range}` };
    }
    default:
      return { pass: false, expected: `unknown matcher ${key}` };
  }
}

/**
 * Goss's line patterns for `contents`, `stdout`, `stderr` and `body`: each entry must be found
 * ("foo" substring, "/re/" regex) or must not be found ("!foo", "!/re/"); entries may also be matcher maps.
 */
export function evaluatePatterns(patterns: unknown[], text: string): MatchOutcome & { missing: string[] } {
  const missing: string[] = [];
  for (const p of patterns) {
    if (isMatcherMap(p)) {
      if (!evaluate(p, text).pass) missing.push(evaluate(p, text).expected);
      continue;
    }
    const raw = String(p);
    const negate = raw.startsWith('!');
    const body = negate ? raw.slice(1) : raw;
    const re =
      body.length >= 2 && body.startsWith('/') && body.endsWith('/') ? safeRegExp(body.slice(1, -1), 'm') : undefined;
    const found = re ? re.test(text) : text.includes(body);
    if (found === negate) missing.push(raw);
  }
  return { pass: missing.length === 0, expected: `patterns ${show(patterns)}`, missing };
}

/**
 * Goss's constraints are blang/semver ranges: space-separated comparisons ANDed, `||` between
 * alternatives, and `!=` (which node-semver lacks). Each alternative becomes a node-semver range
 * plus the versions it excludes.
 */
function parseConstraint(text: string): { range: string; excluded: string[] }[] | undefined {
  const alternatives = text.split('||').map((alt) => {
    const terms = alt.trim().split(/\s+/).filter(Boolean);
    const excluded: string[] = [];
    const kept: string[] = [];
    for (const t of terms) {
      if (t.startsWith('!=')) {
        const v = semver.coerce(t.slice(2).replace(/^=/, ''));
        if (!v) return undefined;
        excluded.push(v.version);
      } else kept.push(t);
    }
    const range = kept.join(' ') || '*';
    return semver.validRange(range) === null ? undefined : { range, excluded };
  });
  return alternatives.every((a) => a !== undefined) ? alternatives : undefined;
}

function satisfiesConstraint(version: string, text: string): boolean {
  const alternatives = parseConstraint(text);
  return (alternatives ?? []).some((a) => !a.excluded.includes(version) && semver.satisfies(version, a.range));
}

function consistOf(want: unknown[], have: unknown[]): boolean {
  if (want.length !== have.length) return false;
  const used = new Array<boolean>(have.length).fill(false);
  return want.every((w) => {
    const i = have.findIndex((a, j) => !used[j] && evaluate(w, a).pass);
    if (i < 0) return false;
    used[i] = true;
    return true;
  });
}

/** Goss compares YAML `0644` and "0644", `80` and "80" as equal: it converts before comparing. */
export function looselyEqual(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if (expected === null || actual === null || expected === undefined || actual === undefined) return false;
  if (typeof expected === 'boolean' || typeof actual === 'boolean') return String(expected) === String(actual);
  if (typeof expected === 'object' || typeof actual === 'object') return deepLooseEqual(expected, actual);
  const a = toNumber(actual);
  const e = toNumber(expected);
  if (a !== undefined && e !== undefined && typeof expected !== typeof actual) return a === e;
  return String(expected) === String(actual);
}

function deepLooseEqual(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((e, i) => deepLooseEqual(e, actual[i]))
    );
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return false;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((k) => deepLooseEqual(expected[k], actual[k]));
  }
  return looselyEqual(expected, actual);
}

function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  return undefined;
}

function toArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && isNumeric(value)) return Number(value);
  return undefined;
}

function isNumeric(text: string): boolean {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text);
}

function asText(value: unknown): string {
  return typeof value === 'string'
    ? value
    : value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
}

/**
 * Goss regexes are Go RE2, where flags lead the pattern (`(?i)`, `(?s)`); JavaScript takes them as
 * RegExp flags, so a leading group of i/m/s becomes flags.
 */
export function goRegExp(source: string, flags = ''): RegExp {
  const m = /^\(\?([ims]+)\)/.exec(source);
  const all = new Set([...flags, ...(m?.[1] ?? '')]);
  return new RegExp(m ? source.slice(m[0].length) : source, [...all].join(''));
}

function safeRegExp(source: string, flags = ''): RegExp | undefined {
  try {
    return goRegExp(source, flags);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a failure message shows it: JSON, so strings keep their quotes. */
export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
