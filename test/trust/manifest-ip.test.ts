// A manifest entry `host: 203.0.113.5` is an address: it allows a connection to that address.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findMatch } from '../../shared/egress/manifest/match.ts';
import type { ManifestEntry } from '../../shared/egress/manifest/manifest.ts';

const entry = (host: string): ManifestEntry => ({ host, ports: [{ from: 443, to: 443 }] }) as ManifestEntry;
const endpoint = (host: string, addresses: string[] = []) => ({
  host,
  port: 443,
  transport: 'tcp' as const,
  addresses,
});

describe('a manifest host that is an IP literal', () => {
  test('allows a connection nothing named, to that address', () => {
    assert.equal(findMatch([entry('203.0.113.5')], endpoint('203.0.113.5'))?.via, 'host');
  });
  test('allows a name that was reached at that address', () => {
    assert.ok(findMatch([entry('203.0.113.5')], endpoint('cdn.example', ['203.0.113.5'])));
  });
  test('matches the IPv4-mapped IPv6 spelling of the same address', () => {
    assert.ok(findMatch([entry('203.0.113.5')], endpoint('::ffff:203.0.113.5')));
  });
  test('does not allow a neighbouring address, another port, or a name that merely looks alike', () => {
    assert.equal(findMatch([entry('203.0.113.5')], endpoint('203.0.113.6')), undefined);
    assert.equal(findMatch([entry('203.0.113.5')], { ...endpoint('203.0.113.5'), port: 22 }), undefined);
    assert.equal(findMatch([entry('203.0.113.5')], endpoint('203.0.113.5.evil.example', ['198.51.100.1'])), undefined);
  });
});
