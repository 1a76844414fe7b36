// Colour, progress and tables as a person at a terminal sees them, and as a CI log must not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { colorEnabled, displayWidth, palette, progress, renderTable } from '../../shared/report/terminal.ts';

describe('colour', () => {
  test('on a TTY only, never with NO_COLOR or --no-color, forced by FORCE_COLOR', () => {
    assert.equal(colorEnabled({ isTTY: true, env: {} }), true);
    assert.equal(colorEnabled({ isTTY: false, env: {} }), false, 'a pipe or CI log gets no escape codes');
    assert.equal(colorEnabled({ isTTY: true, env: { NO_COLOR: '1' } }), false);
    assert.equal(colorEnabled({ isTTY: true, env: { NO_COLOR: '' } }), true, 'no-color.org: only a non-empty value');
    assert.equal(colorEnabled({ isTTY: true, env: {}, noColorFlag: true }), false);
    assert.equal(colorEnabled({ isTTY: true, env: { TERM: 'dumb' } }), false);
    assert.equal(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1' } }), true);
    assert.equal(colorEnabled({ isTTY: true, env: { FORCE_COLOR: '0' } }), true);
    assert.equal(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }), false, 'NO_COLOR wins');
  });
  test('a disabled palette returns text unchanged', () => {
    assert.equal(palette(false).red('x'), 'x');
    assert.equal(palette(true).red('x'), '\u001b[31mx\u001b[39m');
    assert.equal(displayWidth(palette(true).bold('abc')), 3);
  });
});

describe('tables', () => {
  test('columns line up, numbers align right, long cells are cut', () => {
    const out = renderTable(
      [{ header: 'Host' }, { header: 'Port', right: true }, { header: 'Status', max: 8 }],
      [
        ['registry.npmjs.org', '443', 'ok'],
        ['db.internal.test', '5432', 'connection refused'],
      ],
    );
    assert.equal(
      out,
      [
        'Host                Port  Status',
        '──────────────────  ────  ────────',
        'registry.npmjs.org   443  ok',
        'db.internal.test    5432  connect…',
        '',
      ].join('\n'),
    );
  });
  test('no cell can move the cursor, clear the screen or reorder the line', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 2 }), (row) => {
        const out = renderTable([{ header: 'a' }, { header: 'b' }], [row]);
        assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        assert.equal(out.split('\n').length, 4, 'one line per row');
      }),
    );
  });
});

describe('progress', () => {
  test('writes nothing when disabled (a pipe, CI, --quiet)', () => {
    const written: string[] = [];
    const p = progress((t) => written.push(t), false);
    p.update('reading 1 of 3 files');
    p.done();
    assert.deepEqual(written, []);
  });
  test('rewrites one line at most every interval, and clears it when done', () => {
    const written: string[] = [];
    let t = 0;
    const p = progress(
      (s) => written.push(s),
      true,
      100,
      () => t,
    );
    p.update('1 of 3');
    t = 50;
    p.update('2 of 3');
    t = 150;
    p.update('3 of 3');
    p.done();
    assert.deepEqual(written, ['\r\u001b[K1 of 3', '\r\u001b[K3 of 3', '\r\u001b[K']);
  });
});
