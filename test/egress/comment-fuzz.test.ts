/**
 * Whatever bytes arrive as host names and step names, the PR comment renders them as text, and
 * whatever text a manifest holds, loading it ends in a manifest or an InputError with a position.
 * fast-check generates the inputs; markdown-it (CommonMark, raw HTML on) is the renderer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { diffEgress, type ObservedEndpoint } from '../../shared/egress/diff/diff.ts';
import { renderDiffMarkdown } from '../../shared/egress/diff/render.ts';
import { parseManifest } from '../../shared/egress/manifest/manifest.ts';
import { InputError } from '../../shared/util/errors.ts';

const md = new MarkdownIt({ html: true, linkify: true });
const manifest = parseManifest(
  'version: 1\nallow:\n  - host: registry.npmjs.org\n    ports: [443]\n',
  '.github/egress.yml',
);

// Strings biased towards Markdown and HTML syntax, with arbitrary Unicode mixed in.
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'<>[]()!`*_|\\@#&:/\n\r"\' -=~.a1'.split('')), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const endpoint = (host: string, step: string, port: number): ObservedEndpoint => ({
  host,
  port,
  transport: 'tcp',
  protocol: 'tls',
  addresses: [],
  namedBy: 'sni',
  firstSeen: '2026-11-23T06:00:00Z',
  lastSeen: '2026-11-23T06:00:00Z',
  connections: 1,
  failed: 0,
  steps: [step],
});

describe('fuzzing the egress comment and the manifest loader', () => {
  it('no generated host or step name becomes a link, an image, a tag or an extra table row', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 6 }), (pairs) => {
        const endpoints = pairs
          .filter(([host]) => host.trim() !== '')
          .map(([host, step], i) => endpoint(host, step, 1000 + i));
        fc.pre(endpoints.length > 0);
        const body = renderDiffMarkdown(diffEgress(manifest, [{ endpoints }]), {
          policy: 'audit',
          manifest: 'egress.yml',
        });
        const html = md.render(body);
        assert.doesNotMatch(html, /<(a|img|script|iframe|svg)[\s>]/i);
        // The <details> summary and its closing tag are the only raw HTML in the body.
        assert.equal((html.match(/<\/details>/g) ?? []).length, 1);
        const newTable = body.split('#### New endpoints')[1]!.split('\n\n')[1]!;
        assert.equal(newTable.split('\n').length, 2 + endpoints.length, 'one row per endpoint');
      }),
      { numRuns: 300 },
    );
  });

  it('any text is either a manifest or an InputError that says where', () => {
    const yamlish = fc.string({
      unit: fc.constantFrom(...'version: 1\nallow:- host:ports[]"*.,0123456789cidr/'.split('')),
      maxLength: 120,
    });
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ maxLength: 80 })), (text) => {
        try {
          parseManifest(text, 'egress.yml');
        } catch (error) {
          assert.ok(error instanceof InputError, `not an InputError: ${String(error)}`);
          assert.equal(error.location?.file, 'egress.yml');
        }
      }),
      { numRuns: 500 },
    );
  });
});
