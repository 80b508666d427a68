import { describe, expect, it } from 'vitest';
import { isRoutableIp, normalizeIp } from '../src/parse/ip-address.js';

describe('normalizeIp', () => {
  // Examples from RFC 5952 section 4 and the forms it rejects.
  it.each([
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:0DB8:0000:0000:0000:0000:0002:0001', '2001:db8::2:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['::ffff:10.0.1.17', '::ffff:10.0.1.17'],
    ['0:0:0:0:0:ffff:0a00:0111', '::ffff:10.0.1.17'],
    ['10.42.3.27', '10.42.3.27'],
  ])('writes %s as %s', (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  it.each(['', 'localhost', '10.42.3', '2001:db8::1::2', '300.1.1.1', 'fe80::1%'])(
    'rejects %j',
    (input) => {
      expect(normalizeIp(input)).toBeUndefined();
    },
  );
});

describe('isRoutableIp', () => {
  it.each([
    ['10.42.3.27', true],
    ['2001:db8::1', true],
    ['127.0.0.1', false],
    ['169.254.10.2', false],
    ['::1', false],
    ['fe80::1', false],
    ['febf::1', false],
    ['::ffff:127.0.0.1', false],
    ['0.0.0.0', false],
  ])('classifies %s as %s', (address, expected) => {
    expect(isRoutableIp(address)).toBe(expected);
  });
});
