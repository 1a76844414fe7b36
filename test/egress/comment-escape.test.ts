/**
 * Host names come from DNS packets and TLS hellos anyone on the path can send. A name built to be
 * Markdown or HTML must reach the PR as text: no link, no image, no tag, no @mention, no table break.
 * The body is posted through the stand-in API, read back, and rendered by a real CommonMark parser.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { diffEgress, type ObservedEndpoint } from '../../shared/egress/diff/diff.ts';
import { renderDiffMarkdown } from '../../shared/egress/diff/render.ts';
import { parseManifest } from '../../shared/egress/manifest/manifest.ts';
import { markdownCodeBlock } from '../../shared/report/escape.ts';
import { publishComment } from '../../shared/github/comments.ts';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';

const HOSTILE = [
  'x](https://evil.example/steal)',
  '@org/team',
  '<img src=x onerror=alert(1)>',
  '![pic](https://evil.example/p.png)',
  'a|b\n| injected | row |',
  '```\n</details><script>alert(1)</script>',
  'www.evil.example',
  'trojan\u202esource',
];

function endpoint(host: string): ObservedEndpoint {
  return {
    host,
    port: 443,
    transport: 'tcp',
    protocol: 'tls',
    addresses: ['203.0.113.7'],
    namedBy: 'sni',
    firstSeen: '2026-11-23T06:00:00Z',
    lastSeen: '2026-11-23T06:00:00Z',
    connections: 1,
    failed: 0,
    steps: ['Run @org/team <b>build</b>'],
  };
}

describe('hostile host names in the PR comment', () => {
  let api: GitHubApi;
  before(async () => {
    api = await startGitHubApi();
    api.addToken('rw', { login: 'github-actions[bot]', access: 'write', installation: true });
  });
  after(() => api.close());

  it('render as text after a round trip through the API and a CommonMark renderer', async () => {
    const manifest = parseManifest(
      'version: 1\nallow:\n  - host: registry.npmjs.org\n    ports: [443]\n',
      '.github/egress.yml',
    );
    const diff = diffEgress(manifest, [{ endpoints: HOSTILE.map(endpoint) }]);
    const body = renderDiffMarkdown(diff, { policy: 'enforce', manifest: '.github/egress.yml' });
    const outcome = await publishComment({
      token: 'rw',
      apiUrl: api.url,
      target: { owner: 'octo', repo: 'app', issue: 12 },
      key: 'egress',
      body,
      summary: async () => assert.fail('posting should work'),
      log: () => {},
    });
    assert.equal(outcome.posted, true);
    const posted = api.comments('octo/app', 12)[0]!.body;

    const html = new MarkdownIt({ html: true, linkify: true }).render(posted);
    assert.doesNotMatch(html, /<a\s/i, 'no link');
    assert.doesNotMatch(html, /<img/i, 'no image');
    assert.doesNotMatch(html, /<script/i, 'no script');
    assert.doesNotMatch(html, /<b>build/i, 'no tag from a step name');
    const prose = html.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
    assert.doesNotMatch(prose, /@org\/team/, 'no @mention outside code');
    assert.doesNotMatch(posted, /\u202e/, 'bidi override made visible');
    // Every row of the new-endpoints table stays one row: 8 endpoints, 8 rows, no injected one.
    const table = posted.split('#### New endpoints')[1]!.split('####')[0]!;
    assert.equal(table.split('\n').filter((l) => l.startsWith('| `')).length, HOSTILE.length);
    assert.doesNotMatch(html, /<td>\s*injected\s*<\/td>/);
    // The details block is closed exactly once: the name cannot close it early.
    assert.equal((html.match(/<\/details>/g) ?? []).length, 1);
  });

  it('the manifest snippet is YAML that loads, and proposes only names that are DNS names', () => {
    const manifest = parseManifest('version: 1\nallow: []\n', 'egress.yml');
    const body = renderDiffMarkdown(diffEgress(manifest, [{ endpoints: HOSTILE.map(endpoint) }]), {
      policy: 'audit',
      manifest: 'egress.yml',
    });
    const block = /(`{3,})yaml\n([\s\S]*?)\n\1/.exec(body);
    assert.ok(block, 'a fenced yaml block');
    const entries = parse(block[2]!) as { host: string; ports: number[] }[];
    assert.deepEqual(entries, [{ host: 'www.evil.example', ports: [443] }]);
    assert.match(body, /7 names that are not a valid DNS name were left out/);
  });
  it('a code block cannot be closed from inside, however many backticks the text holds', () => {
    const text = 'a\n```\n<img src=x>\n````\n~~~\n[l](https://evil)';
    const html = new MarkdownIt({ html: true, linkify: true }).render(`${markdownCodeBlock(text, 'yaml')}\n\nafter`);
    assert.equal((html.match(/<pre>/g) ?? []).length, 1);
    assert.doesNotMatch(html, /<img|<a\s/);
    assert.match(html, /<p>after<\/p>/);
  });
});
