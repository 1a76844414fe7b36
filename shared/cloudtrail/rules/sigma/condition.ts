/**
 * The Sigma condition grammar (spec v2 "Condition"). Precedence, loosest first:
 * `or` < `and` < `not` < `x of` < `( … )`. Quantified references (`1 of selection_*`, `all of them`)
 * are expanded against the rule's selection names here, once, so evaluators never glob at run time.
 */
import type { ConditionNode } from './detection.ts';
import { compileLinearRegex, type LinearRegex } from './regex.ts';

/** A condition the parser cannot accept; `column` is 1-based within the condition text. */
export class ConditionError extends Error {
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.name = 'ConditionError';
    this.column = column;
  }
}

interface Token {
  text: string;
  lower: string;
  column: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|([()])|([A-Za-z0-9_*.\-]+)|(.)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const column = m.index + 1;
    const word = m[1] ?? m[2];
    if (word !== undefined) tokens.push({ text: word, lower: word.toLowerCase(), column });
    else if (m[3] !== undefined) {
      if (m[3] === '|') {
        throw new ConditionError(
          'aggregation expressions (`| count() …`) are Sigma v1 syntax and are not supported; use a correlation rule',
          column,
        );
      }
      throw new ConditionError(`unexpected character ${JSON.stringify(m[3])}`, column);
    }
  }
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', '(', ')']);

function globToRegExp(glob: string): LinearRegex {
  // Selection names come from the rule file: the same linear-time engine as every rule pattern.
  return compileLinearRegex(`^${glob.replace(/[.+?^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/**
 * Parses one condition string. `selectionNames` are the rule's selections in written order; every
 * reference must name one of them and every `x of pattern` must match at least one.
 */
export function parseCondition(text: string, selectionNames: readonly string[]): ConditionNode {
  const tokens = tokenize(text);
  let pos = 0;
  const endColumn = text.length + 1;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (message: string, token = peek()): never => {
    throw new ConditionError(message, token?.column ?? endColumn);
  };

  const parseOr = (): ConditionNode => {
    const items = [parseAnd()];
    while (peek()?.lower === 'or') {
      pos++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };
  const parseAnd = (): ConditionNode => {
    const items = [parseNot()];
    while (peek()?.lower === 'and') {
      pos++;
      items.push(parseNot());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  };
  const parseNot = (): ConditionNode => {
    if (peek()?.lower === 'not') {
      pos++;
      return { kind: 'not', item: parseNot() };
    }
    return parseOf();
  };
  const parseOf = (): ConditionNode => {
    const first = peek();
    const second = tokens[pos + 1];
    if (first && second?.lower === 'of') {
      if (first.lower !== '1' && first.lower !== 'any' && first.lower !== 'all') {
        fail(`\`${first.text} of\` is not Sigma: only \`1 of\` and \`all of\` are defined`, first);
      }
      pos += 2;
      const target = peek();
      if (!target || (KEYWORDS.has(target.lower) && target.lower !== 'them')) {
        fail('expected a selection name pattern or `them` after `of`', target);
      }
      pos++;
      const quantifier = first.lower === 'all' ? 'all' : 'one';
      let names: string[];
      if (target!.lower === 'them') {
        // Spec: `them` means every selection except those whose name starts with an underscore.
        names = selectionNames.filter((n) => !n.startsWith('_'));
      } else {
        const re = globToRegExp(target!.text);
        names = selectionNames.filter((n) => re.test(n));
      }
      if (names.length === 0) fail(`\`${target!.text}\` matches no selection of this rule`, target);
      return { kind: 'of', quantifier, pattern: target!.text, names };
    }
    return parsePrimary();
  };
  const parsePrimary = (): ConditionNode => {
    const token = peek();
    if (!token) return fail('the condition ends where a selection name was expected');
    if (token.text === '(') {
      pos++;
      const inner = parseOr();
      if (peek()?.text !== ')') fail('missing `)`');
      pos++;
      return inner;
    }
    if (KEYWORDS.has(token.lower)) fail(`unexpected \`${token.text}\``, token);
    if (token.text.includes('*')) fail(`wildcards need \`1 of\` or \`all of\`: \`${token.text}\``, token);
    if (!selectionNames.includes(token.text)) fail(`\`${token.text}\` is not a selection of this rule`, token);
    pos++;
    return { kind: 'ref', name: token.text };
  };

  if (tokens.length === 0) throw new ConditionError('the condition is empty', 1);
  const tree = parseOr();
  if (pos < tokens.length) fail(`unexpected \`${peek()!.text}\``);
  return tree;
}
