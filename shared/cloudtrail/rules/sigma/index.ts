/**
 * Sigma rules for CloudTrail: parse once into a typed tree (parse.ts → detection.ts), then either
 * evaluate in-process (evaluate.ts) or compile to Athena/Trino SQL (sql.ts). Both read the same tree.
 *
 *   const { rules, problems } = parseSigmaRules(yamlText, 'rules/my.yml');
 *   const match = compileRule(rules[0], { virtualFields: { 'tt.openToWorld': (e) => openToWorld(e) } });
 *   if (match(record)) report(match.rule.author, match.rule.id, match.matchedSelections(record));
 *   const matchAll = compileRuleSet(rules, options); for (const record of records) for (const hit of matchAll(record)) …
 *   const { sql, exact } = compileRuleToSql(rules[0], { table: 'default.cloudtrail_logs', window, partition });
 */
import { InputError } from '../../../util/errors.ts';
import type { RuleProblem, SigmaRule } from './detection.ts';

export type {
  ConditionNode,
  CorrelationType,
  CountCondition,
  Detection,
  FieldTest,
  PatternPart,
  RuleProblem,
  RuleMeta,
  RuleSpan,
  Selection,
  SigmaCorrelation,
  SigmaFilter,
  SigmaLevel,
  SigmaRule,
  StringPattern,
  ValueTest,
} from './detection.ts';
export { parseSigmaRules } from './parse.ts';
export type { ParseResult } from './parse.ts';
export { compileRule, compileRuleSet } from './evaluate.ts';
export type { CompileOptions, CompiledRule, CompiledRuleSet, SigmaEvent, VirtualFields } from './evaluate.ts';
export { compileRuleSetToSql, compileRuleToSql } from './sql.ts';
export type { CompiledSql, SqlDialect, SqlOptions } from './sql.ts';
export { KEYWORD_FIELD, REGEX_MAX_LENGTH } from './modifiers.ts';
export { compileLinearRegex } from './regex.ts';
export type { LinearRegex } from './regex.ts';

/** True for rules written for CloudTrail (`logsource: product: aws, service: cloudtrail`). */
export function isCloudTrailRule(rule: SigmaRule): boolean {
  return rule.logsource.product?.toLowerCase() === 'aws' && rule.logsource.service?.toLowerCase() === 'cloudtrail';
}

/** The rule's page in SigmaHQ's rule browser or its first reference, for "see also" links. */
export function ruleLink(rule: { references: readonly string[] }): string | undefined {
  return rule.references.find((r) => /^https?:\/\//.test(r));
}

/** A RuleProblem as an InputError, for callers that refuse to run with any rule left out. */
export function ruleProblemError(problem: RuleProblem): InputError {
  return new InputError(problem.rule ? `rule "${problem.rule}": ${problem.message}` : problem.message, {
    location: {
      file: problem.file,
      ...(problem.line !== undefined ? { line: problem.line } : {}),
      ...(problem.column !== undefined ? { column: problem.column } : {}),
    },
    hint: 'fix the rule, or remove it from the rule directory; telltale never runs part of a rule',
  });
}
