/**
 * Goss's matcher language as a controls file writes it: each keyword passes on the value Goss would
 * accept and fails on its near miss, and a malformed matcher is caught before any target is opened.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMatcher, evaluate, evaluatePatterns, MATCHER_KEYWORDS } from '../../shared/audit/matchers.ts';

const passes = (matcher: unknown, actual: unknown) => assert.equal(evaluate(matcher, actual).pass, true);
const fails = (matcher: unknown, actual: unknown) => assert.equal(evaluate(matcher, actual).pass, false);

describe('literal values compare the way Goss converts them', () => {
  it('a quoted mode equals the octal string a file reports, and 644 (YAML 1.2 reads 0644 so) too', () => {
    passes('0644', '0644');
    passes(644, '0644');
    fails('0640', '0644');
  });
  it('numbers and numeric strings are equal either way; booleans are compared strictly, as Goss does', () => {
    passes(80, '80');
    passes('80', 80);
    fails(true, 'true');
    fails(true, false);
    fails(0, undefined);
    fails(null, 'null');
  });
  it('a list is an order-free subset of a list attribute (user groups)', () => {
    passes(['wheel', 'app'], ['app', 'users', 'wheel']);
    fails(['wheel', 'docker'], ['app', 'users', 'wheel']);
    passes([], ['anything']);
  });
});

describe('each matcher keyword', () => {
  const cases: [string, unknown, unknown, unknown][] = [
    // keyword, argument, passing actual, failing actual
    ['equal', ['a', 'b'], ['a', 'b'], ['b', 'a']],
    ['have-prefix', '/usr', '/usr/bin/env', '/bin/env'],
    ['have-suffix', '.conf', 'app.conf', 'app.conf.bak'],
    ['contain-substring', 'listen', 'listen = 8080', 'port = 8080'],
    ['match-regexp', '^[0-7]{3}0$', '0640', '0644'],
    ['contain-element', 'wheel', ['app', 'wheel'], ['app']],
    ['contain-elements', ['a', 'c'], ['a', 'b', 'c'], ['a', 'b']],
    ['consist-of', ['b', 'a'], ['a', 'b'], ['a', 'b', 'c']],
    ['have-len', 2, ['x', 'y'], ['x']],
    ['have-key', 'PATH', { PATH: '/bin' }, { HOME: '/root' }],
    ['have-key-with-value', { LANG: 'C.UTF-8' }, { LANG: 'C.UTF-8' }, { LANG: 'C' }],
    ['gt', 1000, 1001, 1000],
    ['ge', 1000, 1000, 999],
    ['lt', 1000, 999, 1000],
    ['le', 1000, 1000, 1001],
    ['semver-constraint', '>=1.2.0 <2.0.0', '1.4.2', '2.0.0'],
    ['have-patterns', ['/^Port 22$/', '!PermitRootLogin yes'], 'Port 22\nX11Forwarding no', 'Port 2222'],
    ['gjson', { 'a.b': 1 }, '{"a":{"b":1}}', '{"a":{"b":2}}'],
    ['xml', { xpath: 'count(//b)', result: '2' }, '<a><b/><b/></a>', '<a><b/></a>'],
  ];
  for (const [keyword, arg, good, bad] of cases) {
    it(`${keyword} ${JSON.stringify(arg)}: passes ${JSON.stringify(good)}, fails ${JSON.stringify(bad)}`, () => {
      assert.equal(checkMatcher({ [keyword]: arg }), undefined);
      passes({ [keyword]: arg }, good);
      fails({ [keyword]: arg }, bad);
    });
  }
  it('covers every documented keyword (not, and, or are below)', () => {
    const tested = new Set([...cases.map((c) => c[0]), 'not', 'and', 'or']);
    assert.deepEqual(
      MATCHER_KEYWORDS.filter((k) => !tested.has(k)),
      [],
    );
  });
  it('not, and, or compose other matchers', () => {
    passes({ not: { 'match-regexp': '[4-7]$' } }, '0640');
    fails({ not: { 'match-regexp': '[4-7]$' } }, '0644');
    passes({ and: [{ 'have-prefix': '/usr' }, { 'have-suffix': 'sh' }] }, '/usr/bin/bash');
    fails({ and: [{ 'have-prefix': '/usr' }, { 'have-suffix': 'sh' }] }, '/usr/bin/env');
    passes({ or: ['/bin/sh', '/usr/sbin/nologin'] }, '/usr/sbin/nologin');
    fails({ or: ['/bin/sh', '/usr/sbin/nologin'] }, '/bin/false');
    passes({ 'contain-element': { 'have-prefix': 'lib' } }, ['bash', 'libc6']);
  });
  it('numeric matchers convert numeric strings (a kernel parameter is text) and refuse words', () => {
    passes({ gt: 200 }, '4096');
    fails({ gt: 200 }, 'many');
    passes({ le: '10' }, 10);
  });
  it('have-len measures strings and maps too', () => {
    passes({ 'have-len': 4 }, 'root');
    passes({ 'have-len': 1 }, { a: 1 });
    fails({ 'have-len': 1 }, 7);
  });
  it("semver-constraint reads Goss's blang ranges: != and || and distro versions", () => {
    passes({ 'semver-constraint': '>1.0.0 <2.0.0 !=1.5.0' }, '1.4.0');
    fails({ 'semver-constraint': '>1.0.0 <2.0.0 !=1.5.0' }, '1.5.0');
    passes({ 'semver-constraint': '>=1.2.0 <2.0.0 || >=3.0.0' }, '3.1.0');
    fails({ 'semver-constraint': '>=1.2.0 <2.0.0 || >=3.0.0' }, '2.0.0');
    // Each installed version must satisfy it, as Goss checks `versions`.
    passes({ 'semver-constraint': '>=3.0.0' }, ['3.0.11-r0', '3.1.2']);
    fails({ 'semver-constraint': '>=3.0.0' }, ['3.0.11-r0', '2.9.0']);
    fails({ 'semver-constraint': '>=1.0.0' }, []);
  });
  it('failure messages say what was expected in words', () => {
    assert.equal(evaluate({ 'have-prefix': '/usr' }, 'x').expected, 'have prefix "/usr"');
    assert.equal(evaluate({ not: { 'contain-substring': 'x' } }, 'x').expected, 'not contain substring "x"');
    assert.equal(evaluate({ ge: 3 }, 1).expected, 'be >= 3');
    assert.equal(evaluate('0644', '0600').expected, '"0644"');
  });
});

describe('malformed matchers are found when the file is read', () => {
  const problems: [unknown, RegExp][] = [
    [{ 'have-prefx': '/usr' }, /unknown matcher 'have-prefx'/],
    [{ 'have-prefix': '/usr', 'have-suffix': 'x' }, /exactly one key, got 2/],
    [{ and: 'x' }, /'and' takes a list/],
    [{ 'match-regexp': '(' }, /not a valid Go regular expression/],
    [{ gt: 'ten' }, /'gt' takes a number/],
    [{ 'semver-constraint': 'soon' }, /'semver-constraint' takes a semver range/],
    [{ not: { 'bogus-matcher': 1 } }, /unknown matcher 'bogus-matcher'/],
    [[{ 'have-len': 'x' }], /'have-len' takes a number/],
    [{ 'have-key-with-value': 'x' }, /takes a map/],
  ];
  for (const [matcher, message] of problems) {
    it(JSON.stringify(matcher), () => assert.match(checkMatcher(matcher) ?? '', message));
  }
  it('a map whose key is no keyword is a typo, not a value', () => {
    assert.match(checkMatcher({ A: 'b' }) ?? '', /unknown matcher 'A'/);
  });
});

describe('line patterns for contents, stdout and stderr', () => {
  const text = 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n';
  it('substrings, /regexes/ anchored per line, and their negations', () => {
    assert.equal(evaluatePatterns(['app:x:1000', '/^root:/', '!nobody', '!/^games:/'], text).pass, true);
  });
  it('lists every pattern that did not hold', () => {
    const r = evaluatePatterns(['/^nobody:/', '!/^app:/', 'root'], text);
    assert.equal(r.pass, false);
    assert.deepEqual(r.missing, ['/^nobody:/', '!/^app:/']);
  });
  it("Go's leading (?i) flag group works as in Goss", () => {
    assert.equal(evaluatePatterns(['/(?i)^ROOT:/'], text).pass, true);
    assert.equal(evaluatePatterns(['/^ROOT:/'], text).pass, false);
    assert.equal(evaluate({ 'match-regexp': '(?i)^abc$' }, 'ABC').pass, true);
  });
  it('entries may be matcher maps', () => {
    assert.equal(evaluatePatterns([{ 'have-prefix': 'root:' }], text).pass, true);
    assert.equal(evaluatePatterns([{ 'have-suffix': 'nope' }], text).pass, false);
  });
});
