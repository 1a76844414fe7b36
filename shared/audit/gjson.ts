/**
 * The part of gjson's path syntax (gjson.dev, tidwall/gjson SYNTAX.md) that Goss's `gjson` matcher
 * users write: `a.b.c`, `\.` to escape a dot, `*` and `?` wildcards in a key, a number to index an
 * array, `#` for an array's length, `list.#.field` to collect a field of every element, and the
 * modifiers `@this`, `@keys`, `@values`, `@reverse`. Anything else (queries `#(…)`, `|` pipes, other
 * modifiers) is refused with a message rather than answered differently. Pure.
 */

import { RE2JS } from 're2js';

export type GjsonResult = { ok: true; value: unknown } | { ok: false; error: string };

export function gjsonGet(text: string, path: string): GjsonResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the value is not valid JSON' };
  }
  const parts = splitPath(path);
  if (typeof parts === 'string') return { ok: false, error: parts };
  const found = walk(doc, parts);
  return found === undefined ? { ok: false, error: `path not found: ${path}` } : found;
}

function splitPath(path: string): string[] | string {
  if (/[|]|#\(/.test(path)) return `gjson path '${path}': queries and pipes are not supported by telltale`;
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '\\' && i + 1 < path.length) cur += path[++i]!;
    else if (c === '.') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function walk(value: unknown, parts: string[]): GjsonResult | undefined {
  if (parts.length === 0) return { ok: true, value };
  const [head, ...rest] = parts as [string, ...string[]];
  if (head.startsWith('@')) {
    const mod = modifier(head, value);
    return typeof mod === 'string' ? { ok: false, error: mod } : walk(mod.value, rest);
  }
  if (Array.isArray(value)) {
    if (head === '#') {
      if (rest.length === 0) return { ok: true, value: value.length };
      const collected: unknown[] = [];
      for (const el of value) {
        const r = walk(el, rest);
        if (r?.ok) collected.push(r.value);
      }
      return { ok: true, value: collected };
    }
    if (/^\d+$/.test(head)) {
      const i = Number(head);
      return i < value.length ? walk(value[i], rest) : undefined;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (/[*?]/.test(head)) {
      // Keys come from the data; RE2 keeps the wildcard match linear.
      const re = RE2JS.compile(
        `^${head
          .split('')
          .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : RE2JS.quote(c)))
          .join('')}$`,
        RE2JS.DOTALL,
      );
      const key = Object.keys(obj).find((k) => re.test(k));
      return key === undefined ? undefined : walk(obj[key], rest);
    }
    return Object.hasOwn(obj, head) ? walk(obj[head], rest) : undefined;
  }
  return undefined;
}

function modifier(name: string, value: unknown): { value: unknown } | string {
  switch (name) {
    case '@this':
      return { value };
    case '@keys':
      return value && typeof value === 'object' && !Array.isArray(value)
        ? { value: Object.keys(value) }
        : { value: [] };
    case '@values':
      return value && typeof value === 'object' && !Array.isArray(value)
        ? { value: Object.values(value) }
        : { value: [] };
    case '@reverse':
      return Array.isArray(value) ? { value: [...(value as unknown[])].reverse() } : { value };
    default:
      return `gjson modifier '${name}' is not supported by telltale (only @this, @keys, @values, @reverse)`;
  }
}
