import { describe, expect, it } from 'vitest';
import { isRoutableIp, normalizeIp } from '../src/parse/ip-address.js';

describe('normalizeIp', () => {
  // Cases for each RFC 5952 rule: lower case, no leading zeros, the longest
  // zero run shortened, IPv4-mapped addresses dotted.
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
    ['::1:2:3:4:5:6:7', '0:1:2:3:4:5:6:7'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['1::2:3.4.5.6', '1::2:304:506'],
  ])('writes %s as %s', (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  it.each([
    '',
    'localhost',
    '10.42.3',
    '010.42.3.27',
    '2001:db8::1::2',
    '1:2:3:4:5:6:7:8::',
    ':1::',
    '12345::',
    '300.1.1.1',
    'fe80::1%',
  ])('rejects %j', (input) => {
    expect(normalizeIp(input)).toBeUndefined();
  });
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
