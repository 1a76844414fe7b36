// The Athena (Trino) text the compiler writes: literals and LIKE patterns escaped, NULL-safe
// negation, the date partition pruned, JSON columns read with json_extract_scalar.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../shared/util/errors.ts';
import { compileRuleToSql, parseSigmaRules } from '../../shared/cloudtrail/rules/sigma/index.ts';
import type { SigmaRule } from '../../shared/cloudtrail/rules/sigma/index.ts';

function rule(detection: string): SigmaRule {
  const body = detection
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  const { rules, problems } = parseSigmaRules(
    `title: t\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n${body}\n`,
    'x.yml',
  );
  assert.deepEqual(problems, []);
  return rules[0]!;
}
const table = 'security.cloudtrail_logs';

describe('Athena SQL', () => {
  test('an event-name list on the documented columns is one exact IN list, lower-cased', () => {
    const sql = compileRuleToSql(
      rule('sel:\n  eventSource: cloudtrail.amazonaws.com\n  eventName: [StopLogging, DeleteTrail]\ncondition: sel'),
      { table },
    );
    assert.equal(
      sql.sql,
      "SELECT * FROM security.cloudtrail_logs WHERE (COALESCE(lower(eventsource) = 'cloudtrail.amazonaws.com', FALSE) AND COALESCE(lower(eventname) IN ('stoplogging', 'deletetrail'), FALSE))",
    );
    assert.equal(sql.exact, true);
    assert.deepEqual(sql.inexact, []);
  });

  test('quotes are doubled and LIKE wildcards in values are escaped', () => {
    const { where } = compileRuleToSql(
      rule('sel:\n  userIdentity.userName|contains: "O\'Brien_100%"\ncondition: sel'),
      { table },
    );
    assert.equal(where, "COALESCE(lower(useridentity.username) LIKE '%o''brien\\_100\\%%' ESCAPE '\\', FALSE)");
  });

  test('Sigma wildcards become LIKE wildcards; |cased drops lower()', () => {
    const { where } = compileRuleToSql(rule("sel:\n  awsRegion|cased: 'us-?ast-*'\ncondition: sel"), { table });
    assert.equal(where, "COALESCE(awsregion LIKE 'us-_ast-%' ESCAPE '\\', FALSE)");
  });

  test('nested struct fields keep their path; null is IS NULL', () => {
    const { where, exact } = compileRuleToSql(
      rule('sel:\n  userIdentity.sessionContext.sessionIssuer.type: Role\n  errorCode: null\ncondition: sel'),
      { table },
    );
    assert.equal(
      where,
      "(COALESCE(lower(useridentity.sessioncontext.sessionissuer.type) = 'role', FALSE) AND (errorcode IS NULL))",
    );
    assert.equal(exact, true);
  });

  test('not stays two-valued: a missing field does not drop the row', () => {
    const { where } = compileRuleToSql(
      rule('sel:\n  eventName: A\nfilter:\n  userAgent: x\ncondition: sel and not filter'),
      { table },
    );
    assert.match(where, /\(NOT COALESCE\(lower\(useragent\) = 'x', FALSE\)\)/);
  });

  test('JSON text columns are read with json_extract_scalar and the result says it is a prefilter', () => {
    const sql = compileRuleToSql(rule("sel:\n  requestParameters.bucketName: 'logs'\ncondition: sel"), { table });
    assert.match(sql.where, /json_extract_scalar\(requestparameters, '\$\.bucketName'\)/);
    assert.equal(sql.exact, false);
    assert.match(sql.inexact[0]!, /requestParameters\.bucketName/);
  });

  test('a negated approximate part never narrows the candidates', () => {
    const sql = compileRuleToSql(
      rule("sel:\n  eventName: A\nfilter:\n  userAgent|re: 'x+'\ncondition: sel and not filter"),
      { table },
    );
    assert.equal(sql.where, "COALESCE(lower(eventname) = 'a', FALSE)");
    assert.equal(sql.exact, false);
  });

  test('resources use any_match in Trino and list_filter in DuckDB', () => {
    const r = rule("sel:\n  resources.ARN|endswith: ':trail/org'\ncondition: sel");
    assert.match(compileRuleToSql(r, { table }).where, /^any_match\(resources, r -> COALESCE\(lower\(r\.arn\) LIKE/);
    assert.match(compileRuleToSql(r, { table, dialect: 'duckdb' }).where, /^\(len\(list_filter\(resources, r -> /);
  });

  test('the window bounds eventtime and prunes the date partition', () => {
    const sql = compileRuleToSql(rule('sel:\n  eventName: A\ncondition: sel'), {
      table,
      window: { start: new Date('2026-11-21T23:30:00Z'), end: '2026-11-22T23:30:00Z' },
      partition: { column: 'timestamp', format: 'yyyy/MM/dd' },
      columns: ['eventid', 'eventname'],
    });
    assert.equal(
      sql.sql,
      "SELECT eventid, eventname FROM security.cloudtrail_logs WHERE (\"timestamp\" BETWEEN '2026/11/21' AND '2026/11/22' AND eventtime >= '2026-11-21T23:30:00Z' AND eventtime < '2026-11-22T23:30:00Z' AND COALESCE(lower(eventname) = 'a', FALSE))",
    );
    const dt = compileRuleToSql(rule('sel:\n  eventName: A\ncondition: sel'), {
      table,
      window: { start: '2026-11-21T00:00:00Z', end: '2026-11-22T00:00:00Z' },
      partition: { column: 'dt', format: 'yyyy-MM-dd' },
    });
    assert.match(dt.sql, /"dt" BETWEEN '2026-11-21' AND '2026-11-22'/);
  });

  test('an organization trail table is also pruned on region and account partitions', () => {
    const sql = compileRuleToSql(rule('sel:\n  eventName: A\ncondition: sel'), {
      table,
      partitionValues: { region: ['us-east-1', "eu-west-1'--"], account: ['111122223333'] },
    });
    assert.match(
      sql.sql,
      /WHERE \("region" IN \('us-east-1', 'eu-west-1''--'\) AND "account" IN \('111122223333'\) AND /,
    );
    assert.throws(
      () => compileRuleToSql(rule('sel:\n  eventName: A\ncondition: sel'), { table, partitionValues: { region: [] } }),
      InputError,
    );
  });

  test('bad table names and windows are InputErrors that say what to write', () => {
    const r = rule('sel:\n  eventName: A\ncondition: sel');
    assert.throws(() => compileRuleToSql(r, { table: 'db..t' }), InputError);
    assert.throws(() => compileRuleToSql(r, { table, window: { start: 'yesterday', end: 'now' } }), /not a time/);
    assert.throws(
      () => compileRuleToSql(r, { table, partition: { column: 'dt', format: 'yyyy-MM-dd' } }),
      /needs a window/,
    );
    assert.match(compileRuleToSql(r, { table: 'my-db.trail logs' }).sql, /FROM "my-db"\."trail logs"/);
  });
});
