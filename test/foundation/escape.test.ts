// Untrusted strings (DNS names anyone can send, CloudTrail fields) render as text, never as markup.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { escapeHtml, escapeMarkdown, escapeXml, markdownCode, visibleControls } from '../../shared/report/escape.ts';
import { markdownTable, truncateMarkdown } from '../../shared/report/markdown.ts';

describe('escaping untrusted text', () => {
  test('a link, an image and raw HTML in a host name stay text in Markdown', () => {
    const md = escapeMarkdown('x](https://evil)![i](https://evil/p.png)<img src=x onerror=alert(1)>');
    assert.doesNotMatch(md, /(?<!\\)\]\(/, 'no unescaped ](');
    assert.doesNotMatch(md, /<img/);
    assert.match(md, /&lt;img/);
  });
  test('@org/team, #123, owner/repo#12 and GH-7 do not mention or link', () => {
    const md = escapeMarkdown('@org/team fixes #123, octo/app#12 and GH-7');
    assert.doesNotMatch(md, /@org/);
    assert.match(md, /@\u200borg/);
    // GitHub links references in the rendered text, where `\\#` is already `#`: the zero-width
    // space after the sigil is what keeps `#123` from matching its reference pattern.
    const rendered = new MarkdownIt().renderInline(md);
    assert.doesNotMatch(rendered, /(^|[^\w])#\d/);
    assert.doesNotMatch(rendered, /[\w.-]+\/[\w.-]+#\d/);
    assert.doesNotMatch(rendered, /\bGH-\d/i);
    assert.match(rendered, /#\u200b123/);
  });
  test('a pipe cannot end a table cell and a newline cannot end the row', () => {
    const table = markdownTable(['host'], [[escapeMarkdown('a|b\nc')], [markdownCode('d|e\nf')]]);
    const rows = table.split('\n');
    assert.equal(rows.length, 4);
    for (const row of rows.slice(2)) assert.equal(row.match(/(?<!\\)\|/g)?.length, 2, row);
  });
  test('a code span holds backticks safely', () => {
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`x'), '`` `x ``');
  });
  test('bidi overrides and control characters become visible', () => {
    assert.equal(visibleControls('a\u202eb\u0000c'), 'a\\u{202e}b\\u{0}c');
  });
  test('HTML escaping covers attributes', () => {
    assert.equal(escapeHtml(`"'<>&`), '&quot;&#39;&lt;&gt;&amp;');
  });
  test('XML drops characters XML 1.0 forbids', () => {
    assert.equal(escapeXml('a\u0001<'), 'a\\u{1}&lt;');
  });
  test('no string of any content can open a tag or a link in Markdown', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const md = escapeMarkdown(s);
        assert.doesNotMatch(md, /<[a-z!/?]/i);
        assert.doesNotMatch(md, /(?<!\\)[[\]()`]/);
      }),
      { numRuns: 500 },
    );
  });
  test('truncation keeps the limit, cuts at a line and never splits a surrogate pair', () => {
    const body = 'line\n'.repeat(100) + '😀'.repeat(100);
    const cut = truncateMarkdown(body, 300, '(truncated: see the job summary)');
    assert.ok(cut.length <= 300);
    assert.match(cut, /\(truncated: see the job summary\)$/);
    assert.equal(truncateMarkdown('short', 300, 'x'), 'short');
    const emoji = truncateMarkdown('😀'.repeat(50), 21, 'n');
    assert.ok(!/[\ud800-\udbff]$/.test(emoji.split('\n')[0]!));
  });
});
