/**
 * Sigma strings: `*` matches any run of characters, `?` exactly one, and a backslash escapes `*`, `?`
 * and itself. A backslash before any other character is kept as written, so Windows paths such as
 * `C:\Windows\x.exe` need no doubling (Sigma spec v2 "Wildcards"; pySigma `SigmaString`).
 */
import type { PatternPart, StringPattern } from './detection.ts';

const SPECIAL = new Set(['*', '?', '\\']);

/** Parses a value as written in a rule into literal text and wildcards. */
export function parseSigmaString(raw: string): StringPattern {
  const parts: PatternPart[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\') {
      const next = raw[i + 1];
      if (next !== undefined && SPECIAL.has(next)) {
        text += next;
        i++;
      } else {
        text += ch;
      }
    } else if (ch === '*' || ch === '?') {
      flush();
      parts.push(ch === '*' ? { kind: 'any' } : { kind: 'one' });
    } else {
      text += ch;
    }
  }
  flush();
  return { parts: mergeAny(parts) };
}

/** Literal text with no wildcard meaning (numbers, booleans, base64 output). */
export function literalPattern(text: string): StringPattern {
  return { parts: text ? [{ kind: 'text', text }] : [] };
}

/** Adds a leading and/or trailing `*` (what `contains`, `startswith` and `endswith` mean). */
export function surround(pattern: StringPattern, before: boolean, after: boolean): StringPattern {
  const parts: PatternPart[] = [...pattern.parts];
  if (before) parts.unshift({ kind: 'any' });
  if (after) parts.push({ kind: 'any' });
  return { parts: mergeAny(parts) };
}

// Consecutive `*` mean the same as one; merging keeps the regex linear and the LIKE pattern short.
function mergeAny(parts: PatternPart[]): PatternPart[] {
  const out: PatternPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.kind === 'any' && last?.kind === 'any') continue;
    if (part.kind === 'text' && last?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', text: last.text + part.text };
      continue;
    }
    out.push(part);
  }
  return out;
}

/** The pattern written back in Sigma syntax, for explanations. */
export function patternToSigma(pattern: StringPattern): string {
  return pattern.parts
    .map((p) => (p.kind === 'any' ? '*' : p.kind === 'one' ? '?' : p.text.replace(/[*?\\]/g, '\\$&')))
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An anchored RegExp source for the pattern (`*` → `[\s\S]*`, `?` → `[\s\S]`). */
export function patternToRegExpSource(pattern: StringPattern): string {
  const body = pattern.parts
    .map((p) => (p.kind === 'any' ? '[\\s\\S]*' : p.kind === 'one' ? '[\\s\\S]' : escapeRegExp(p.text)))
    .join('');
  return `^${body}$`;
}

/** The shape of a pattern, so the evaluator can use `===`, `startsWith` … instead of a RegExp. */
export type PatternShape =
  | { kind: 'equals'; text: string }
  | { kind: 'startswith'; text: string }
  | { kind: 'endswith'; text: string }
  | { kind: 'contains'; text: string }
  | { kind: 'anything' }
  | { kind: 'regexp' };

export function patternShape(pattern: StringPattern): PatternShape {
  const p = pattern.parts;
  if (p.length === 0) return { kind: 'equals', text: '' };
  if (p.length === 1) {
    const only = p[0]!;
    if (only.kind === 'text') return { kind: 'equals', text: only.text };
    if (only.kind === 'any') return { kind: 'anything' };
    return { kind: 'regexp' };
  }
  const [first, second, third] = p;
  if (p.length === 2 && first!.kind === 'text' && second!.kind === 'any')
    return { kind: 'startswith', text: first!.text };
  if (p.length === 2 && first!.kind === 'any' && second!.kind === 'text')
    return { kind: 'endswith', text: second!.text };
  if (p.length === 3 && first!.kind === 'any' && second!.kind === 'text' && third!.kind === 'any') {
    return { kind: 'contains', text: second!.text };
  }
  return { kind: 'regexp' };
}

/** The literal runs of a pattern, in order (every match contains them in this order). */
export function literalRuns(pattern: StringPattern): string[] {
  return pattern.parts.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
}
