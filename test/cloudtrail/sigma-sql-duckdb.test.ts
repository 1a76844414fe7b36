// At org scale the rules run as SQL over the Athena CloudTrail table. DuckDB stands in for Athena:
// a table of the same shape is loaded from our CloudTrail-shaped fixtures, each rule's SQL is run,
// and what it returns is compared with the in-process evaluator over the same events: the SQL may
// return extra candidates (re-checked in-process) but must never lose a match, and must return
// exactly the matches whenever it claims to be exact.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  compileRule,
  compileRuleSetToSql,
  compileRuleToSql,
  parseSigmaRules,
} from '../../shared/cloudtrail/rules/sigma/index.ts';
import type { SigmaEvent, SigmaRule } from '../../shared/cloudtrail/rules/sigma/index.ts';
import { repoRoot } from '../harness/runner.ts';

const fixtures = path.join(repoRoot, 'test/fixtures/sigma');
const events = JSON.parse(readFileSync(path.join(fixtures, 'events/events.json'), 'utf8')) as SigmaEvent[];

function loadRules(file: string): SigmaRule[] {
  const { rules, problems } = parseSigmaRules(readFileSync(file, 'utf8'), path.basename(file));
  assert.deepEqual(problems, []);
  return rules;
}
const lookalikes = readdirSync(path.join(fixtures, 'lookalikes'))
  .filter((f) => f.endsWith('.yml'))
  .flatMap((f) => loadRules(path.join(fixtures, 'lookalikes', f)));
const probes = loadRules(path.join(fixtures, 'sql-probes.yml'));

// The in-process side sees a virtual field SQL cannot: the compiler must treat it as unknown.
const virtualFields = {
  'tt.openToWorld': (e: SigmaEvent) => JSON.stringify(e.requestParameters ?? null).includes('0.0.0.0/0'),
};

// The AWS-documented table (docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html) in DuckDB types.
type Shape = 'VARCHAR' | 'JSON' | { [key: string]: Shape } | [{ [key: string]: Shape }];
const S = 'VARCHAR' as const;
const J = 'JSON' as const;
const SCHEMA: Record<string, Shape> = {
  eventVersion: S,
  userIdentity: {
    type: S,
    principalId: S,
    arn: S,
    accountId: S,
    invokedBy: S,
    accessKeyId: S,
    userName: S,
    onBehalfOf: { userId: S, identityStoreArn: S },
    sessionContext: {
      attributes: { mfaAuthenticated: S, creationDate: S },
      sessionIssuer: { type: S, principalId: S, arn: S, accountId: S, userName: S },
      ec2RoleDelivery: S,
      sourceIdentity: S,
    },
  },
  eventTime: S,
  eventSource: S,
  eventName: S,
  awsRegion: S,
  sourceIPAddress: S,
  userAgent: S,
  errorCode: S,
  errorMessage: S,
  requestParameters: J,
  responseElements: J,
  additionalEventData: J,
  requestID: S,
  eventID: S,
  resources: [{ ARN: S, accountId: S, type: S }],
  eventType: S,
  apiVersion: S,
  readOnly: S,
  recipientAccountId: S,
  serviceEventDetails: J,
  sharedEventID: S,
  vpcEndpointId: S,
  eventCategory: S,
  sessionCredentialFromConsole: S,
  tlsDetails: { tlsVersion: S, cipherSuite: S, clientProvidedHostHeader: S },
};

function ddlType(shape: Shape): string {
  if (shape === 'VARCHAR' || shape === 'JSON') return 'VARCHAR';
  if (Array.isArray(shape)) return `${ddlType(shape[0])}[]`;
  return `STRUCT(${Object.entries(shape)
    .map(([k, v]) => `${k.toLowerCase()} ${ddlType(v)}`)
    .join(', ')})`;
}

/** What the CloudTrail SerDe makes of a record: lower-case names, JSON text for free-form objects. */
function toRow(value: unknown, shape: Shape): unknown {
  if (value === undefined || value === null) return null;
  if (shape === 'JSON') return JSON.stringify(value);
  if (shape === 'VARCHAR') return typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (Array.isArray(shape)) return Array.isArray(value) ? value.map((v) => toRow(v, shape[0])) : null;
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(shape).map(([k, s]) => [k.toLowerCase(), toRow(obj[k], s)]));
}

let dir: string;
let connection: DuckDBConnection;

async function eventIds(sql: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(sql.replace(/^SELECT \*/, 'SELECT eventid'));
  return reader
    .getRowObjectsJson()
    .map((r) => String(r.eventid))
    .sort();
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'telltale-sigma-'));
  const file = path.join(dir, 'events.ndjson');
  const rows = events.map((e) => ({
    ...(toRow(e, SCHEMA) as Record<string, unknown>),
    // Partition projection on the delivery day, as in the AWS-documented table.
    timestamp: String(e.eventTime).slice(0, 10).replace(/-/g, '/'),
  }));
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  const columns = [
    ...Object.entries(SCHEMA).map(([k, s]) => `${k.toLowerCase()}: '${ddlType(s)}'`),
    `"timestamp": 'VARCHAR'`,
  ].join(', ');
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(
    `CREATE TABLE cloudtrail_logs AS SELECT * FROM read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited', columns = {${columns}})`,
  );
});

after(() => {
  connection?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function check(rules: SigmaRule[]) {
  for (const rule of rules) {
    test(`${rule.title}: SQL candidates contain every in-process match`, async () => {
      const match = compileRule(rule, { virtualFields });
      const expected = events
        .filter((e) => match(e))
        .map((e) => String(e.eventID))
        .sort();
      assert.ok(expected.length > 0, 'the fixtures exercise this rule');
      assert.ok(expected.length < events.length, 'the rule also rejects events');
      const compiled = compileRuleToSql(rule, { table: 'cloudtrail_logs', dialect: 'duckdb' });
      const candidates = await eventIds(compiled.sql);
      const missing = expected.filter((id) => !candidates.includes(id));
      assert.deepEqual(missing, [], `SQL lost matches:\n${compiled.where}`);
      if (compiled.exact) assert.deepEqual(candidates, expected, `exact SQL returned extras:\n${compiled.where}`);
      else assert.ok(compiled.inexact.length > 0, 'an inexact query says why');
    });
  }
}

describe('look-alikes of the SigmaHQ CloudTrail rules, in DuckDB', () => check(lookalikes));
describe('SQL probes: every modifier and column kind, in DuckDB', () => check(probes));

describe('the SQL narrows the scan', () => {
  test('exact rules are the common case, and inexact ones still filter', async () => {
    const all = [...lookalikes, ...probes].map((rule) => ({
      rule,
      sql: compileRuleToSql(rule, { table: 'cloudtrail_logs', dialect: 'duckdb' }),
    }));
    assert.ok(all.filter((c) => c.sql.exact).length >= 8, 'rules on plain columns compile exactly');
    const bucket = all.find((c) => c.rule.title.startsWith('Bucket Versioning'))!;
    assert.equal(bucket.sql.exact, false);
    assert.ok((await eventIds(bucket.sql.sql)).length < 6, 'the prefilter keeps only a few candidates');
  });

  test('one query for the whole rule set returns every rule’s matches, pruned by window and partition', async () => {
    const rules = [...lookalikes, ...probes];
    const window = { start: '2026-11-22T10:00:00Z', end: '2026-11-22T15:00:00Z' };
    const compiled = compileRuleSetToSql(rules, {
      table: 'cloudtrail_logs',
      dialect: 'duckdb',
      window,
      partition: { column: 'timestamp', format: 'yyyy/MM/dd' },
    });
    assert.match(compiled.sql, /"timestamp" BETWEEN '2026\/11\/22' AND '2026\/11\/22'/);
    const inWindow = events.filter((e) => String(e.eventTime) >= window.start && String(e.eventTime) < window.end);
    const matchers = rules.map((r) => compileRule(r, { virtualFields }));
    const expected = inWindow
      .filter((e) => matchers.some((m) => m(e)))
      .map((e) => String(e.eventID))
      .sort();
    const candidates = await eventIds(compiled.sql);
    assert.ok(expected.length > 0);
    assert.deepEqual(
      expected.filter((id) => !candidates.includes(id)),
      [],
    );
    assert.ok(
      candidates.every((id) => inWindow.some((e) => e.eventID === id)),
      'nothing outside the window',
    );
  });
});

describe('escaping holds for any text', () => {
  test('wildcards, quotes, backslashes, % and _ in values and patterns: DuckDB agrees with the evaluator', async () => {
    const alphabet = fc.constantFrom('a', 'B', 'Ä', 'ä', '%', '_', '*', '?', '\\', "'", '"', ' ', '-');
    const text = fc.array(alphabet, { maxLength: 8 }).map((chars) => chars.join(''));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (pattern, agents, cased) => {
          const yaml = `title: p\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel:\n    userAgent${cased ? '|cased' : ''}: ${JSON.stringify(pattern)}\n  condition: sel\n`;
          const { rules, problems } = parseSigmaRules(yaml, 'p.yml');
          assert.deepEqual(problems, []);
          const match = compileRule(rules[0]!);
          const { where, exact } = compileRuleToSql(rules[0]!, { table: 't', dialect: 'duckdb' });
          assert.equal(exact, true);
          const values = agents.map((a, i) => `(${i}, '${a.replace(/'/g, "''")}')`).join(', ');
          const reader = await connection.runAndReadAll(
            `SELECT i FROM (VALUES ${values}) AS t(i, useragent) WHERE ${where} ORDER BY i`,
          );
          const fromSql = reader.getRowObjectsJson().map((r) => Number(r.i));
          const inProcess = agents.flatMap((a, i) => (match({ userAgent: a }) ? [i] : []));
          assert.deepEqual(fromSql, inProcess, `pattern ${JSON.stringify(pattern)} over ${JSON.stringify(agents)}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
