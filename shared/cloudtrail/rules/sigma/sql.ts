/**
 * Compiles a parsed Sigma rule to a SQL WHERE clause over the AWS-documented CloudTrail Athena table
 * (Trino), or the same shape in DuckDB for tests. It reads the same tree as evaluate.ts.
 *
 * Every sub-expression is compiled to two predicates: `upper`, true for every event the rule could
 * match (a superset), and `lower`, true only for events the rule certainly matches (a subset). Where
 * SQL can say exactly what Sigma means the two are the same text. `not` swaps them, so a prefilter
 * stays a superset however deep the negation. The query selects with `upper`; `exact` is true when
 * `upper` and `lower` coincide for the whole rule, and otherwise `inexact` says which parts are
 * approximate, so the caller re-checks the candidates with the in-process evaluator.
 *
 * Every leaf is wrapped so it is never SQL NULL: Sigma has no three-valued logic, and `NOT NULL`
 * would silently drop rows from `selection and not filter`.
 *
 * Correlation rules are judged in process (rules/correlation.ts), not compiled here: their referred
 * rules are ordinary detection rules of the rule set (RuleSet.detections, filters applied), so a
 * prefilter over the rule set returns every row a correlation needs.
 */
import { InputError } from '../../../util/errors.ts';
import type { ConditionNode, FieldTest, SigmaRule, StringPattern, ValueTest } from './detection.ts';
import { literalRuns, patternShape } from './wildcard.ts';
import { KEYWORD_FIELD } from './modifiers.ts';

export type SqlDialect = 'trino' | 'duckdb';

export interface SqlOptions {
  /** Table name, optionally `database.table`. */
  table: string;
  dialect?: SqlDialect;
  /** Event-time window, start inclusive, end exclusive (compared with `eventtime`). */
  window?: { start: Date | string; end: Date | string };
  /**
   * Date partition (partition projection) to prune on, e.g. `{ column: 'timestamp', format: 'yyyy/MM/dd' }`
   * for the AWS-documented table, or `{ column: 'dt', format: 'yyyy-MM-dd' }`. Needs `window`.
   */
  partition?: { column: string; format: 'yyyy/MM/dd' | 'yyyy-MM-dd' };
  /**
   * Other partition columns to prune on, e.g. `{ region: ['us-east-1', 'eu-west-1'], account: ['111122223333'] }`
   * for an organization trail table projected on region and account.
   */
  partitionValues?: Record<string, readonly string[]>;
  /** Columns to select; default `*`. */
  columns?: string[];
}

export interface CompiledSql {
  /** The whole query. */
  sql: string;
  /** The rule's predicate alone (a superset of the matches). */
  where: string;
  /** True when the SQL returns exactly the events the in-process evaluator matches. */
  exact: boolean;
  /** Why not exact, one line per approximate part, e.g. "`requestParameters.x`: JSON column …". */
  inexact: string[];
}

interface Bounds {
  upper: string;
  lower: string;
}

const TRUE = 'TRUE';
const FALSE = 'FALSE';

// The AWS-documented CloudTrail table (docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html),
// keyed by the field names a Sigma rule uses (the JSON record's spelling; case matters, as in-process).
const STRING_COLUMNS = new Set([
  'eventVersion',
  'eventTime',
  'eventSource',
  'eventName',
  'awsRegion',
  'sourceIPAddress',
  'userAgent',
  'errorCode',
  'errorMessage',
  'requestID',
  'eventID',
  'eventType',
  'apiVersion',
  'readOnly',
  'recipientAccountId',
  'sharedEventID',
  'vpcEndpointId',
  'vpcEndpointAccountId',
  'eventCategory',
  'sessionCredentialFromConsole',
]);
const JSON_COLUMNS = new Set([
  'requestParameters',
  'responseElements',
  'additionalEventData',
  'serviceEventDetails',
  'edgeDeviceDetails',
]);
type StructShape = { [key: string]: StructShape | true };
const STRUCTS: Record<string, StructShape> = {
  userIdentity: {
    type: true,
    principalId: true,
    arn: true,
    accountId: true,
    invokedBy: true,
    accessKeyId: true,
    userName: true,
    onBehalfOf: { userId: true, identityStoreArn: true },
    sessionContext: {
      attributes: { mfaAuthenticated: true, creationDate: true },
      sessionIssuer: { type: true, principalId: true, arn: true, accountId: true, userName: true },
      ec2RoleDelivery: true,
      sourceIdentity: true,
    },
  },
  tlsDetails: { tlsVersion: true, cipherSuite: true, clientProvidedHostHeader: true },
};
const RESOURCE_FIELDS: Record<string, string> = { ARN: 'arn', accountId: 'accountid', type: 'type' };

type FieldPlace =
  | { kind: 'column'; expr: string }
  | { kind: 'json'; column: string; path: string[] }
  | { kind: 'jsontext'; column: string }
  | { kind: 'resources'; member: string }
  | { kind: 'unknown'; why: string };

function placeOf(path: string[]): FieldPlace {
  const [head = '', ...rest] = path;
  // Rules specification v2, "Lists": a keyword is searched in every value of the event.
  if (path.length === 1 && head === KEYWORD_FIELD)
    return { kind: 'unknown', why: 'a keyword search over the whole event' };
  if (STRING_COLUMNS.has(head)) {
    return rest.length
      ? { kind: 'unknown', why: 'a sub-field of a string column' }
      : { kind: 'column', expr: head.toLowerCase() };
  }
  if (JSON_COLUMNS.has(head)) {
    if (rest.length === 0) return { kind: 'jsontext', column: head.toLowerCase() };
    if (!rest.every((s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s))) {
      return { kind: 'unknown', why: 'a JSON key that JSONPath cannot name plainly' };
    }
    return { kind: 'json', column: head.toLowerCase(), path: rest };
  }
  const struct = STRUCTS[head];
  if (struct) {
    let shape: StructShape | true = struct;
    for (const seg of rest) {
      if (shape === true || !Object.hasOwn(shape, seg))
        return { kind: 'unknown', why: 'not a column of the CloudTrail table' };
      shape = shape[seg]!;
    }
    if (shape !== true) return { kind: 'unknown', why: 'a whole struct, compared as JSON text in-process' };
    return { kind: 'column', expr: [head, ...rest].map((s) => s.toLowerCase()).join('.') };
  }
  if (head === 'resources' && rest.length === 1 && RESOURCE_FIELDS[rest[0]!]) {
    return { kind: 'resources', member: RESOURCE_FIELDS[rest[0]!]! };
  }
  return { kind: 'unknown', why: 'not a column of the CloudTrail table (virtual or unlisted field)' };
}

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function likePattern(pattern: StringPattern, lower: boolean): string {
  const body = pattern.parts
    .map((p) => {
      if (p.kind === 'any') return '%';
      if (p.kind === 'one') return '_';
      const text = lower ? p.text.toLowerCase() : p.text;
      return text.replace(/[\\%_]/g, '\\$&');
    })
    .join('');
  return sqlString(body);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function tableName(table: string): string {
  const parts = table.split('.');
  if (!table || parts.some((p) => p === '')) {
    throw new InputError(`${JSON.stringify(table)} is not a table name`, {
      location: { field: 'table' },
      hint: 'write database.table, e.g. default.cloudtrail_logs',
    });
  }
  return parts.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? p : quoteIdent(p))).join('.');
}

const and = (items: string[]): string => {
  if (items.includes(FALSE)) return FALSE;
  const kept = items.filter((i) => i !== TRUE);
  if (kept.length === 0) return TRUE;
  return kept.length === 1 ? kept[0]! : `(${kept.join(' AND ')})`;
};
const or = (items: string[]): string => {
  if (items.includes(TRUE)) return TRUE;
  const kept = items.filter((i) => i !== FALSE);
  if (kept.length === 0) return FALSE;
  return kept.length === 1 ? kept[0]! : `(${kept.join(' OR ')})`;
};
const not = (item: string): string => (item === TRUE ? FALSE : item === FALSE ? TRUE : `(NOT ${item})`);
const nn = (predicate: string): string => `COALESCE(${predicate}, FALSE)`;
const exact = (predicate: string): Bounds => ({ upper: predicate, lower: predicate });

class Compiler {
  readonly inexact: string[] = [];
  readonly dialect: SqlDialect;
  constructor(dialect: SqlDialect) {
    this.dialect = dialect;
  }

  approximate(field: string, why: string): void {
    const line = `\`${field}\`: ${why}`;
    if (!this.inexact.includes(line)) this.inexact.push(line);
  }

  jsonScalar(column: string, path: string[]): string {
    const jp = sqlString(`$.${path.join('.')}`);
    if (this.dialect === 'trino') return `json_extract_scalar(${column}, ${jp})`;
    // DuckDB renders objects and arrays as JSON text; Trino gives NULL. Match Trino.
    return `(CASE WHEN json_type(${column}, ${jp}) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(${column}, ${jp}) END)`;
  }

  anyResource(member: string, predicate: (x: string) => string): string {
    const body = predicate(`r.${member}`);
    if (this.dialect === 'trino') return `any_match(resources, r -> ${body})`;
    return `(len(list_filter(resources, r -> ${body})) > 0)`;
  }

  condition(node: ConditionNode, rule: SigmaRule): Bounds {
    switch (node.kind) {
      case 'ref':
        return this.selection(rule, node.name);
      case 'and':
      case 'or': {
        const parts = node.items.map((n) => this.condition(n, rule));
        const join = node.kind === 'and' ? and : or;
        return { upper: join(parts.map((p) => p.upper)), lower: join(parts.map((p) => p.lower)) };
      }
      case 'not': {
        const inner = this.condition(node.item, rule);
        return { upper: not(inner.lower), lower: not(inner.upper) };
      }
      case 'of': {
        const parts = node.names.map((n) => this.selection(rule, n));
        const join = node.quantifier === 'all' ? and : or;
        return { upper: join(parts.map((p) => p.upper)), lower: join(parts.map((p) => p.lower)) };
      }
    }
  }

  selection(rule: SigmaRule, name: string): Bounds {
    const selection = rule.detection.selections[name];
    if (!selection) throw new Error(`unknown selection ${name}`);
    const groups = selection.anyOf.map((tests) => {
      const parts = tests.map((t) => this.fieldTest(t));
      return { upper: and(parts.map((p) => p.upper)), lower: and(parts.map((p) => p.lower)) };
    });
    return { upper: or(groups.map((g) => g.upper)), lower: or(groups.map((g) => g.lower)) };
  }

  fieldTest(test: FieldTest): Bounds {
    const place = placeOf(test.path);
    let values = test.values;
    const parts: Bounds[] = [];
    if (place.kind === 'column' && test.combine === 'any') {
      // `eventName: [A, B, C]` reads best, and plans best, as one IN list.
      for (const cased of [false, true]) {
        const texts = values.flatMap((v) => {
          if (v.kind !== 'string' || v.cased !== cased) return [];
          const shape = patternShape(v.pattern);
          return shape.kind === 'equals' ? [cased ? shape.text : shape.text.toLowerCase()] : [];
        });
        if (texts.length < 2) continue;
        const subject = cased ? place.expr : `lower(${place.expr})`;
        parts.push(exact(nn(`${subject} IN (${texts.map(sqlString).join(', ')})`)));
        values = values.filter(
          (v) => !(v.kind === 'string' && v.cased === cased && patternShape(v.pattern).kind === 'equals'),
        );
      }
    }
    parts.push(...values.map((v) => this.valueTest(test.field, place, v)));
    const join = test.combine === 'all' ? and : or;
    return { upper: join(parts.map((p) => p.upper)), lower: join(parts.map((p) => p.lower)) };
  }

  /** A string/wildcard match on a scalar SQL expression (NULL-safe). */
  textPredicate(x: string, pattern: StringPattern, cased: boolean): string {
    const shape = patternShape(pattern);
    if (shape.kind === 'anything') return `(${x} IS NOT NULL)`;
    const subject = cased ? x : `lower(${x})`;
    if (shape.kind === 'equals') return nn(`${subject} = ${sqlString(cased ? shape.text : shape.text.toLowerCase())}`);
    return nn(`${subject} LIKE ${likePattern(pattern, !cased)} ESCAPE '\\'`);
  }

  /** What every match must contain in a column's raw JSON text: the literal runs JSON leaves unescaped. */
  textHint(column: string, patterns: StringPattern[], cased: boolean): string {
    const hints = patterns.map((pattern) => {
      const runs = literalRuns(pattern).flatMap((run) => run.split(/[^\x20-\x7e]|["\\/<>&']/).filter(Boolean));
      if (runs.length === 0) return `(${column} IS NOT NULL)`;
      const like = runs.map((r) => (cased ? r : r.toLowerCase()).replace(/[\\%_]/g, '\\$&')).join('%');
      return nn(`${cased ? column : `lower(${column})`} LIKE ${sqlString(`%${like}%`)} ESCAPE '\\'`);
    });
    return or(hints);
  }

  valueTest(field: string, place: FieldPlace, test: ValueTest): Bounds {
    if (place.kind === 'unknown') {
      this.approximate(field, `${place.why}; matched in-process only`);
      return { upper: TRUE, lower: FALSE };
    }
    if (test.kind === 're') {
      this.approximate(field, '`|re` runs on RE2 in process; SQL regex engines (Joni, DuckDB RE2) differ in details');
      return { upper: TRUE, lower: FALSE };
    }
    if (test.kind === 'fieldref') return this.fieldref(field, place, test);
    if (place.kind === 'column') return this.onScalar(field, place.expr, test, true);
    if (place.kind === 'resources') {
      if (test.kind === 'string' || test.kind === 'variants') {
        const patterns = test.kind === 'string' ? [test.pattern] : test.patterns;
        return exact(
          this.anyResource(place.member, (x) => or(patterns.map((p) => this.textPredicate(x, p, test.cased)))),
        );
      }
      this.approximate(field, `\`${test.kind}\` on an array of structs is matched in-process only`);
      return { upper: TRUE, lower: FALSE };
    }
    if (place.kind === 'jsontext') {
      this.approximate(field, 'a whole JSON column is compared as its JSON text, whose spelling SQL may not share');
      if (test.kind === 'string' || test.kind === 'variants') {
        const patterns = test.kind === 'string' ? [test.pattern] : test.patterns;
        return { upper: this.textHint(place.column, patterns, test.cased), lower: FALSE };
      }
      if (test.kind === 'null')
        return { upper: `(${place.column} IS NULL OR ${place.column} = '[]')`, lower: `(${place.column} IS NULL)` };
      if (test.kind === 'exists') {
        const some = `(${place.column} IS NOT NULL)`;
        return test.exists ? { upper: some, lower: FALSE } : { upper: TRUE, lower: not(some) };
      }
      return { upper: `(${place.column} IS NOT NULL)`, lower: FALSE };
    }
    // A field inside a JSON text column. json_extract_scalar finds scalars on a plain path; Sigma also
    // searches arrays on the way and compares objects as JSON, which the raw-text hint keeps as candidates.
    this.approximate(field, 'inside a JSON text column: arrays and objects on the path are re-checked in-process');
    const s = this.jsonScalar(place.column, place.path);
    const present = `(${place.column} IS NOT NULL)`;
    const scalar = this.onScalar(field, s, test, false);
    switch (test.kind) {
      case 'string':
      case 'variants': {
        const patterns = test.kind === 'string' ? [test.pattern] : test.patterns;
        return { upper: or([scalar.lower, this.textHint(place.column, patterns, test.cased)]), lower: scalar.lower };
      }
      case 'null':
        return { upper: `(${s} IS NULL)`, lower: `(${place.column} IS NULL)` };
      case 'exists':
        return test.exists
          ? { upper: present, lower: `(${s} IS NOT NULL)` }
          : { upper: `(${s} IS NULL)`, lower: not(present) };
      default:
        return { upper: or([scalar.lower, and([present, `(${s} IS NULL)`]), scalar.upper]), lower: scalar.lower };
    }
  }

  /** Tests on an expression holding one scalar string per row (or NULL when absent). */
  onScalar(field: string, x: string, test: ValueTest, isColumn: boolean): Bounds {
    switch (test.kind) {
      case 'null':
        return exact(`(${x} IS NULL)`);
      case 'exists':
        // Modifiers appendix v2.1: `exists` is presence, and a field present with a null value
        // exists; a table column holds NULL for both, so NULL rows stay candidates of `exists: true`.
        this.approximate(field, '`|exists` counts a null value as present; SQL NULL cannot tell null from absent');
        return test.exists ? { upper: TRUE, lower: `(${x} IS NOT NULL)` } : { upper: `(${x} IS NULL)`, lower: FALSE };
      case 'string':
        return exact(this.textPredicate(x, test.pattern, test.cased));
      case 'variants':
        return exact(or(test.patterns.map((p) => this.textPredicate(x, p, test.cased))));
      case 'neq':
        return exact(and([`(${x} IS NOT NULL)`, not(this.textPredicate(x, test.pattern, test.cased))]));
      case 'compare': {
        const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[test.op];
        const n = `TRY_CAST(${x} AS DOUBLE)`;
        // JavaScript's Number() reads a few spellings SQL casts refuse (hex, surrounding spaces).
        if (isColumn) this.approximate(field, 'numeric text SQL cannot cast is re-checked in-process');
        return {
          upper: nn(`(${n} ${op} ${test.value} OR (${x} IS NOT NULL AND ${n} IS NULL))`),
          lower: nn(`${n} ${op} ${test.value}`),
        };
      }
      case 'cidr': {
        this.approximate(field, '`|cidr` is pre-filtered on the address text and checked in-process');
        if (test.family === 4 && test.prefix >= 8) {
          const octets = test.network.split('.').slice(0, Math.floor(test.prefix / 8));
          return { upper: nn(`${x} LIKE ${sqlString(`${octets.join('.')}.%`)}`), lower: FALSE };
        }
        return { upper: `(${x} IS NOT NULL)`, lower: FALSE };
      }
      default:
        this.approximate(field, `\`${test.kind}\` is matched in-process only`);
        return { upper: TRUE, lower: FALSE };
    }
  }

  fieldref(field: string, place: FieldPlace, test: Extract<ValueTest, { kind: 'fieldref' }>): Bounds {
    const other = placeOf(test.path);
    const scalarOf = (p: FieldPlace): string | undefined =>
      p.kind === 'column' ? p.expr : p.kind === 'json' ? this.jsonScalar(p.column, p.path) : undefined;
    const a = scalarOf(place);
    const b = scalarOf(other);
    if (a === undefined || b === undefined || test.position === 'endswith') {
      this.approximate(field, '`|fieldref` between these fields is matched in-process only');
      return { upper: TRUE, lower: FALSE };
    }
    const [x, y] = test.cased ? [a, b] : [`lower(${a})`, `lower(${b})`];
    const predicate =
      test.position === 'equals'
        ? `${x} = ${y}`
        : test.position === 'startswith'
          ? `starts_with(${x}, ${y})`
          : `strpos(${x}, ${y}) > 0`;
    const bounds = exact(nn(predicate));
    if (place.kind === 'column' && other.kind === 'column') return bounds;
    this.approximate(field, '`|fieldref` on a field inside a JSON column is re-checked in-process');
    return { upper: TRUE, lower: bounds.lower };
  }
}

function isoSeconds(value: Date | string, what: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    throw new InputError(`${JSON.stringify(String(value))} is not a time`, {
      location: { field: `window.${what}` },
      hint: 'use an ISO 8601 time such as 2026-11-22T00:00:00Z',
    });
  }
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function windowPredicates(options: SqlOptions): string[] {
  const pruning = Object.entries(options.partitionValues ?? {}).map(([column, values]) => {
    if (values.length === 0) {
      throw new InputError(`no values given for partition column ${column}`, {
        location: { field: `partitionValues.${column}` },
        hint: 'leave the column out to read every partition',
      });
    }
    return `${quoteIdent(column)} IN (${values.map(sqlString).join(', ')})`;
  });
  return [...pruning, ...timePredicates(options)];
}

function timePredicates(options: SqlOptions): string[] {
  if (!options.window) {
    if (options.partition) {
      throw new InputError('a date partition needs a window to prune on', {
        location: { field: 'partition' },
        hint: 'pass window: { start, end }',
      });
    }
    return [];
  }
  const start = isoSeconds(options.window.start, 'start');
  const end = isoSeconds(options.window.end, 'end');
  const parts = [`eventtime >= ${sqlString(start)}`, `eventtime < ${sqlString(end)}`];
  if (options.partition) {
    const sep = options.partition.format === 'yyyy/MM/dd' ? '/' : '-';
    const day = (iso: string) => iso.slice(0, 10).replace(/-/g, sep);
    parts.unshift(
      `${quoteIdent(options.partition.column)} BETWEEN ${sqlString(day(start))} AND ${sqlString(day(end))}`,
    );
  }
  return parts;
}

function compileWhere(rule: SigmaRule, dialect: SqlDialect): { bounds: Bounds; inexact: string[] } {
  const compiler = new Compiler(dialect);
  const bounds = compiler.condition(rule.detection.condition, rule);
  return { bounds, inexact: compiler.inexact };
}

function query(options: SqlOptions, where: string): string {
  const columns = options.columns?.length ? options.columns.join(', ') : '*';
  return `SELECT ${columns} FROM ${tableName(options.table)} WHERE ${and([...windowPredicates(options), where])}`;
}

/** One rule as a query returning its candidates (all of its matches; exactly them when `exact`). */
export function compileRuleToSql(rule: SigmaRule, options: SqlOptions): CompiledSql {
  const { bounds, inexact } = compileWhere(rule, options.dialect ?? 'trino');
  const isExact = bounds.upper === bounds.lower;
  return { sql: query(options, bounds.upper), where: bounds.upper, exact: isExact, inexact: isExact ? [] : inexact };
}

/**
 * A whole rule set as one scan: the candidates of any rule. Re-check each row with every compiled
 * rule in-process to attribute matches; `exact` says whether every row returned matches some rule.
 */
export function compileRuleSetToSql(rules: readonly SigmaRule[], options: SqlOptions): CompiledSql {
  const dialect = options.dialect ?? 'trino';
  const compiled = rules.map((rule) => ({ rule, ...compileWhere(rule, dialect) }));
  const where = or(compiled.map((c) => c.bounds.upper));
  const isExact = compiled.every((c) => c.bounds.upper === c.bounds.lower);
  const inexact = compiled.flatMap((c) =>
    c.bounds.upper === c.bounds.lower ? [] : c.inexact.map((line) => `${c.rule.title}: ${line}`),
  );
  return { sql: query(options, where), where, exact: isExact, inexact };
}
