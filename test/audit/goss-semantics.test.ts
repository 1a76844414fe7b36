/**
 * A differential suite: each case states what Goss answers, as its docs, tests or source say (the
 * file in goss-org/goss is named in the test), and checks that telltale answers the same. Cases are
 * written from those files, not copied from them.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseControls } from '../../shared/audit/controls.ts';
import { loadControls } from '../../shared/audit/load.ts';
import { checkMatcher, evaluate, evaluatePatterns } from '../../shared/audit/matchers.ts';
import { runAudit } from '../../shared/audit/phase.ts';
import type { ControlResult } from '../../shared/audit/model.ts';
import { parseDpkgStatus } from '../../shared/audit/system/packages/dpkg.ts';
import { openTarget } from '../../shared/audit/targets/index.ts';
import { renderTemplate } from '../../shared/audit/template/render.ts';
import { loadVars } from '../../shared/audit/template/vars.ts';
import { InputError } from '../../shared/util/errors.ts';

const holds = (matcher: unknown, actual: unknown) =>
  assert.equal(evaluate(matcher, actual).pass, true, JSON.stringify(evaluate(matcher, actual)));
const fails = (matcher: unknown, actual: unknown) => assert.equal(evaluate(matcher, actual).pass, false);
const render = (t: string, vars: unknown = {}, env: Record<string, string> = {}) =>
  renderTemplate(t, { env, vars, readFile: () => '  token-123\n' });

/** Runs a controls text against this host and returns status per `type id property`. */
async function onHost(text: string): Promise<Record<string, ControlResult['status']>> {
  const { controls } = parseControls(text, 'c.yaml');
  const target = await openTarget('host');
  try {
    const { results } = await runAudit(controls, target, () => {});
    return Object.fromEntries(results.map((r) => [`${r.type} ${r.id} ${r.property}`, r.status]));
  } finally {
    await target.close();
  }
}

describe('default matchers (resource/gomega.go, matchers/type_conversion.go)', () => {
  it('resource/gomega.go: a string against a one-element list compares the joined text — `groups: root` passes, no crash', () => {
    holds('root', ['root']);
  });
  it('resource/gomega.go: `versions: "1.2"` passes for one version 1.2 and fails for two (ToString joins with \\n)', () => {
    holds('1.2', ['1.2']);
    fails('1.2', ['1.2', '1.3']);
  });
  it('resource/gomega.go: `ip: 0.0.0.0` against a listener list of one', () => {
    holds('0.0.0.0', ['0.0.0.0']);
    fails('0.0.0.0', ['127.0.0.1']);
  });
  it('matchers/type_conversion.go ToNumeric: `mode: 640` (a number) equals the reported "0640"', () => {
    holds(640, '0640');
    fails(644, '0640');
  });
  it('docs/gossfile.md "Numeric matchers": "42" matches 42, 42.0, gt 40 and lt 45', () => {
    holds({ and: [42, 42.0, { gt: 40 }, { lt: 45 }] }, '42');
  });
  it('docs/gossfile.md "String Matchers": 42 matches "42", have-prefix, have-suffix, match-regexp \\d{2}, contain-substring', () => {
    holds(
      {
        and: [
          '42',
          { 'have-prefix': '4' },
          { 'have-suffix': '2' },
          { 'match-regexp': '\\d{2}' },
          { 'contain-substring': '2' },
        ],
      },
      42,
    );
  });
  it('docs/gossfile.md "Arrays": a list is a subset check', () => {
    holds(['group1', 'group2'], ['group1', 'group2', 'group3']);
  });
  it('docs/gossfile.md "Arrays": a repeated element needs a second match (basic_array_failing)', () => {
    fails(['group1', 'group2', 'group2'], ['group1', 'group2', 'group3']);
    holds(['a', 'a'], ['a', 'b', 'a']);
  });
  it('docs/gossfile.md "Array matchers": contain-elements, a bare list, equal, consist-of with matchers, contain-element', () => {
    const content = ['foo', 'bar', 'moo'];
    holds({ 'contain-elements': ['foo', 'bar'] }, content);
    holds(['foo', 'bar'], content);
    holds({ equal: ['foo', 'bar', 'moo'] }, content);
    holds({ 'consist-of': ['foo', { 'have-prefix': 'm' }, 'bar'] }, content);
    holds({ 'contain-element': { 'have-prefix': 'b' } }, content);
  });
  it('docs/gossfile.md "Array matchers": equal is order-sensitive, consist-of is not but counts', () => {
    fails({ equal: ['bar', 'foo', 'moo'] }, ['foo', 'bar', 'moo']);
    fails({ 'consist-of': ['foo', 'bar'] }, ['foo', 'bar', 'moo']);
  });
  it('resource/gomega.go: a boolean is compared strictly (Equal), "true" is not true', () => {
    holds(true, true);
    fails(true, 'true');
  });
  it('docs/gossfile.md "Array matchers": strings are split on \\n for contain-element(s) and consist-of', () => {
    holds({ 'contain-element': 'b' }, 'a\nb\nc');
    holds({ 'contain-elements': ['c', 'a'] }, 'a\nb\nc');
    holds({ 'consist-of': ['c', 'b', 'a'] }, 'a\nb\nc');
    fails({ 'contain-element': 'd' }, 'a\nb\nc');
  });
  it('matchers/have_len_matcher.go: have-len counts a string in bytes, as Go len does', () => {
    holds({ 'have-len': 2 }, 'é');
    holds({ 'have-len': 3 }, ['a', 'b', 'c']);
  });
  it('resource/gomega.go have-key takes a matcher for the key', () => {
    holds({ 'have-key': { 'have-prefix': 'ba' } }, { baz: 1 });
    fails({ 'have-key': { 'have-prefix': 'x' } }, { baz: 1 });
  });
  it('docs/gossfile.md "matching" has_foo_bar_and_baz: and of have-key', () => {
    holds({ and: [{ 'have-key': 'baz' }] }, { foo: 'bar', baz: 'bing' });
  });
  it('matchers/have_key_matcher.go: have-key on something that is not a map fails', () => {
    fails({ 'have-key': 'a' }, 'a');
  });
  it('matchers/not.go: a matcher that cannot apply is not turned into a pass by not', () => {
    fails({ not: { 'semver-constraint': '>1.0.0' } }, 'not-a-version');
  });
  it('matchers/be_numerically_matcher.go via ToNumeric: gt refuses words, le reads a numeric string', () => {
    fails({ gt: 1 }, 'many');
    holds({ le: 10 }, '10');
  });
  it('matchers/type_conversion.go ToString: match-regexp sees a list joined by newlines', () => {
    holds({ 'match-regexp': '^a\\nb$' }, ['a', 'b']);
  });
});

describe('semver-constraint (matchers/semver_constraint.go, blang/semver)', () => {
  it('matchers/semver_constraint_test.go pre_release_fail: 4.0.0-rc1 is not >= 4.0.0', () => {
    fails({ 'semver-constraint': '>= 4.0.0' }, ['4.0.0-rc1']);
  });
  it('matchers/semver_constraint_test.go pre_release_valid: 4.0.0-rc1 is < 4.0.0', () => {
    holds({ 'semver-constraint': '< 4.0.0' }, ['4.0.0-rc1']);
  });
  it('matchers/semver_constraint_test.go invalid_version_starting_with_0: 4.4.019-1 is an error, not a pass', () => {
    const r = evaluate({ 'semver-constraint': '> 4.0.0' }, ['4.4.019-1']);
    assert.equal(r.pass, false);
    assert.match(r.error ?? '', /valid semver/);
  });
  it('matchers/semver_constraint_test.go build_valid and build_fail', () => {
    holds({ 'semver-constraint': '> 4.0.0' }, ['4.1.0+build']);
    fails({ 'semver-constraint': '> 4.0.0' }, ['4.4.019+build+build2']);
  });
  it('docs/gossfile.md semver: every version must satisfy ">1.0.0 <2.0.0 !=1.5.0"', () => {
    holds({ 'semver-constraint': '>1.0.0 <2.0.0 !=1.5.0' }, ['1.0.1', '1.9.9']);
    holds({ not: { 'semver-constraint': '>1.0.0 <2.0.0 !=1.5.0' } }, ['1.0.1', '1.5.0', '1.9.9']);
  });
  it('docs/gossfile.md semver3: a single version and an OR range', () => {
    holds({ 'semver-constraint': '>5.0.0 || < 1.5.0' }, '1.0.1');
  });
  it('blang/semver range syntax as matchers/semver_constraint.go parses it: `!1.5.0` excludes a version', () => {
    fails({ 'semver-constraint': '>1.0.0 !1.5.0' }, '1.5.0');
    holds({ 'semver-constraint': '>1.0.0 !1.5.0' }, '1.4.0');
  });
  it('matchers/semver_constraint.go toVersion: a Debian version (epoch, revision) is not semver, so it fails', () => {
    fails({ 'semver-constraint': '>=1.0.0' }, ['1:2.36-9+deb12u4']);
  });
  it('matchers/semver_constraint_test.go Test_toConstraint: "" and "invalid" are refused, a complex range accepted', () => {
    assert.ok(checkMatcher({ 'semver-constraint': '' }));
    assert.ok(checkMatcher({ 'semver-constraint': 'invalid' }));
    assert.equal(checkMatcher({ 'semver-constraint': '> 1.0.0 < 2.0.0 || > 4.0.0' }), undefined);
  });
  it('matchers/semver_constraint.go: an empty version list has nothing to satisfy and fails', () => {
    fails({ 'semver-constraint': '>=1.0.0' }, []);
  });
});

describe('gjson (matchers/type_conversion.go Gjson, docs/gossfile.md "gjson")', () => {
  const doc = '{"foo": "bar", "moo": {"nested": "cow"}, "count": "15", "list": [{"n": 1}, {"n": 2}]}';
  it('docs/gossfile.md gjson: nested path, prefix, numeric string, @this and a compound matcher', () => {
    holds(
      {
        gjson: {
          'moo.nested': 'cow',
          foo: { 'have-prefix': 'b' },
          count: { le: 25 },
          '@this': { 'have-key': 'foo' },
          moo: { and: [{ 'have-key': 'nested' }, { not: { 'have-key': 'nested2' } }] },
        },
      },
      doc,
    );
  });
  it('gjson path syntax: an array length and an element field', () => {
    holds({ gjson: { 'list.#': 2, 'list.1.n': 2, 'list.#.n': [1, 2] } }, doc);
  });
  it('matchers/type_conversion.go Gjson: a missing path and invalid JSON fail', () => {
    fails({ gjson: { 'moo.none': 'x' } }, doc);
    fails({ gjson: { foo: 'bar' } }, '{"foo": ');
  });
});

describe('xml (matchers/xml.go, matchers/xml_test.go)', () => {
  const xml = `<?xml version="1.0"?><order><address xmlns:b="urn:b"><b:city>Old Town</b:city></address><items><book isbn="1"><title>Harry</title><price>25</price></book><book isbn="2"><title>Seigneur</title><price>18</price></book></items></order>`;
  const m = (xpath: string, result?: string) => ({ xml: result === undefined ? { xpath } : { xpath, result } });
  it('matchers/xml_test.go node_text and node_serialized_with_self', () => {
    holds(m("//book[title='Seigneur']/price/text()", '18'), xml);
    holds(m("//book[@isbn='2']/title", '<title>Seigneur</title>'), xml);
  });
  it('matchers/xml_test.go several_nodes_are_concatenated and attribute', () => {
    holds(m('//book/title', '<title>Harry</title><title>Seigneur</title>'), xml);
    holds(m('//book[1]/@isbn', '<isbn>1</isbn>'), xml);
  });
  it('matchers/xml_test.go namespaced_node via local-name()', () => {
    holds(m("//address/*[local-name()='city']/text()", 'Old Town'), xml);
  });
  it('matchers/xml_test.go existence_found / existence_not_found', () => {
    holds(m('//items/book'), xml);
    fails(m('//items/dvd'), xml);
  });
  it('matchers/xml_test.go functions: count, sum, boolean', () => {
    holds(m('count(//book)', '2'), xml);
    holds(m('sum(//price)', '43'), xml);
    holds(m("boolean(//book[title='Dune'])", 'false'), xml);
  });
  it('matchers/xml_test.go func_empty_expected_result_is_not_an_existence_check and actual_is_not_xml', () => {
    fails(m('count(//book)', ''), xml);
    fails(m('//book', '1'), 'this is definitely not xml <<<');
  });
});

describe('line patterns (matchers/have_patterns.go, docs/gossfile.md "io.Readers")', () => {
  const text = 'alpha\nfoo bar\n!bang\nGoss rocks\n';
  it('docs/gossfile.md io.Readers: "foo" is found in some line', () => {
    assert.equal(evaluatePatterns(['foo'], text).pass, true);
  });
  it('docs/gossfile.md io.Readers: "!foo" fails when a line contains foo', () => {
    assert.equal(evaluatePatterns(['!foo'], text).pass, false);
    assert.equal(evaluatePatterns(['!zzz'], text).pass, true);
  });
  it('matchers/have_patterns.go newStringPattern: "\\\\!" escapes the negation (leading \\ / ! are trimmed)', () => {
    assert.equal(evaluatePatterns(['\\!bang'], text).pass, true);
    assert.equal(evaluatePatterns(['\\!nothing-like-this'], text).pass, false);
  });
  it('docs/gossfile.md io.Readers: "/[Gg]oss/" and "!/[Rr]egex/"', () => {
    assert.equal(evaluatePatterns(['/[Gg]oss/', '!/[Rr]egex/'], text).pass, true);
  });
  it('matchers/have_patterns.go: a regex is matched per line, so ^ and $ anchor at each line', () => {
    assert.equal(evaluatePatterns(['/^foo bar$/'], text).pass, true);
    assert.equal(evaluatePatterns(['/^bar/'], text).pass, false);
  });
  it('matchers/have_patterns.go: an empty pattern passes even on empty text', () => {
    assert.equal(evaluatePatterns([''], '').pass, true);
  });
  it('resource/gomega.go have-patterns: the same patterns as a matcher keyword', () => {
    holds({ 'have-patterns': ['foo', '!/^zzz/'] }, text);
  });
});

describe("Go's regexp syntax, in linear time (docs/gossfile.md: regex support is Golang's)", () => {
  it('docs/gossfile.md io.Readers note: POSIX classes, \\A and \\z, (?i) and (?P<name>)', () => {
    holds({ 'match-regexp': '^[[:digit:]]+$' }, '12345');
    holds({ 'match-regexp': '\\Aab\\z' }, 'ab');
    fails({ 'match-regexp': '\\Aab\\z' }, 'ab\n');
    holds({ 'match-regexp': '(?i)^ABC$' }, 'abc');
    holds({ 'match-regexp': '(?P<year>\\d{4})' }, 'in 2024');
  });
  it('Go regexp/syntax has no lookbehind or backreference: refused when the file is read, never run differently', () => {
    assert.match(checkMatcher({ 'match-regexp': '(?<=a)b' }) ?? '', /not a valid Go regular expression/);
    assert.match(checkMatcher({ 'match-regexp': '(a)\\1' }) ?? '', /not a valid Go regular expression/);
  });
  it('issue 10 §4: ^(a|a)+$ and ^(a+)+$ against 100k characters of attacker text finish', { timeout: 30_000 }, () => {
    const hostile = `${'a'.repeat(100_000)}!`;
    fails({ 'match-regexp': '^(a|a)+$' }, hostile);
    fails({ 'match-regexp': '^(a+)+$' }, hostile);
    assert.equal(evaluatePatterns(['/^(a+)+$/'], hostile).pass, false);
  });
});

describe('reading gossfiles (docs/gossfile.md, resource/*.go)', () => {
  it('issue 10 §9: YAML anchors, aliases and merge keys are expanded', () => {
    const { controls } = parseControls(
      'file:\n  /etc/passwd: &base\n    exists: true\n    mode: "0644"\n  /etc/group:\n    <<: *base\n    owner: root\n',
      'c.yaml',
    );
    assert.deepEqual(controls[1]!.attributes, { exists: true, mode: '0644', owner: 'root' });
  });
  it('a "billion laughs" of aliases is an input error, not a hang', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(10)
          .fill(`*${i === 0 ? 'a' : 'b'.repeat(i)}`)
          .join(', ')}]`,
      );
    lines.push('file: {}');
    assert.throws(() => parseControls(lines.join('\n'), 'c.yaml'), InputError);
  });
  it('docs/gossfile.md: every documented identity override and option is accepted', () => {
    const text = [
      'file: {label: {path: /etc/passwd, exists: true}}',
      'user: {u: {username: root, exists: true}}',
      'group: {g: {groupname: root, exists: true}}',
      'package: {p: {name: bash, installed: true}}',
      'service: {s: {name: sshd, enabled: true}}',
      'kernel-param: {k: {name: kernel.ostype, value: Linux}}',
      'mount: {m: {mountpoint: /, exists: true}}',
      'interface: {i: {name: lo, exists: true}}',
      'port: {p: {port: "tcp:22", listening: true}}',
      'process: {p: {comm: sshd, running: true}}',
      'addr: {a: {address: "tcp://127.0.0.1:22", reachable: true}}',
      'dns: {d: {resolve: localhost, resolveable: true}}',
      'http: {h: {url: "https://x", status: 200, proxy: "", ca-file: "", cert-file: "", key-file: ""}}',
      'matching: {m: {content: "a", as-reader: true, matches: ["a"]}}',
      'command: {c: {exec: true, exit-status: 0, retry_count: 2, retry_delay: 2s}}',
    ].join('\n');
    const { controls } = parseControls(text, 'c.yaml');
    assert.equal(controls.length, 15);
    assert.deepEqual(controls.at(-1)!.retry, { count: 2, delayMs: 2000 });
  });
  it('docs/gossfile.md "gossfile": includes by key or by file:, and skip: true is not read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'telltale-goss-inc-'));
    try {
      await writeFile(
        path.join(dir, 'main.yaml'),
        'gossfile:\n  app:\n    file: app.yaml\n  off:\n    file: broken.yaml\n    skip: true\n',
      );
      await writeFile(path.join(dir, 'app.yaml'), 'user:\n  root: {exists: true}\n');
      await writeFile(path.join(dir, 'broken.yaml'), 'not: [valid\n');
      const controls = await loadControls(path.join(dir, 'main.yaml'));
      assert.deepEqual(
        controls.map((c) => `${c.type}:${c.id}`),
        ['user:root'],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('docs/gossfile.md "Important note": a repeated top-level type keeps only the last block, with a warning', () => {
    const parsed = parseControls('file:\n  /a: {exists: true}\nfile:\n  /b: {exists: true}\n', 'c.yaml');
    assert.deepEqual(
      parsed.controls.map((c) => c.id),
      ['/b'],
    );
    assert.match(parsed.warnings[0] ?? '', /c\.yaml:3: 'file:' appears again/);
  });
  it('resource/registry.go is Windows-only: a clear input error', () => {
    assert.throws(
      () => parseControls('registry:\n  HKLM\\x: {exists: true}\n', 'c.yaml'),
      /Windows-only Goss resource/,
    );
  });
});

describe('judging a resource (resource/resource.go shouldSkip, resource/file.go, resource/command.go)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-goss-sem-'));
    await writeFile(path.join(dir, 'real'), 'hello\n');
    await symlink('real', path.join(dir, 'link'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  it('resource/resource.go shouldSkip: when exists fails, the other attributes are skipped, not failed', async () => {
    const r = await onHost(`file:\n  ${dir}/missing:\n    exists: true\n    mode: "0644"\n`);
    assert.equal(r[`file ${dir}/missing exists`], 'failed');
    assert.equal(r[`file ${dir}/missing mode`], 'skipped');
  });
  it('resource/resource.go shouldSkip: exists: false that holds skips the rest too (actual false)', async () => {
    const r = await onHost(`file:\n  ${dir}/missing:\n    exists: false\n    owner: root\n`);
    assert.equal(r[`file ${dir}/missing exists`], 'passed');
    assert.equal(r[`file ${dir}/missing owner`], 'skipped');
  });
  it('resource/package.go: installed: false that holds skips versions', async () => {
    const r = await onHost('package:\n  no-such-package-xyz:\n    installed: false\n    versions: ["1.0"]\n');
    assert.equal(r['package no-such-package-xyz installed'], 'passed');
    assert.equal(r['package no-such-package-xyz versions'], 'skipped');
  });
  it('system/file.go: a symlink reports its own lstat mode 0777 and type, contents through the link', async () => {
    const r = await onHost(
      `file:\n  ${dir}/link:\n    filetype: symlink\n    mode: "0777"\n    linked-to: real\n    contents: [hello]\n`,
    );
    assert.deepEqual(Object.values(r), ['passed', 'passed', 'passed', 'passed']);
  });
  it('resource/file.go: ~ is the home of the user running the audit, and a relative path starts at the working directory', async () => {
    const home = os.homedir();
    const r = await onHost(
      `file:\n  "~":\n    exists: true\n    filetype: directory\n  package.json:\n    exists: true\n`,
    );
    assert.equal(r['file ~ exists'], 'passed', home);
    assert.equal(r['file package.json exists'], 'passed');
  });
  it('resource/file.go path override: the key is a label, path: is looked at', async () => {
    const r = await onHost(`file:\n  my label:\n    path: ${dir}/real\n    exists: true\n`);
    assert.equal(r['file my label exists'], 'passed');
  });
  it('resource/command.go: `exec: true` is YAML true, read by Goss as the command "true"', async () => {
    const r = await onHost('command:\n  always:\n    exec: true\n    exit-status: 0\n');
    assert.equal(r['command always exit-status'], 'passed');
  });
  it('resource/matching.go as-reader: content read as text, so a list of matches is line patterns', async () => {
    const r = await onHost(
      'matching:\n  m:\n    content: "a line\\nother"\n    as-reader: true\n    matches: ["/^other$/", "!missing"]\n',
    );
    assert.equal(r['matching m matches'], 'passed');
  });
  it('system/package_deb.go: dpkg status "install reinstreq half-installed" is not installed', () => {
    const pkgs = parseDpkgStatus(
      'Package: a\nStatus: install ok installed\nVersion: 1\n\nPackage: b\nStatus: install reinstreq half-installed\nVersion: 2\n\nPackage: c\nStatus: hold ok installed\nVersion: 3\n',
    );
    assert.deepEqual(
      pkgs.map((p) => p.name),
      ['a', 'c'],
    );
  });
});

describe('templates (docs/gossfile.md "Templates", template.go)', () => {
  it('docs/gossfile.md "Templates": mkSlice drives a range', () => {
    const out = render('file:\n{{- range mkSlice "/etc/passwd" "/etc/group"}}\n  {{.}}:\n    exists: true\n{{end}}');
    assert.deepEqual(
      parseControls(out, 'r.yaml').controls.map((c) => c.id),
      ['/etc/passwd', '/etc/group'],
    );
  });
  it('docs/gossfile.md "Templates": vars looked up by an env var, regexMatch in an if, a range over users', () => {
    const vars = {
      centos: { packages: { kernel: ['4.9.11-centos', '4.9.11-centos2'] } },
      users: ['user1', 'user2'],
    };
    const t = [
      'package:',
      '{{range $name, $vers := index .Vars .Env.OS "packages"}}',
      '  {{$name}}:',
      '    installed: true',
      '    versions:',
      '    {{range $vers}}',
      '      - {{.}}',
      '    {{end}}',
      '{{end}}',
      '{{if .Env.OS | regexMatch "[Cc]ent(OS|os)"}}',
      '  libselinux:',
      '    installed: true',
      '{{end}}',
      'user:',
      '{{range .Vars.users}}',
      '  {{.}}:',
      '    home: /home/{{.}}',
      '{{end}}',
    ].join('\n');
    const { controls } = parseControls(render(t, vars, { OS: 'centos' }), 'r.yaml');
    assert.deepEqual(
      controls.map((c) => `${c.type}:${c.id}`),
      ['package:kernel', 'package:libselinux', 'user:user1', 'user:user2'],
    );
    assert.deepEqual(controls[0]!.attributes.versions, ['4.9.11-centos', '4.9.11-centos2']);
  });
  it('docs/gossfile.md "Templates": Sprig upper | repeat 5', () => {
    assert.equal(render('{{ "hello!" | upper | repeat 5 }}'), 'HELLO!HELLO!HELLO!HELLO!HELLO!');
  });
  it('template.go missingkey=error: an unknown .Vars key is an error at its line and column', () => {
    assert.throws(
      () => render('a: 1\nb: {{ .Vars.nope }}\n'),
      (e: Error & { loc?: { line: number; column: number } }) => {
        assert.deepEqual(e.loc, { line: 2, column: 7 });
        return /map has no entry for key "nope"/.test(e.message);
      },
    );
  });
  it('template.go: {{.Env.HOME}} as a key renders the value, never the action text as a control id', () => {
    const { controls } = parseControls(
      render('file:\n  {{.Env.HOME}}:\n    exists: true\n', {}, { HOME: '/root' }),
      'r.yaml',
    );
    assert.equal(controls[0]!.id, '/root');
    assert.throws(() => render('file:\n  {{.Env.HOME}}:\n    exists: true\n'), /no entry for key "HOME"/);
  });
  it('an unknown function is refused before anything runs', () => {
    assert.throws(() => render('{{ now }}'), /function "now" not defined/);
    assert.throws(() => render('{{ define "x" }}{{ end }}'), /not supported/);
  });
  it('template.go getEnv, readFile (trimmed), toUpper/toLower, findStringSubmatch', () => {
    assert.equal(render('{{ getEnv "NOPE" "fallback" }}'), 'fallback');
    assert.equal(render('{{ readFile "/token" }}'), 'token-123');
    assert.equal(render('{{ "MiX" | toLower }}{{ "MiX" | toUpper }}'), 'mixMIX');
    assert.equal(render('{{ index (findStringSubmatch "u=([a-z]+)" "x u=bob y") 1 }}'), 'bob');
  });
  it('text/template: {{- and -}} trim the whitespace around an action; if/else if/else; with; variables', () => {
    assert.equal(render('a  {{- " b " -}}  c'), 'a b c');
    assert.equal(render('{{ if eq 1 2 }}x{{ else if eq 1 1 }}y{{ else }}z{{ end }}'), 'y');
    assert.equal(render('{{ with .Vars.u }}{{ .name }}{{ end }}', { u: { name: 'app' } }), 'app');
    assert.equal(render('{{ $x := 1 }}{{ range .Vars.l }}{{ $x = . }}{{ end }}{{ $x }}', { l: [2, 3] }), '3');
  });
  it('template.go loadVars: --vars-inline keys replace --vars keys', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'telltale-goss-vars-'));
    try {
      await writeFile(path.join(dir, 'vars.yaml'), 'a: 1\nb: 2\n');
      assert.deepEqual(await loadVars({ varsFile: path.join(dir, 'vars.yaml'), varsInline: '{"b": 3}' }), {
        a: 1,
        b: 3,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('a template cannot loop forever or grow without bound', () => {
    assert.throws(() => render('{{ range 100000000 }}x{{ end }}'), /too long/);
    assert.throws(() => render('{{ range until 1000000 }}{{ range until 1000000 }}x{{ end }}{{ end }}'), /steps|bytes/);
  });
});
