/**
 * The typed tree a Sigma rule is parsed into, once. The in-process evaluator (evaluate.ts) and the
 * SQL compiler (sql.ts) both read this tree and nothing else, so they cannot disagree about what a
 * rule says (pySigma's design: rule as data, backends as readers).
 */

export type SigmaLevel = 'informational' | 'low' | 'medium' | 'high' | 'critical';

/** Where a part of a rule was written, for problems and for "why did this fire". */
export interface RuleSpan {
  line: number;
  column: number;
}

/** One piece of a Sigma string: literal text, or the `*` / `?` wildcards (escapes already resolved). */
export type PatternPart = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' };

/**
 * A Sigma string value after `contains`/`startswith`/`endswith`/`base64*`/`windash` have been applied:
 * those modifiers only add wildcards or rewrite the text, so one pattern type covers them all.
 */
export interface StringPattern {
  parts: PatternPart[];
}

/** What a single value in a selection asks of a field's value. */
export type ValueTest =
  /** Sigma `null`: the field is missing or null. */
  | { kind: 'null' }
  /** Wildcard string match; scalars and objects are compared as their string / JSON text. */
  | { kind: 'string'; pattern: StringPattern; cased: boolean }
  /** Any of several patterns (windash, base64offset produce variants of one written value). */
  | { kind: 'variants'; patterns: StringPattern[]; cased: boolean }
  /** `|re`: JavaScript RegExp source and flags (already checked to compile). */
  | { kind: 're'; source: string; flags: string }
  /** `|cidr`: an IPv4 or IPv6 network. */
  | { kind: 'cidr'; network: string; prefix: number; family: 4 | 6 }
  /** `|exists`: the field is (true) or is not (false) present with a non-null value. */
  | { kind: 'exists'; exists: boolean }
  /** `|fieldref`: the field's value equals (or starts/ends with, contains) another field's value. */
  | {
      kind: 'fieldref';
      field: string;
      path: string[];
      position: 'equals' | 'startswith' | 'endswith' | 'contains';
      cased: boolean;
    }
  /** `|gt` `|gte` `|lt` `|lte`: numeric comparison. */
  | { kind: 'compare'; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  /** `|neq`: the field has a value and it is not equal to this one. */
  | { kind: 'neq'; pattern: StringPattern; cased: boolean };

/** `field|modifiers: values` — one entry of a selection map. */
export interface FieldTest {
  /** The field as written, e.g. `userIdentity.sessionContext.sessionIssuer.type`. */
  field: string;
  /** The dotted path split into segments. */
  path: string[];
  /** Modifiers as written, e.g. `['contains', 'all']`, kept for explanations. */
  modifiers: string[];
  /** `any`: one value must match (Sigma's list = OR); `all`: every value (`|all`). */
  combine: 'any' | 'all';
  values: ValueTest[];
  span: RuleSpan;
}

/** A named selection: OR over maps, each map an AND of field tests. */
export interface Selection {
  name: string;
  anyOf: FieldTest[][];
  span: RuleSpan;
}

export type ConditionNode =
  | { kind: 'ref'; name: string }
  | { kind: 'and'; items: ConditionNode[] }
  | { kind: 'or'; items: ConditionNode[] }
  | { kind: 'not'; item: ConditionNode }
  /** `1 of x*` / `all of them`: `names` is the expansion, resolved when the rule is parsed. */
  | { kind: 'of'; quantifier: 'one' | 'all'; pattern: string; names: string[] };

export interface Detection {
  selections: Record<string, Selection>;
  /** The whole condition (a YAML list of conditions is OR-ed into one tree). */
  condition: ConditionNode;
  /** The condition text(s) as written. */
  conditionText: string[];
}

/**
 * A Sigma rule as telltale keeps it. `author`, `id` and the references must reach every finding the
 * rule produces: the Detection Rule License 1.1 requires the author to be named on its matches.
 */
export interface SigmaRule extends RuleMeta {
  logsource: { product?: string; service?: string; category?: string; definition?: string };
  /** `fields:` hints (fields worth showing with a match). */
  fields: string[];
  detection: Detection;
}

/** Why a rule (or a document in a rule file) was not loaded. One rule's problem never hides another rule. */
export interface RuleProblem {
  file: string;
  line?: number;
  column?: number;
  /** The rule's title (or id) when it got far enough to have one. */
  rule?: string;
  message: string;
}

/** Sigma correlation types (correlation rules specification v2, "Correlation Types"). */
export type CorrelationType = 'event_count' | 'value_count' | 'temporal' | 'temporal_ordered';

/**
 * `condition:` of a correlation: one or more bounds on a count, AND-ed ("To define a range, you can
 * use the conjunction 'AND' in the mapping"). `neq` is accepted as in the modifiers of v2.1.
 */
export interface CountCondition {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
  neq?: number;
}

/** Rule metadata shared by detection and correlation rules. */
export interface RuleMeta {
  title: string;
  id?: string;
  /** Sigma's `name`: a human-readable handle that correlations and filters may refer to. */
  name?: string;
  status?: string;
  description?: string;
  author?: string;
  date?: string;
  modified?: string;
  references: string[];
  tags: string[];
  level?: SigmaLevel;
  falsepositives: string[];
  source: { file: string; line: number };
  custom: Record<string, unknown>;
}

/** A Sigma correlation rule (meta-rule over the events other rules match). */
export interface SigmaCorrelation extends RuleMeta {
  type: CorrelationType;
  /** The referred rules by `id` or `name`, as written. */
  rules: string[];
  groupBy: string[];
  timespan: { text: string; ms: number };
  /** Absent for temporal types: then every referred rule must match. */
  condition?: CountCondition;
  /** value_count: the field whose distinct values are counted. */
  field?: string;
  /** `aliases: {alias: {ruleName: field}}` for group-by across rules with different field names. */
  aliases: Record<string, Record<string, string>>;
  /** `generate: true`: the referred rules also report their own matches (default false). */
  generate: boolean;
}

/** A Sigma filter document (filters specification v2.1): excludes matches from the named rules. */
export interface SigmaFilter {
  title: string;
  id?: string;
  description?: string;
  logsource: { product?: string; service?: string; category?: string; definition?: string };
  /** The rules the filter attaches to, by `id` or `name` (or title), as written. */
  rules: string[];
  detection: Detection;
  source: { file: string; line: number };
}
