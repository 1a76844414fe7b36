/**
 * Every regular expression a rule author writes (`|re`, and the wildcards `*` `?` that do not reduce
 * to a plain comparison) runs on re2js, a JavaScript port of RE2: matching takes time linear in the
 * input whatever the pattern, so `^(a|a)+$` against 100k characters of attacker-controlled log text
 * is milliseconds, not the exponential backtracking of JavaScript's RegExp.
 *
 * Sigma modifiers appendix v2.1, "Regular Expression": the flavour is PCRE's common core (`.`, `^`,
 * `$`, `* + ? {n,m}`, classes, groups, `|`), which RE2 accepts; lookaround and atomic groups are
 * named unsupported there, and RE2 refuses them too, so such a rule is a problem of its own, never a
 * silent mismatch. Sub-modifiers `|i`, `|m`, `|s` map to RE2's CASE_INSENSITIVE, MULTILINE, DOTALL.
 */
import { RE2JS } from 're2js';

export interface LinearRegex {
  test(text: string): boolean;
}

/** Sigma's `re` sub-modifiers. */
export type RegexFlag = 'i' | 'm' | 's';

export class RegexSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexSyntaxError';
  }
}

/** Compiles `source` with Sigma flags; throws RegexSyntaxError with RE2's reason when it cannot. */
export function compileLinearRegex(source: string, flags: string = ''): LinearRegex {
  let bits = 0;
  for (const f of flags) {
    if (f === 'i') bits |= RE2JS.CASE_INSENSITIVE;
    else if (f === 'm') bits |= RE2JS.MULTILINE;
    else if (f === 's') bits |= RE2JS.DOTALL;
    else throw new RegexSyntaxError(`unknown regular expression flag ${JSON.stringify(f)}`);
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, bits);
  } catch (error) {
    throw new RegexSyntaxError((error as Error).message.replace(/^error parsing regexp: /, ''));
  }
  return { test: (text: string) => re.test(text) };
}
