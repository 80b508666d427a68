import { describe, expect, it } from 'vitest';
import { normalizeIp } from '../src/ip-address.js';

describe('normalizeIp', () => {
  // Cases for each RFC 5952 rule: lower case, no leading zeros, the longest
  // zero run shortened. IPv4-mapped addresses become their IPv4 address.
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
    ['::ffff:10.0.1.17', '10.0.1.17'],
    ['::FFFF:192.0.2.2', '192.0.2.2'],
    ['0:0:0:0:0:ffff:0a00:0111', '10.0.1.17'],
    ['::ffff:c000:202', '192.0.2.2'],
    ['::ffff:192.0.2.2%eth0', '192.0.2.2'],
    ['::ffff:0.0.0.0', '0.0.0.0'],
    ['::fffe:c000:202', '::fffe:c000:202'],
    ['::1:ffff:c000:202', '::1:ffff:c000:202'],
    ['::c000:202', '::c000:202'],
    ['64:ff9b::c000:202', '64:ff9b::c000:202'],
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
    '::ffff:192.0.2.256',
    '::ffff:192.0.2',
  ])('rejects %j', (input) => {
    expect(normalizeIp(input)).toBeUndefined();
  });
});
