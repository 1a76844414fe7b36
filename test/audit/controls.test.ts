/**
 * Reading a controls file: a typo is an error that names file:line:column (never a silent pass),
 * positions survive for SARIF, and `gossfile:` includes are followed as Goss follows them.
 */
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { parseControls, RESOURCE_ATTRIBUTES, SETTINGS } from '../../shared/audit/controls.ts';
import { repoRoot } from '../harness/runner.ts';
import { loadControls } from '../../shared/audit/load.ts';
import { InputError } from '../../shared/util/errors.ts';

/** The one-line error a user sees for `text`, or fails when it parses. */
function errorOf(text: string): string {
  try {
    parseControls(text, 'controls.yaml');
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error.describe();
  }
  assert.fail('the controls parsed without an error');
}

describe('a malformed controls file is an input error at file:line:column', () => {
  it('an unknown attribute (a typo of mode) is an error with the accepted names', () => {
    const e = errorOf('file:\n  /etc/passwd:\n    exists: true\n    mod: "0644"\n');
    assert.match(e, /^controls\.yaml:4:5: file\.\/etc\/passwd\.mod: unknown attribute 'mod' for file/);
    assert.match(e, /hint: file accepts: exists, path, mode,/);
  });
  it('an unknown resource type names the known ones', () => {
    assert.match(
      errorOf('file: {}\npackages:\n  bash: {installed: true}\n'),
      /^controls\.yaml:2:1: .*unknown resource type 'packages'/,
    );
  });
  it('a YAML syntax error points at the line', () => {
    assert.match(
      errorOf('file:\n  /x:\n    exists: [true\n'),
      /^controls\.yaml:4:1: the controls file is not valid YAML/,
    );
  });
  it('a resource repeated under its type is an error, not "the last wins"', () => {
    assert.match(
      errorOf('file:\n  /etc/passwd:\n    exists: true\n  /etc/passwd:\n    exists: false\n'),
      /^controls\.yaml:4:3: .*Map keys must be unique/,
    );
  });
  it('an unknown matcher keyword points at its value', () => {
    assert.match(
      errorOf('file:\n  /x:\n    mode: {have-prefx: "0"}\n'),
      /^controls\.yaml:3:11: .*unknown matcher 'have-prefx'/,
    );
  });
  it('meta.impact outside 0–1, meta.tags not strings', () => {
    assert.match(
      errorOf('file:\n  /x:\n    meta: {impact: 3}\n'),
      /controls\.yaml:3:5: .*meta\.impact is a number from 0 to 1/,
    );
    assert.match(errorOf('file:\n  /x:\n    meta: {tags: [1]}\n'), /meta\.tags is a list of strings/);
  });
  it('a list where a map of resources belongs', () => {
    assert.match(errorOf('- file\n'), /^controls\.yaml:1:1: a controls file is a map of resource types/);
    assert.match(errorOf('file:\n  - /etc/passwd\n'), /'file' holds a map of resources keyed by id/);
  });
  it('an unknown image attribute and an unknown gossfile attribute', () => {
    assert.match(
      errorOf('image:\n  user: app\n  volume: [/data]\n'),
      /controls\.yaml:3:3: image\.config\.volume: unknown attribute 'volume' for image/,
    );
    assert.match(errorOf('gossfile:\n  other.yaml:\n    bogus: 1\n'), /unknown attribute 'bogus' for gossfile/);
  });
  it('a command timeout that is not a positive number of milliseconds', () => {
    assert.match(errorOf('command:\n  sleep 1:\n    timeout: -1\n'), /timeout is milliseconds/);
  });
});

describe('a valid controls file', () => {
  const text = [
    '# comment',
    'file:',
    '  /etc/passwd:',
    '    title: accounts',
    '    exists: true',
    '    mode: "0644"',
    '    meta: {id: AUD-1, impact: 0.7, tags: [cis]}',
    'port:',
    '  tcp:22:',
    '    listening: false',
    '    skip: true',
    'image:',
    '  user: app',
    '  env: {PATH: {have-prefix: /usr}, LANG: C.UTF-8}',
    '',
  ].join('\n');
  const { controls } = parseControls(text, 'c.yaml');
  it('keeps each control and attribute position for SARIF and annotations', () => {
    const file = controls[0]!;
    assert.deepEqual(file.position, { file: 'c.yaml', line: 3, column: 3 });
    assert.equal(file.attributePositions.mode?.line, 6);
    assert.deepEqual(file.meta, { id: 'AUD-1', impact: 0.7, tags: ['cis'] });
    assert.equal(file.title, 'accounts');
    assert.deepEqual(Object.keys(file.attributes), ['exists', 'mode']);
  });
  it('skip is kept, not dropped', () => {
    assert.equal(controls[1]!.skip, true);
    assert.equal(controls[1]!.id, 'tcp:22');
  });
  it('the image section is one control whose env is a map of matchers', () => {
    const image = controls[2]!;
    assert.equal(image.type, 'image');
    assert.deepEqual(image.attributes.env, { PATH: { 'have-prefix': '/usr' }, LANG: 'C.UTF-8' });
  });
  it('an empty file has no controls', () => {
    assert.deepEqual(parseControls('', 'e.yaml').controls, []);
    assert.deepEqual(parseControls('# nothing yet\n', 'e.yaml').controls, []);
  });
});

describe('gossfile includes', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-includes-'));
    await mkdir(path.join(dir, 'parts'));
    await writeFile(
      path.join(dir, 'main.yaml'),
      'gossfile:\n  parts/*.yaml: {}\n  skipped.yaml:\n    skip: true\nuser:\n  root: {exists: true}\n',
    );
    await writeFile(path.join(dir, 'parts', 'a.yaml'), 'group:\n  root: {exists: true}\n');
    await writeFile(path.join(dir, 'parts', 'b.yaml'), 'file:\n  /etc/hostname: {exists: true}\n');
    await writeFile(path.join(dir, 'cycle-a.yaml'), 'gossfile:\n  cycle-b.yaml: {}\n');
    await writeFile(path.join(dir, 'cycle-b.yaml'), 'gossfile:\n  cycle-a.yaml: {}\n');
    await writeFile(path.join(dir, 'missing.yaml'), 'gossfile:\n  nowhere/*.yaml: {}\n');
    await mkdir(path.join(dir, 'broken'));
    await writeFile(path.join(dir, 'bad-part.yaml'), 'gossfile:\n  broken/c.yaml: {}\n');
    await writeFile(path.join(dir, 'broken', 'c.yaml'), 'file:\n  /x:\n    exist: true\n');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  it('globs relative to the including file, in sorted order, each control keeping its own file', async () => {
    const controls = await loadControls(path.join(dir, 'main.yaml'));
    assert.deepEqual(
      controls.map((c) => `${c.type}:${c.id}@${path.basename(c.position.file)}`),
      ['user:root@main.yaml', 'group:root@a.yaml', 'file:/etc/hostname@b.yaml'],
    );
  });
  it('a cycle is an error, not a hang', async () => {
    await assert.rejects(loadControls(path.join(dir, 'cycle-a.yaml')), /include cycle/);
  });
  it('an include that matches nothing is an error at its line', async () => {
    await assert.rejects(loadControls(path.join(dir, 'missing.yaml')), (e: InputError) => {
      assert.match(e.describe(), /missing\.yaml:2:3: .*'nowhere\/\*\.yaml' matches no file/);
      return true;
    });
  });
  it('an error inside an included file names that file', async () => {
    await assert.rejects(loadControls(path.join(dir, 'bad-part.yaml')), (e: InputError) => {
      assert.match(e.describe(), /broken\/c\.yaml:3:5: .*unknown attribute 'exist'/);
      return true;
    });
  });
});

describe('the shipped JSON Schema agrees with the parser', () => {
  const schema = JSON.parse(
    readFileSync(path.join(repoRoot, 'schemas', 'audit-controls.schema.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  const check = (text: string) => validate(parse(text) as unknown);
  it('accepts the bundled sample and every attribute the parser knows', () => {
    assert.ok(
      check(readFileSync(path.join(repoRoot, 'samples', 'audit-host', 'controls.yaml'), 'utf8')),
      JSON.stringify(validate.errors),
    );
    for (const [type, names] of Object.entries(RESOURCE_ATTRIBUTES)) {
      if (type === 'gossfile' || type === 'image') continue;
      const doc = {
        [type]: {
          x: Object.fromEntries(
            names.map((n) => [
              n,
              SETTINGS.has(n)
                ? n === 'timeout'
                  ? 5
                  : n === 'request-headers'
                    ? []
                    : ['allow-insecure', 'no-follow-redirects', 'as-reader'].includes(n)
                      ? true
                      : 'v'
                : 'v',
            ]),
          ),
        },
      };
      assert.ok(validate(doc), `${type}: ${JSON.stringify(validate.errors)}`);
      parseControls(stringify(doc), 'x.yaml');
    }
  });
  it('rejects what the parser rejects: a typo, an unknown type, an unknown matcher, impact > 1', () => {
    for (const bad of [
      'file:\n  /x: {mod: "0644"}\n',
      'packages: {}\n',
      'file:\n  /x: {mode: {have-prefx: "0"}}\n',
      'file:\n  /x: {meta: {impact: 2}}\n',
    ]) {
      assert.equal(check(bad), false, bad);
      assert.throws(() => parseControls(bad, 'x.yaml'), InputError);
    }
  });
});
