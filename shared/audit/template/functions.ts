/**
 * The functions a gossfile template can call (docs/gossfile.md "Templates"):
 * - Go text/template's built-ins (pkg.go.dev/text/template#hdr-Functions);
 * - Goss's own (template.go): mkSlice, getEnv, readFile, regexMatch, toUpper, toLower,
 *   findStringSubmatch — which take precedence over Sprig's of the same name, as in Goss;
 * - the Sprig functions (masterminds.github.io/sprig) that gossfiles use: strings, lists, dicts,
 *   defaults, math, encoding and regexes. Every regex is Go RE2 syntax run in linear time.
 * A name not in this table is refused when the template is parsed, with its location.
 */
import { createHash } from 'node:crypto';
import { compileGoRegex } from '../matchers.ts';
import { formatValue, goFloat } from './values.ts';

export interface FunctionContext {
  readFile: (path: string) => string;
  env: Record<string, string | undefined>;
}

export type TemplateFunction = (args: unknown[], ctx: FunctionContext) => unknown;

/** The function a template names, if it is one of ours (never a property of Object.prototype). */
export function lookupFunction(name: string): TemplateFunction | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}

/** Go's truth (text/template "if"): false, 0, nil, and empty strings, lists and maps are false. */
export function isTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : formatValue(v === undefined ? null : v));
const num = (v: unknown, what: string): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return 0;
  throw new Error(`${what}: expected a number, got ${formatValue(v)}`);
};
const list = (v: unknown, what: string): unknown[] => {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  throw new Error(`${what}: expected a list, got ${formatValue(v)}`);
};
const dict = (v: unknown, what: string): Record<string, unknown> => {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new Error(`${what}: expected a map, got ${formatValue(v)}`);
};
const arity = (name: string, args: unknown[], min: number, max = min) => {
  if (args.length < min || args.length > max)
    throw new Error(`wrong number of args for ${name}: want ${min === max ? min : `${min}-${max}`} got ${args.length}`);
};
const regex = (source: unknown) => {
  const re = compileGoRegex(str(source));
  if (typeof re === 'string') throw new Error(re);
  return re;
};

/** Go's comparison rules for eq/lt…: basic kinds only, and of the same kind. */
function compare(a: unknown, b: unknown, name: string): number {
  const kind = (v: unknown) =>
    typeof v === 'number'
      ? 'number'
      : typeof v === 'string'
        ? 'string'
        : typeof v === 'boolean'
          ? 'bool'
          : v === null || v === undefined
            ? 'nil'
            : 'other';
  const ka = kind(a);
  const kb = kind(b);
  if (ka === 'other' || kb === 'other') throw new Error(`${name}: can only compare basic types`);
  if (ka !== kb) throw new Error(`${name}: incompatible types for comparison`);
  if (ka === 'nil') return 0;
  if (ka === 'bool') {
    if (name !== 'eq' && name !== 'ne') throw new Error(`${name}: invalid type for comparison`);
    return a === b ? 0 : 1;
  }
  return (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
}

/** Go's fmt.Sprint: a space between operands when neither side is a string. */
function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(a);
  });
  return out;
}

/** The fmt verbs templates use: %s %v %d %q %f %x %X %t %%, with width and precision. */
function sprintf(format: string, args: unknown[]): string {
  let n = 0;
  return format.replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g,
    (_m, flags: string, width?: string, prec?: string, verb?: string) => {
      if (verb === '%') return '%';
      if (n >= args.length) return `%!${verb}(MISSING)`;
      const a = args[n++];
      let s: string;
      switch (verb) {
        case 's':
        case 'v':
          s = formatValue(a);
          if (prec !== undefined) s = s.slice(0, Number(prec));
          break;
        case 'd':
          s = typeof a === 'number' ? String(Math.trunc(a)) : `%!d(${formatValue(a)})`;
          break;
        case 'q':
          s = JSON.stringify(str(a));
          break;
        case 'f':
        case 'F':
          s = typeof a === 'number' ? a.toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${formatValue(a)})`;
          break;
        case 'x':
        case 'X':
          s = typeof a === 'number' ? Math.trunc(a).toString(16) : Buffer.from(str(a)).toString('hex');
          if (verb === 'X') s = s.toUpperCase();
          break;
        case 't':
          s = typeof a === 'boolean' ? String(a) : `%!t(${formatValue(a)})`;
          break;
        default:
          s = `%!${verb}(${formatValue(a)})`;
      }
      if (width !== undefined && s.length < Number(width)) {
        const pad = (flags.includes('0') && !flags.includes('-') ? '0' : ' ').repeat(Number(width) - s.length);
        s = flags.includes('-') ? s + pad : pad + s;
      }
      return s;
    },
  );
}

const sortedKeys = (m: Record<string, unknown>) => Object.keys(m).sort();

export const FUNCTIONS: Record<string, TemplateFunction> = {
  // ---- Go text/template built-ins ----
  and: () => undefined, // evaluated lazily by the renderer
  or: () => undefined,
  not: (a) => (arity('not', a, 1), !isTruthy(a[0])),
  len: (a) => {
    arity('len', a, 1);
    const v = a[0];
    if (typeof v === 'string') return Buffer.byteLength(v);
    if (Array.isArray(v)) return v.length;
    if (v !== null && typeof v === 'object') return Object.keys(v).length;
    throw new Error(`len of ${formatValue(v)}`);
  },
  index: (a) => {
    if (a.length < 1) throw new Error('wrong number of args for index');
    let v = a[0];
    for (const k of a.slice(1)) {
      if (Array.isArray(v)) {
        const i = num(k, 'index');
        if (!Number.isInteger(i) || i < 0 || i >= v.length) throw new Error(`index out of range: ${formatValue(k)}`);
        v = v[i];
      } else if (v !== null && typeof v === 'object') {
        // A missing key gives the zero value, not an error (index is not a field access).
        v = (v as Record<string, unknown>)[str(k)] ?? null;
      } else if (v === null || v === undefined) throw new Error('index of untyped nil');
      else throw new Error(`can't index item of type ${typeof v}`);
    }
    return v;
  },
  slice: (a) => {
    const [v, ...ix] = a;
    const i = ix.length > 0 ? num(ix[0], 'slice') : 0;
    if (typeof v === 'string') return v.slice(i, ix.length > 1 ? num(ix[1], 'slice') : undefined);
    return list(v, 'slice').slice(i, ix.length > 1 ? num(ix[1], 'slice') : undefined);
  },
  print: (a) => sprint(a),
  println: (a) => `${a.map((x) => formatValue(x)).join(' ')}\n`,
  printf: (a) => sprintf(str(a[0]), a.slice(1)),
  eq: (a) => {
    if (a.length < 2) throw new Error('missing argument for comparison');
    return a.slice(1).some((b) => compare(a[0], b, 'eq') === 0);
  },
  ne: (a) => (arity('ne', a, 2), compare(a[0], a[1], 'ne') !== 0),
  lt: (a) => (arity('lt', a, 2), compare(a[0], a[1], 'lt') < 0),
  le: (a) => (arity('le', a, 2), compare(a[0], a[1], 'le') <= 0),
  gt: (a) => (arity('gt', a, 2), compare(a[0], a[1], 'gt') > 0),
  ge: (a) => (arity('ge', a, 2), compare(a[0], a[1], 'ge') >= 0),
  html: (a) =>
    sprint(a).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!),
  js: (a) =>
    JSON.stringify(sprint(a)).slice(1, -1).replace(/</g, '\\u003C').replace(/>/g, '\\u003E').replace(/'/g, "\\'"),
  urlquery: (a) => encodeURIComponent(sprint(a)).replace(/%20/g, '+'),

  // ---- Goss's own (template.go) ----
  mkSlice: (a) => [...a],
  getEnv: (a, ctx) => {
    arity('getEnv', a, 1, 2);
    const v = ctx.env[str(a[0])] ?? '';
    return v === '' && a.length > 1 ? str(a[1]) : v;
  },
  readFile: (a, ctx) => (arity('readFile', a, 1), ctx.readFile(str(a[0])).trim()),
  regexMatch: (a) => (arity('regexMatch', a, 2), regex(a[0]).test(str(a[1]))),
  toUpper: (a) => (arity('toUpper', a, 1), str(a[0]).toUpperCase()),
  toLower: (a) => (arity('toLower', a, 1), str(a[0]).toLowerCase()),
  findStringSubmatch: (a) => {
    arity('findStringSubmatch', a, 2);
    const m = regex(a[0]).matcher(str(a[1]));
    if (!m.find()) return [];
    const out: string[] = [];
    for (let i = 0; i <= m.groupCount(); i++) out.push(m.group(i) ?? '');
    return out;
  },

  // ---- Sprig: strings ----
  upper: (a) => str(a[0]).toUpperCase(),
  lower: (a) => str(a[0]).toLowerCase(),
  title: (a) => str(a[0]).replace(/(^|[\s])(\p{L})/gu, (_m, s: string, c: string) => s + c.toUpperCase()),
  trim: (a) => str(a[0]).trim(),
  trimAll: (a) => {
    const cut = [...str(a[0])];
    let s = str(a[1]);
    while (s && cut.includes(s[0]!)) s = s.slice(1);
    while (s && cut.includes(s.at(-1)!)) s = s.slice(0, -1);
    return s;
  },
  trimPrefix: (a) => (str(a[1]).startsWith(str(a[0])) ? str(a[1]).slice(str(a[0]).length) : str(a[1])),
  trimSuffix: (a) =>
    str(a[0]) !== '' && str(a[1]).endsWith(str(a[0])) ? str(a[1]).slice(0, -str(a[0]).length) : str(a[1]),
  replace: (a) => (arity('replace', a, 3), str(a[2]).split(str(a[0])).join(str(a[1]))),
  repeat: (a) => {
    const n = num(a[0], 'repeat');
    if (n < 0 || n * str(a[1]).length > 16 * 1024 * 1024) throw new Error('repeat: count out of range');
    return str(a[1]).repeat(n);
  },
  substr: (a) => str(a[2]).slice(num(a[0], 'substr'), num(a[1], 'substr') < 0 ? undefined : num(a[1], 'substr')),
  trunc: (a) => {
    const n = num(a[0], 'trunc');
    const s = str(a[1]);
    return n >= 0 ? s.slice(0, n) : s.slice(n);
  },
  nospace: (a) => str(a[0]).replace(/\s+/g, ''),
  contains: (a) => (arity('contains', a, 2), str(a[1]).includes(str(a[0]))),
  hasPrefix: (a) => (arity('hasPrefix', a, 2), str(a[1]).startsWith(str(a[0]))),
  hasSuffix: (a) => (arity('hasSuffix', a, 2), str(a[1]).endsWith(str(a[0]))),
  quote: (a) =>
    a
      .filter((x) => x !== null && x !== undefined)
      .map((x) => JSON.stringify(str(x)))
      .join(' '),
  squote: (a) =>
    a
      .filter((x) => x !== null && x !== undefined)
      .map((x) => `'${str(x)}'`)
      .join(' '),
  cat: (a) =>
    a
      .filter((x) => x !== null && x !== undefined)
      .map(str)
      .join(' '),
  indent: (a) => {
    const pad = ' '.repeat(num(a[0], 'indent'));
    return pad + str(a[1]).replace(/\n/g, `\n${pad}`);
  },
  nindent: (a) => {
    const pad = ' '.repeat(num(a[0], 'nindent'));
    return `\n${pad}${str(a[1]).replace(/\n/g, `\n${pad}`)}`;
  },
  split: (a) =>
    Object.fromEntries(
      str(a[1])
        .split(str(a[0]))
        .map((p, i) => [`_${i}`, p]),
    ),
  splitList: (a) => (arity('splitList', a, 2), str(a[1]).split(str(a[0]))),
  join: (a) => (arity('join', a, 2), list(a[1], 'join').map(str).join(str(a[0]))),
  toString: (a: unknown[]) => str(a[0]),
  toStrings: (a) => list(a[0], 'toStrings').map(str),
  toJson: (a) => JSON.stringify(a[0] ?? null),
  toPrettyJson: (a) => JSON.stringify(a[0] ?? null, null, 2),
  fromJson: (a) => {
    try {
      return JSON.parse(str(a[0])) as unknown;
    } catch {
      return {};
    }
  },
  b64enc: (a) => Buffer.from(str(a[0])).toString('base64'),
  b64dec: (a) => Buffer.from(str(a[0]), 'base64').toString('utf8'),
  sha256sum: (a) => createHash('sha256').update(str(a[0])).digest('hex'),
  sha1sum: (a) => createHash('sha1').update(str(a[0])).digest('hex'),
  env: (a, ctx) => ctx.env[str(a[0])] ?? '',
  expandenv: (a, ctx) =>
    str(a[0]).replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (_m, x?: string, y?: string) => ctx.env[(x ?? y)!] ?? '',
    ),

  // ---- Sprig: regexes (Go RE2, linear time) ----
  regexFind: (a) => {
    const m = regex(a[0]).matcher(str(a[1]));
    return m.find() ? (m.group(0) ?? '') : '';
  },
  regexFindAll: (a) => {
    const m = regex(a[0]).matcher(str(a[1]));
    const limit = a.length > 2 ? num(a[2], 'regexFindAll') : -1;
    const out: string[] = [];
    while ((limit < 0 || out.length < limit) && m.find()) out.push(m.group(0) ?? '');
    return out;
  },
  regexReplaceAll: (a) => regex(a[0]).matcher(str(a[1])).replaceAll(str(a[2])),
  regexReplaceAllLiteral: (a) => regex(a[0]).matcher(str(a[1])).replaceAll(str(a[2]).replace(/\$/g, '\\$')),
  regexSplit: (a) => {
    const parts = regex(a[0]).split(str(a[1]));
    const n = a.length > 2 ? num(a[2], 'regexSplit') : -1;
    return n < 0 ? parts : parts.slice(0, n);
  },

  // ---- Sprig: defaults and flow ----
  default: (a) => (arity('default', a, 1, 2), a.length < 2 || !isTruthy(a[1]) ? a[0] : a[1]),
  empty: (a) => !isTruthy(a[0]),
  coalesce: (a) => a.find(isTruthy) ?? null,
  ternary: (a) => (arity('ternary', a, 3), isTruthy(a[2]) ? a[0] : a[1]),
  fail: (a: unknown[]): never => {
    throw new Error(str(a[0]));
  },

  // ---- Sprig: math ----
  atoi: (a) => {
    const n = Number.parseInt(str(a[0]), 10);
    return Number.isNaN(n) ? 0 : n;
  },
  int: (a) => Math.trunc(num(a[0], 'int')),
  int64: (a) => Math.trunc(num(a[0], 'int64')),
  float64: (a) => num(a[0], 'float64'),
  add: (a) => a.reduce((s: number, x) => s + num(x, 'add'), 0),
  add1: (a) => num(a[0], 'add1') + 1,
  sub: (a) => num(a[0], 'sub') - num(a[1], 'sub'),
  mul: (a) => a.reduce((s: number, x) => s * num(x, 'mul'), 1),
  div: (a) => {
    const d = num(a[1], 'div');
    if (d === 0) throw new Error('integer divide by zero');
    return Math.trunc(num(a[0], 'div') / d);
  },
  mod: (a) => {
    const d = num(a[1], 'mod');
    if (d === 0) throw new Error('integer divide by zero');
    return num(a[0], 'mod') % d;
  },
  max: (a) => Math.max(...a.map((x) => num(x, 'max'))),
  min: (a) => Math.min(...a.map((x) => num(x, 'min'))),
  until: (a) => {
    const n = num(a[0], 'until');
    if (Math.abs(n) > 1_000_000) throw new Error('until: count too large');
    return Array.from({ length: Math.abs(n) }, (_v, i) => (n < 0 ? -i : i));
  },
  untilStep: (a) => {
    const [start, stop, step] = [num(a[0], 'untilStep'), num(a[1], 'untilStep'), num(a[2], 'untilStep')];
    if (step === 0 || Math.abs((stop - start) / step) > 1_000_000) return [];
    const out: number[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
    return out;
  },
  seq: (a) => {
    const nums = a.map((x) => num(x, 'seq'));
    const [start, step, end] =
      nums.length === 1
        ? [1, 1, nums[0]!]
        : nums.length === 2
          ? [nums[0]!, nums[0]! <= nums[1]! ? 1 : -1, nums[1]!]
          : [nums[0]!, nums[1]!, nums[2]!];
    if (step === 0 || Math.abs((end - start) / step) > 1_000_000) return '';
    const out: string[] = [];
    for (let i = start; step > 0 ? i <= end : i >= end; i += step) out.push(goFloat(i));
    return out.join(' ');
  },

  // ---- Sprig: lists ----
  list: (a) => [...a],
  first: (a) => list(a[0], 'first')[0] ?? null,
  last: (a) => list(a[0], 'last').at(-1) ?? null,
  rest: (a) => list(a[0], 'rest').slice(1),
  initial: (a) => list(a[0], 'initial').slice(0, -1),
  append: (a) => [...list(a[0], 'append'), a[1]],
  push: (a) => [...list(a[0], 'push'), a[1]],
  prepend: (a) => [a[1], ...list(a[0], 'prepend')],
  concat: (a) => a.flatMap((x) => list(x, 'concat')),
  reverse: (a) => [...list(a[0], 'reverse')].reverse(),
  uniq: (a) => {
    const out: unknown[] = [];
    for (const x of list(a[0], 'uniq')) if (!out.some((y) => JSON.stringify(y) === JSON.stringify(x))) out.push(x);
    return out;
  },
  compact: (a) => list(a[0], 'compact').filter(isTruthy),
  has: (a) => list(a[1], 'has').some((x) => JSON.stringify(x) === JSON.stringify(a[0])),
  sortAlpha: (a) => list(a[0], 'sortAlpha').map(str).sort(),
  without: (a) => list(a[0], 'without').filter((x) => !a.slice(1).some((y) => JSON.stringify(x) === JSON.stringify(y))),

  // ---- Sprig: dicts ----
  dict: (a) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < a.length; i += 2) out[str(a[i])] = a[i + 1] ?? '';
    return out;
  },
  get: (a) => (arity('get', a, 2), dict(a[0], 'get')[str(a[1])] ?? ''),
  set: (a) => {
    arity('set', a, 3);
    const m = dict(a[0], 'set');
    m[str(a[1])] = a[2];
    return m;
  },
  unset: (a) => {
    const m = dict(a[0], 'unset');
    delete m[str(a[1])];
    return m;
  },
  hasKey: (a) => (arity('hasKey', a, 2), Object.hasOwn(dict(a[0], 'hasKey'), str(a[1]))),
  keys: (a) => a.flatMap((m) => sortedKeys(dict(m, 'keys'))),
  values: (a) => {
    const m = dict(a[0], 'values');
    return sortedKeys(m).map((k) => m[k]);
  },
  pick: (a) => {
    const m = dict(a[0], 'pick');
    return Object.fromEntries(
      a
        .slice(1)
        .map(str)
        .filter((k) => Object.hasOwn(m, k))
        .map((k) => [k, m[k]]),
    );
  },
  omit: (a) => {
    const m = dict(a[0], 'omit');
    const drop = new Set(a.slice(1).map(str));
    return Object.fromEntries(Object.entries(m).filter(([k]) => !drop.has(k)));
  },
  merge: (a) => {
    const dst = dict(a[0], 'merge');
    for (const src of a.slice(1)) for (const [k, v] of Object.entries(dict(src, 'merge'))) if (!(k in dst)) dst[k] = v;
    return dst;
  },
};
