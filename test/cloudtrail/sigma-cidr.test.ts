// `|cidr` on sourceIPAddress is tested by many rules on every event, so it has its own small parser;
// node:net's BlockList, which is slower, is the reference it must agree with.
import assert from 'node:assert/strict';
import { BlockList, isIP } from 'node:net';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cidrMatcher, parseIPv4, parseIPv6 } from '../../shared/cloudtrail/rules/sigma/cidr.ts';

describe('cidr', () => {
  test('CloudTrail source values that are not addresses never match', () => {
    const any4 = cidrMatcher('0.0.0.0', 0, 4);
    const any6 = cidrMatcher('::', 0, 6);
    for (const text of [
      'AWS Internal',
      'ec2.amazonaws.com',
      '',
      '1.2.3',
      '256.1.1.1',
      '1.2.3.4.5',
      'fe80::1::2',
      '12345::',
    ]) {
      assert.equal(any4(text) || any6(text), false, text);
    }
  });

  test('IPv6 text forms: compressed, full, embedded IPv4, zone', () => {
    const net = cidrMatcher('2001:db8::', 32, 6);
    assert.equal(net('2001:db8::1'), true);
    assert.equal(net('2001:0DB8:0000:0000:0000:0000:0000:0001'), true);
    assert.equal(net('2001:db9::1'), false);
    assert.deepEqual(parseIPv6('::ffff:192.0.2.1'), [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]);
    assert.deepEqual(parseIPv6('fe80::1%eth0'), [0xfe80, 0, 0, 0, 0, 0, 0, 1]);
  });

  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
  const ipv6 = fc.ipV6();

  test('agrees with node:net on what is an address', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4, ipv6, fc.string(), fc.ipV4Extended()), (text) => {
        const family = isIP(text);
        assert.equal(parseIPv4(text) !== undefined, family === 4, text);
        if (!text.includes('%')) assert.equal(parseIPv6(text) !== undefined, family === 6, text);
      }),
      { numRuns: 2000 },
    );
  });

  test('agrees with BlockList on membership, for every prefix length', () => {
    fc.assert(
      fc.property(ipv4, ipv4, fc.integer({ min: 0, max: 32 }), (network, address, prefix) => {
        const list = new BlockList();
        list.addSubnet(network, prefix, 'ipv4');
        assert.equal(cidrMatcher(network, prefix, 4)(address), list.check(address, 'ipv4'));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(ipv6, ipv6, fc.integer({ min: 0, max: 128 }), (network, address, prefix) => {
        const list = new BlockList();
        list.addSubnet(network, prefix, 'ipv6');
        assert.equal(cidrMatcher(network, prefix, 6)(address), list.check(address, 'ipv6'));
      }),
      { numRuns: 2000 },
    );
  });

  test('nearby addresses fall on the right side of the prefix', () => {
    const m = cidrMatcher('192.0.2.0', 25, 4);
    assert.equal(m('192.0.2.127'), true);
    assert.equal(m('192.0.2.128'), false);
  });
});
