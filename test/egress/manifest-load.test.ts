/**
 * A manifest a person wrote by hand: what loads, and how each mistake is pointed at (file, line,
 * column, field) without a stack trace. The editor schema and the loader are the same file.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { loadManifest, parseManifest } from '../../shared/egress/manifest/manifest.ts';
import { InputError } from '../../shared/util/errors.ts';
import { runCli } from '../../cli/program.ts';

const ISSUE_EXAMPLE = `version: 1
allow:
  - host: registry.npmjs.org        # exact name
    ports: [443]
    reason: npm install             # optional: reason, owner
  - host: "*.githubusercontent.com" # wildcard: one or more labels under the suffix
    ports: [443]
  - host: pypi.org                  # no ports: any port
  - cidr: 10.0.0.0/8                # IPv4 or IPv6 CIDR
    ports: [5432, "8000-8100"]
    transport: tcp                  # optional
`;

function problem(text: string): InputError {
  try {
    parseManifest(text, 'egress.yml');
  } catch (error) {
    assert.ok(error instanceof InputError, `an InputError, not ${String(error)}`);
    return error;
  }
  assert.fail('the manifest was accepted');
}

describe('loading the egress manifest', () => {
  it('reads the example from the issue', () => {
    const m = parseManifest(ISSUE_EXAMPLE, 'egress.yml');
    assert.equal(m.entries.length, 4);
    assert.deepEqual(m.entries[0]!.ports, [{ from: 443, to: 443 }]);
    assert.equal(m.entries[0]!.reason, 'npm install');
    assert.equal(m.entries[1]!.host, '*.githubusercontent.com');
    assert.equal(m.entries[2]!.ports, undefined);
    assert.deepEqual(m.entries[3]!.cidr, { address: '10.0.0.0', prefix: 8, family: 'ipv4', text: '10.0.0.0/8' });
    assert.deepEqual(m.entries[3]!.ports, [
      { from: 5432, to: 5432 },
      { from: 8000, to: 8100 },
    ]);
    assert.equal(m.entries[3]!.location.line, 9);
  });

  it('points at the port that is out of range: allow[3].ports[0]', () => {
    const e = problem(ISSUE_EXAMPLE.replace('[5432, "8000-8100"]', '[70000, "8000-8100"]'));
    assert.equal(e.describe().split('\n')[0], 'egress.yml:10:13: allow[3].ports[0]: 70000 is not a port');
  });

  it('points at a reversed range, an unknown field, a bad wildcard, a bad CIDR and a missing host', () => {
    const cases: [string, string][] = [
      [
        'version: 1\nallow:\n  - host: a.com\n    ports: ["9000-8000"]\n',
        'egress.yml:4:13: allow[0].ports[0]: "9000-8000" is not a port',
      ],
      [
        'version: 1\nallow:\n  - host: a.com\n    port: 443\n',
        "egress.yml:4:5: allow[0].port: unknown field 'port' (did you mean 'ports'?)",
      ],
      [
        'version: 1\nallow:\n  - host: "x.*.com"\n',
        `egress.yml:3:11: allow[0].host: "x.*.com" is not a host name (a wildcard is only allowed as a leading '*.')`,
      ],
      [
        'version: 1\nallow:\n  - cidr: 10.0.0.0/33\n',
        "egress.yml:3:11: allow[0].cidr: '10.0.0.0/33' is not an IPv4 or IPv6 network",
      ],
      [
        'version: 1\nallow:\n  - ports: [443]\n',
        'egress.yml:3:5: allow[0]: an entry needs exactly one of host or cidr',
      ],
      ['version: 2\nallow: []\n', 'egress.yml:1:10: version: 2 is not a supported version (use 1)'],
      [
        'version: 1\nallow:\n  - host: a.com\n    transport: sctp\n',
        'egress.yml:4:16: allow[0].transport: "sctp" must be one of "tcp", "udp"',
      ],
    ];
    for (const [text, expected] of cases) assert.equal(problem(text).describe().split('\n')[0], expected);
  });

  it('reports broken YAML with its position', () => {
    const e = problem('version: 1\nallow:\n  - host: a.com\n   ports: [443\n');
    assert.equal(e.location?.file, 'egress.yml');
    assert.ok(e.location?.line !== undefined && e.location.line >= 3);
    assert.match(e.message, /not valid YAML/);
  });

  it('the shipped JSON Schema accepts the issue example and rejects a port out of range', async () => {
    const schema = JSON.parse(
      await readFile(new URL('../../schemas/egress-manifest.schema.json', import.meta.url), 'utf8'),
    );
    const validate = new Ajv({ strict: true, strictRequired: false }).compile(schema);
    assert.equal(
      validate({ version: 1, allow: [{ host: 'a.com', ports: [443, '8000-8100'] }, { cidr: '::1/128' }] }),
      true,
    );
    assert.equal(validate({ version: 1, allow: [{ host: 'a.com', ports: [70000] }] }), false);
  });

  describe('from the command line', () => {
    let dir: string;
    before(async () => (dir = await mkdtemp(path.join(tmpdir(), 'telltale-manifest-'))));
    after(() => rm(dir, { recursive: true, force: true }));

    it('a missing manifest is a usage error (exit 2) with a hint, not a stack', async () => {
      const err: string[] = [];
      const code = await runCli(
        ['egress', 'diff', '--manifest', path.join(dir, 'nope.yml'), path.join(dir, 'r.json')],
        {
          stdout: () => {},
          stderr: (t) => err.push(t),
        },
      );
      assert.equal(code, 2);
      assert.match(err.join(''), /nope\.yml: manifest not found/);
      assert.match(err.join(''), /hint:/);
      assert.doesNotMatch(err.join(''), /at .*\.ts:\d+/);
    });

    it('loadManifest names the file in every message', async () => {
      const file = path.join(dir, 'egress.yml');
      await writeFile(file, 'version: 1\nallow:\n  - host: a.com\n    ports: [0]\n');
      await assert.rejects(loadManifest(file), (e: InputError) =>
        e.describe().startsWith(`${file}:4:13: allow[0].ports[0]: 0 is not a port`),
      );
    });
  });
});
