/**
 * A manifest with several mistakes: one run lists them all, each at its line and column, and a
 * misspelled field is answered with the one the user meant.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../shared/egress/manifest/manifest.ts';
import { closest, editDistance } from '../../shared/util/suggest.ts';
import { InputError } from '../../shared/util/errors.ts';

function problem(text: string): InputError {
  try {
    parseManifest(text, 'egress.yml');
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error;
  }
  assert.fail('the manifest was accepted');
}

const SIX_MISTAKES = `version: 1
alow: []
allow:
  - hots: registry.npmjs.org
    ports: [443]
  - host: pypi.org
    prots: [443]
    transprot: tcp
  - host: files.pythonhosted.org
    ports: [70000]
  - cidr: 10.0.0.0/8
    transport: sctp
`;

describe('a manifest with several mistakes', () => {
  it('lists every one, located, in file order, with "did you mean" for misspelled fields', () => {
    const lines = problem(SIX_MISTAKES).describe().split('\n');
    assert.deepEqual(lines, [
      "egress.yml:2:1: alow: unknown field 'alow' (did you mean 'allow'?)",
      "  egress.yml:4:5: allow[0].hots: unknown field 'hots' (did you mean 'host'?)",
      "  egress.yml:7:5: allow[1].prots: unknown field 'prots' (did you mean 'ports'?)",
      "  egress.yml:8:5: allow[1].transprot: unknown field 'transprot' (did you mean 'transport'?)",
      '  egress.yml:10:13: allow[2].ports[0]: 70000 is not a port',
      '  egress.yml:12:16: allow[3].transport: "sctp" must be one of "tcp", "udp"',
      '  hint: 6 problems; schemas/egress-manifest.schema.json describes the format',
    ]);
  });

  it('the first problem keeps its structured location (editors and the action read it)', () => {
    const e = problem(SIX_MISTAKES);
    assert.deepEqual(e.location, { file: 'egress.yml', line: 2, column: 1, field: 'alow' });
  });

  it('a field nothing resembles lists the known ones instead of guessing', () => {
    const line = problem('version: 1\nallow:\n  - host: a.com\n    comment: why\n').describe().split('\n')[0];
    assert.equal(
      line,
      "egress.yml:4:5: allow[0].comment: unknown field 'comment' (known: host, cidr, ports, transport, reason, owner, probe)",
    );
  });

  it('a pasted wall of mistakes is listed up to twenty and counted beyond', () => {
    const entries = Array.from({ length: 30 }, (_, i) => `  - host: h${i}.example\n    ports: [${70000 + i}]\n`).join(
      '',
    );
    const text = problem(`version: 1\nallow:\n${entries}`).describe();
    assert.equal(text.split('\n').filter((l) => /is not a port/.test(l)).length, 20);
    assert.match(text, /… and 10 more/);
    assert.match(text, /hint: 30 problems/);
  });
});

describe('suggestions', () => {
  it('counts a swap of neighbours as one edit, so a typo by a fast hand is one step away', () => {
    assert.equal(editDistance('prots', 'ports'), 1);
    assert.equal(editDistance('hots', 'host'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('suggests only what is close enough to be a slip', () => {
    assert.equal(closest('Host', ['host', 'cidr']), 'host');
    assert.equal(closest('verison', ['version', 'allow']), 'version');
    assert.equal(closest('zzz', ['host', 'cidr']), undefined);
    assert.equal(closest('po', ['ports']), undefined);
  });
});
