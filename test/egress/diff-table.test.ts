/**
 * The terminal table `egress diff` prints on a TTY: statuses coloured by what they mean, and host
 * names from packets (anyone can put anything in an SNI) unable to move the cursor or recolour the line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffEgress, type ObservedEndpoint } from '../../shared/egress/diff/diff.ts';
import { parseManifest } from '../../shared/egress/manifest/manifest.ts';
import { judgeEgress } from '../../shared/egress/policy.ts';
import { renderDiffTable } from '../../shared/egress/render/terminal.ts';
import { palette } from '../../shared/report/terminal.ts';

const endpoint = (host: string, port: number, extra: Partial<ObservedEndpoint> = {}): ObservedEndpoint => ({
  host,
  port,
  transport: 'tcp',
  protocol: 'https',
  addresses: [],
  namedBy: 'sni',
  firstSeen: '2026-11-23T06:00:00.000Z',
  lastSeen: '2026-11-23T06:00:01.000Z',
  connections: 1,
  failed: 0,
  bytes: 100,
  ...extra,
});

const manifest = parseManifest('version: 1\nallow:\n  - host: registry.npmjs.org\n    ports: [443]\n', 'egress.yml');
const hostile = 'evil.example\u001b[2J\u001b[32mallowed\u202e';

describe('the egress diff table', () => {
  const table = (policy: 'audit' | 'enforce', c = palette(true)) =>
    renderDiffTable(
      judgeEgress(
        diffEgress(manifest, [{ endpoints: [endpoint('registry.npmjs.org', 443), endpoint(hostile, 443)] }]),
        {
          policy,
          manifest: 'egress.yml',
        },
      ),
      c,
    );

  it('new is red when the job fails, yellow when it is only reported; allowed is green', () => {
    assert.match(table('enforce'), /\u001b\[31mnew\s*\u001b\[39m/);
    assert.match(table('audit'), /\u001b\[33mnew\s*\u001b\[39m/);
    assert.match(table('audit'), /\u001b\[32mallowed\u001b\[39m {2}registry\.npmjs\.org/);
  });

  it('a host name cannot clear the screen, colour itself or reverse the line', () => {
    const text = table('enforce', palette(false));
    assert.doesNotMatch(text, /[\u001b\u202e]/, JSON.stringify(text));
    assert.match(text, /evil\.example/);
  });
});
