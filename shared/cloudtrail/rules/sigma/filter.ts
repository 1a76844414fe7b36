/**
 * Sigma filter documents (filters specification v2.1, "Global filter"): a filter names rules by
 * `id` or `name` and holds selections and a condition; a record the filter's condition matches is
 * no match of those rules. Applied here to the rule's tree — `condition` becomes
 * `(original) and not (filter)` over renamed selections — so the in-process evaluator and the SQL
 * compiler both see the tuned rule, and nothing else needs to know filters exist.
 */
import type { ConditionNode, SigmaFilter, SigmaRule } from './detection.ts';

/** `rule` with `filter` applied; `n` keeps the selection names of several filters apart. */
export function applyFilter(rule: SigmaRule, filter: SigmaFilter, n: number): SigmaRule {
  // Rule selection names are YAML keys; a space cannot start one, so these cannot collide.
  const prefix = ` filter${n}:`;
  const renamed = (name: string) => `${prefix}${name}`;
  const selections = { ...rule.detection.selections };
  for (const [name, selection] of Object.entries(filter.detection.selections)) {
    selections[renamed(name)] = { ...selection, name: renamed(name) };
  }
  return {
    ...rule,
    detection: {
      selections,
      condition: {
        kind: 'and',
        items: [rule.detection.condition, { kind: 'not', item: rename(filter.detection.condition, renamed) }],
      },
      conditionText: [
        `(${rule.detection.conditionText.join(') or (')}) and not (${filter.detection.conditionText.join(') or (')})`,
      ],
    },
  };
}

function rename(node: ConditionNode, renamed: (name: string) => string): ConditionNode {
  switch (node.kind) {
    case 'ref':
      return { kind: 'ref', name: renamed(node.name) };
    case 'and':
    case 'or':
      return { kind: node.kind, items: node.items.map((i) => rename(i, renamed)) };
    case 'not':
      return { kind: 'not', item: rename(node.item, renamed) };
    case 'of':
      return { ...node, names: node.names.map(renamed) };
  }
}

/** Whether a filter's log source can apply to a rule's (fields it leaves out match anything). */
export function sameLogsource(filter: SigmaFilter, rule: SigmaRule): boolean {
  const keys = ['product', 'service', 'category'] as const;
  return keys.every(
    (k) => filter.logsource[k] === undefined || filter.logsource[k]?.toLowerCase() === rule.logsource[k]?.toLowerCase(),
  );
}
