/**
 * Field modifiers (Sigma spec v2 appendix "Modifiers", v2.1 for `neq`): turns
 * `field|mod|mod: values` into a typed FieldTest, or says precisely why it cannot.
 */
import { isIP } from 'node:net';
import type { FieldTest, RuleSpan, StringPattern, ValueTest } from './detection.ts';
import { compileLinearRegex, RegexSyntaxError } from './regex.ts';
import { literalPattern, parseSigmaString, surround } from './wildcard.ts';

/** A problem found while reading one part of a rule; parse.ts attaches the file. */
export class RuleSyntaxError extends Error {
  readonly span: RuleSpan | undefined;
  constructor(message: string, span?: RuleSpan) {
    super(message);
    this.name = 'RuleSyntaxError';
    this.span = span;
  }
}

/** A scalar as YAML gave it, with where it was written. */
export interface RawValue {
  value: string | number | boolean | null;
  span: RuleSpan;
}

/**
 * Longest `|re` pattern accepted. Matching is linear-time (regex.ts); this bounds the compiled
 * program's size, and so the cost per character.
 */
export const REGEX_MAX_LENGTH = 1000;

const POSITION = new Set(['contains', 'startswith', 'endswith']);
const ENCODING = new Set(['utf16le', 'utf16be', 'utf16', 'wide']);
const COMPARE = new Set(['gt', 'gte', 'lt', 'lte']);
const RE_FLAGS = new Set(['i', 'm', 's']);
const KNOWN = new Set([
  ...POSITION,
  ...ENCODING,
  ...COMPARE,
  ...RE_FLAGS,
  'all',
  'cased',
  're',
  'cidr',
  'exists',
  'fieldref',
  'base64',
  'base64offset',
  'windash',
  'neq',
]);
const UNSUPPORTED: Record<string, string> = {
  expand: '`|expand` needs placeholder values supplied by a processing pipeline; telltale has none',
  minute: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
  hour: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
  day: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
  week: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
  month: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
  year: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
};

/**
 * The field name of a keyword search: Sigma rules specification v2, "Lists": values with no field
 * are searched in the whole event; `'|all': [a, b]` asks for every keyword.
 */
export const KEYWORD_FIELD = '';

/** Modifiers that make no sense without a field (there is no one value to test or compare). */
const FIELD_ONLY = new Set(['exists', 'fieldref', 'neq', ...COMPARE]);

/**
 * Builds the FieldTest for `key: values`, where `key` is `field|mod|…` as written. An empty field
 * (`'|all'`, or a keyword list passed with key '') is a keyword search: each keyword is looked for
 * anywhere in any value of the event (implicitly `contains`, as a full-text search is).
 */
export function buildFieldTest(key: string, values: RawValue[], span: RuleSpan): FieldTest {
  const [field = '', ...modifiers] = key.split('|');
  const keyword = field === KEYWORD_FIELD;
  const mods = new Set<string>();
  for (const mod of modifiers) {
    if (UNSUPPORTED[mod]) throw new RuleSyntaxError(`\`${key}\`: ${UNSUPPORTED[mod]}`, span);
    if (!KNOWN.has(mod)) throw new RuleSyntaxError(`\`${key}\`: unknown modifier \`${mod}\``, span);
    if (mods.has(mod)) throw new RuleSyntaxError(`\`${key}\`: modifier \`${mod}\` given twice`, span);
    mods.add(mod);
  }
  if (values.length === 0) throw new RuleSyntaxError(`\`${key}\`: the value list is empty`, span);
  // Modifiers appendix v2.1, "Generic Modifiers": single item values are not allowed an `all`.
  if (mods.has('all') && values.length < 2) {
    throw new RuleSyntaxError(
      `\`${key}\`: \`|all\` needs two or more values (Sigma modifiers appendix: single item values are not allowed an all modifier)`,
      span,
    );
  }
  if (keyword) {
    const bad = [...mods].filter((m) => FIELD_ONLY.has(m));
    if (bad.length) throw new RuleSyntaxError(`\`${key}\`: a keyword search cannot take \`|${bad[0]}\``, span);
    if (values.some((v) => v.value === null)) {
      throw new RuleSyntaxError(`\`${key}\`: a keyword cannot be null`, span);
    }
    if (!['contains', 'startswith', 'endswith', 're', 'cidr', 'base64', 'base64offset'].some((m) => mods.has(m))) {
      mods.add('contains');
    }
  }

  const positions = [...mods].filter((m) => POSITION.has(m));
  if (positions.length > 1)
    throw new RuleSyntaxError(`\`${key}\`: ${positions.join(' and ')} exclude each other`, span);
  const position = positions[0] as 'contains' | 'startswith' | 'endswith' | undefined;
  const compares = [...mods].filter((m) => COMPARE.has(m));
  const kinds = ['re', 'cidr', 'exists', 'fieldref', ...compares].filter((m) => mods.has(m));
  if (kinds.length > 1) throw new RuleSyntaxError(`\`${key}\`: ${kinds.join(' and ')} exclude each other`, span);
  const kind = kinds[0];
  const cased = mods.has('cased');

  const allow = (allowed: string[]) => {
    const extra = [...mods].filter((m) => m !== kind && m !== 'all' && !allowed.includes(m));
    if (extra.length) {
      throw new RuleSyntaxError(`\`${key}\`: \`${extra.join('|')}\` cannot be combined with \`${kind}\``, span);
    }
  };
  for (const f of RE_FLAGS) {
    if (mods.has(f) && kind !== 're') throw new RuleSyntaxError(`\`${key}\`: \`|${f}\` is a flag of \`|re\``, span);
  }

  const one = (build: (v: RawValue) => ValueTest): ValueTest[] => values.map(build);
  let tests: ValueTest[];
  if (kind === 're') {
    allow(['i', 'm', 's']);
    tests = one((v) => regexTest(key, v, mods));
  } else if (kind === 'cidr') {
    allow([]);
    tests = one((v) => cidrTest(key, v));
  } else if (kind === 'exists') {
    allow([]);
    if (values.length !== 1) throw new RuleSyntaxError(`\`${key}\`: \`|exists\` takes one value, true or false`, span);
    tests = one((v) => {
      const text = String(v.value).toLowerCase();
      if (text !== 'true' && text !== 'false') {
        throw new RuleSyntaxError(
          `\`${key}\`: \`|exists\` takes true or false, not ${JSON.stringify(v.value)}`,
          v.span,
        );
      }
      return { kind: 'exists', exists: text === 'true' };
    });
  } else if (kind === 'fieldref') {
    allow(['contains', 'startswith', 'endswith', 'cased']);
    tests = one((v) => {
      if (typeof v.value !== 'string' || v.value === '') {
        throw new RuleSyntaxError(`\`${key}\`: \`|fieldref\` takes a field name`, v.span);
      }
      return { kind: 'fieldref', field: v.value, path: v.value.split('.'), position: position ?? 'equals', cased };
    });
  } else if (kind !== undefined) {
    allow([]);
    tests = one((v) => {
      const n = typeof v.value === 'number' ? v.value : typeof v.value === 'string' ? Number(v.value) : NaN;
      if (v.value === '' || !Number.isFinite(n)) {
        throw new RuleSyntaxError(`\`${key}\`: \`|${kind}\` takes a number, not ${JSON.stringify(v.value)}`, v.span);
      }
      return { kind: 'compare', op: kind as 'gt' | 'gte' | 'lt' | 'lte', value: n };
    });
  } else {
    tests = one((v) => stringTest(key, v, mods, position, cased));
  }
  if (mods.has('all') && tests.some((t) => t.kind === 'null')) {
    throw new RuleSyntaxError(`\`${key}\`: \`|all\` with a null value can never match`, span);
  }
  return {
    field,
    path: field.split('.'),
    modifiers,
    combine: mods.has('all') ? 'all' : 'any',
    values: tests,
    span,
  };
}

function stringTest(
  key: string,
  v: RawValue,
  mods: Set<string>,
  position: 'contains' | 'startswith' | 'endswith' | undefined,
  cased: boolean,
): ValueTest {
  const encoded = [...mods].filter((m) => ENCODING.has(m));
  const base64 = mods.has('base64') || mods.has('base64offset');
  if (v.value === null) {
    if ([...mods].some((m) => m !== 'all')) {
      throw new RuleSyntaxError(`\`${key}\`: null cannot take modifiers; write \`${key.split('|')[0]}: null\``, v.span);
    }
    return { kind: 'null' };
  }
  if (encoded.length > 1) throw new RuleSyntaxError(`\`${key}\`: ${encoded.join(' and ')} exclude each other`, v.span);
  if (encoded.length && !base64) {
    throw new RuleSyntaxError(
      `\`${key}\`: \`|${encoded[0]}\` only makes sense before \`|base64\` or \`|base64offset\``,
      v.span,
    );
  }
  if (mods.has('base64') && mods.has('base64offset')) {
    throw new RuleSyntaxError(`\`${key}\`: base64 and base64offset exclude each other`, v.span);
  }
  if (mods.has('base64offset') && position !== 'contains') {
    throw new RuleSyntaxError(`\`${key}\`: \`|base64offset\` must be followed by \`|contains\``, v.span);
  }
  if (mods.has('windash') && base64) {
    throw new RuleSyntaxError(`\`${key}\`: windash cannot be combined with base64`, v.span);
  }
  const text = String(v.value);
  const place = (p: StringPattern) =>
    surround(
      p,
      position === 'contains' || position === 'endswith',
      position === 'contains' || position === 'startswith',
    );

  let patterns: StringPattern[];
  if (base64) {
    // Encoded values are literal bytes: wildcards in them would be encoded too, so they are refused.
    if (/(?<!\\)[*?]/.test(text)) {
      throw new RuleSyntaxError(`\`${key}\`: wildcards cannot be base64-encoded`, v.span);
    }
    const bytes = encodeText(patternText(text), encoded[0]);
    const encodings = mods.has('base64offset') ? base64Offsets(bytes) : [bytes.toString('base64')];
    patterns = encodings.map((e) => place(literalPattern(e)));
  } else if (mods.has('windash')) {
    patterns = windashVariants(text).map((t) => place(parseSigmaString(t)));
  } else {
    patterns = [place(typeof v.value === 'string' ? parseSigmaString(text) : literalPattern(text))];
  }
  // base64 output is case-sensitive by nature: `QQ==` and `qq==` are different bytes.
  const exactCase = cased || base64;
  if (mods.has('neq')) {
    if (patterns.length !== 1) throw new RuleSyntaxError(`\`${key}\`: \`|neq\` takes plain values`, v.span);
    return { kind: 'neq', pattern: patterns[0]!, cased: exactCase };
  }
  if (patterns.length === 1) return { kind: 'string', pattern: patterns[0]!, cased: exactCase };
  return { kind: 'variants', patterns, cased: exactCase };
}

function patternText(text: string): string {
  return text.replace(/\\([*?\\])/g, '$1');
}

function encodeText(text: string, encoding: string | undefined): Buffer {
  if (encoding === 'utf16le' || encoding === 'wide') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf16be') return Buffer.from(text, 'utf16le').swap16();
  if (encoding === 'utf16') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.from(text, 'utf8');
}

/**
 * The three base64 renderings of `bytes` at byte offsets 0, 1 and 2 inside a larger string, trimmed
 * to the characters that do not depend on the neighbouring bytes (pySigma `SigmaBase64OffsetModifier`).
 */
function base64Offsets(bytes: Buffer): string[] {
  const start = [0, 2, 3];
  const end = [0, -3, -2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const shifted = Buffer.concat([Buffer.alloc(i, 0x20), bytes]).toString('base64');
    const cut = end[(bytes.length + i) % 3]!;
    out.push(shifted.slice(start[i], cut === 0 ? undefined : cut));
  }
  return out;
}

/** `-` and `/` introducing a command-line flag, rendered with each dash Windows accepts. */
function windashVariants(text: string): string[] {
  const variants = ['-', '/', '\u2013', '\u2014', '\u2015'].map((dash) => text.replace(/\B[-/](?=\w)/g, dash));
  return [...new Set(variants)];
}

function regexTest(key: string, v: RawValue, mods: Set<string>): ValueTest {
  if (typeof v.value !== 'string') {
    throw new RuleSyntaxError(`\`${key}\`: \`|re\` takes a string pattern`, v.span);
  }
  const source = v.value;
  const flags = [...RE_FLAGS].filter((f) => mods.has(f)).join('');
  if (source.length > REGEX_MAX_LENGTH) {
    throw new RuleSyntaxError(`\`${key}\`: regular expression longer than ${REGEX_MAX_LENGTH} characters`, v.span);
  }
  try {
    compileLinearRegex(source, flags);
  } catch (error) {
    if (!(error instanceof RegexSyntaxError)) throw error;
    throw new RuleSyntaxError(
      `\`${key}\`: not a regular expression telltale can run in linear time (${error.message}); Sigma's regex flavour has no lookaround, atomic groups or backreferences`,
      v.span,
    );
  }
  return { kind: 're', source, flags };
}

function cidrTest(key: string, v: RawValue): ValueTest {
  const text = String(v.value ?? '');
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const family = isIP(address);
  const max = family === 6 ? 128 : 32;
  const prefix = slash < 0 ? max : Number(text.slice(slash + 1));
  if (
    family === 0 ||
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > max ||
    (slash >= 0 && !/^\d+$/.test(text.slice(slash + 1)))
  ) {
    throw new RuleSyntaxError(
      `\`${key}\`: ${JSON.stringify(v.value)} is not a CIDR network such as 10.0.0.0/8`,
      v.span,
    );
  }
  return { kind: 'cidr', network: address, prefix, family: family as 4 | 6 };
}
