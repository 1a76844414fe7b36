/**
 * Goss `matching`: applies `matches` to the literal `content`, for values rendered from variables.
 * With `as-reader: true` the content is read as text, the way file contents are (resource/matching.go):
 * a list of matches is then a list of line patterns.
 */
import { evaluatePatterns, show, toStr } from '../matchers.ts';
import type { Observe } from './types.ts';

export const observeMatching: Observe = async (control) => {
  const a = control.attributes;
  if (a['as-reader'] === true) {
    const text = toStr(a.content);
    if (Array.isArray(a.matches)) {
      const p = evaluatePatterns(a.matches, text);
      return Promise.resolve({
        values: {},
        judged: {
          matches: {
            pass: p.pass,
            expected: p.pass ? p.expected : `patterns ${show(p.missing)}`,
            actual: p.error ?? text,
          },
        },
      });
    }
    return Promise.resolve({ values: { matches: text } });
  }
  return Promise.resolve({ values: { matches: a.content } });
};
