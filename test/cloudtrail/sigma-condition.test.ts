// The condition grammar, read the way Sigma reads it: `or` loosest, then `and`, then `not`, then
// `x of`, then parentheses; `them` leaves out helper selections named with a leading underscore.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConditionError, parseCondition } from '../../shared/cloudtrail/rules/sigma/condition.ts';
import type { ConditionNode } from '../../shared/cloudtrail/rules/sigma/index.ts';

const names = ['selection', 'selection_status_ok', 'selection_status_err', 'filter_main_a', 'filter_b', '_helper'];

/** A compact rendering of the tree, so precedence is visible in one line. */
function show(node: ConditionNode): string {
  switch (node.kind) {
    case 'ref':
      return node.name;
    case 'not':
      return `not(${show(node.item)})`;
    case 'and':
    case 'or':
      return `${node.kind}(${node.items.map(show).join(', ')})`;
    case 'of':
      return `${node.quantifier}[${node.names.join(' ')}]`;
  }
}
const parse = (text: string) => show(parseCondition(text, names));

describe('condition grammar', () => {
  test('or < and < not', () => {
    assert.equal(
      parse('selection or filter_b and not filter_main_a'),
      'or(selection, and(filter_b, not(filter_main_a)))',
    );
    assert.equal(parse('not selection and filter_b'), 'and(not(selection), filter_b)');
    assert.equal(parse('not not selection'), 'not(not(selection))');
  });

  test('parentheses group', () => {
    assert.equal(
      parse('(selection or filter_b) and not (filter_main_a or _helper)'),
      'and(or(selection, filter_b), not(or(filter_main_a, _helper)))',
    );
  });

  test('x of binds tighter than not and and', () => {
    assert.equal(
      parse('selection and not 1 of filter_* and all of selection_status_*'),
      'and(selection, not(one[filter_main_a filter_b]), all[selection_status_ok selection_status_err])',
    );
    assert.equal(parse('any of filter*'), 'one[filter_main_a filter_b]');
  });

  test('them means every selection except _helpers', () => {
    assert.equal(parse('1 of them'), 'one[selection selection_status_ok selection_status_err filter_main_a filter_b]');
    assert.equal(parse('all of _*'), 'all[_helper]', 'an explicit pattern may still name a helper');
  });

  test('keywords are case-insensitive; names are not', () => {
    assert.equal(parse('selection AND NOT filter_b'), 'and(selection, not(filter_b))');
    assert.throws(() => parseCondition('Selection', names), /not a selection/);
  });

  test('errors carry the column of the offending token', () => {
    const at = (text: string) => {
      try {
        parseCondition(text, names);
      } catch (error) {
        assert.ok(error instanceof ConditionError);
        return error.column;
      }
      assert.fail('expected a ConditionError');
    };
    assert.equal(at('selection and nope'), 15);
    assert.equal(at('selection and'), 14);
    assert.equal(at('selection filter_b'), 11);
    assert.equal(at('selection_*'), 1);
    assert.equal(at('selection | count() > 3'), 11);
    assert.equal(at(''), 1);
  });
});
