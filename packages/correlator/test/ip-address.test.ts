import { describe, expect, it } from 'vitest';
import { normalizeAddress, parseAddress, parseCidr } from '../src/leases/ip-address.js';
import { findOverlaps, resolveNetworks } from '../src/leases/network-range.js';

describe('normalizeAddress', () => {
  it.each([
    ['10.0.0.7', '10.0.0.7'],
    [' 10.0.0.7 ', '10.0.0.7'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::ffff:10.0.0.7', '10.0.0.7'],
    ['::ffff:a00:7', '10.0.0.7'],
  ])('normalizes %s', (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it.each(['', '10.0.0.256', 'host.example.com', '10.0.0.0/8'])('rejects %j', (input) => {
    expect(normalizeAddress(input)).toBeUndefined();
  });
});

describe('parseCidr', () => {
  it('clears host bits', () => {
    expect(parseCidr('10.1.2.3/16')?.canonical).toBe('10.1.0.0/16');
  });

  it('parses IPv6 ranges', () => {
    const cidr = parseCidr('2001:db8::/32');

    expect(cidr?.canonical).toBe('2001:db8::/32');
    expect(cidr?.last).toBe(parseAddress('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff')?.value);
  });

  it.each([
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
    ['::ffff:192.0.2.9/128', '192.0.2.9/32'],
    ['::ffff:0:0/96', '0.0.0.0/0'],
  ])('parses IPv4-mapped range %s as %s', (input, canonical) => {
    const cidr = parseCidr(input);

    expect(cidr?.version).toBe(4);
    expect(cidr?.canonical).toBe(canonical);
  });

  it.each([
    '10.0.0.0',
    '10.0.0.0/33',
    '10.0.0.0/8/1',
    'x/8',
    '::ffff:10.0.0.0/95',
    '::ffff:10.0.0.0/129',
  ])('rejects %j', (input) => {
    expect(parseCidr(input)).toBeUndefined();
  });
});

describe('resolveNetworks', () => {
  const ranges = [
    { network: 'vpc-a', cidr: '10.0.0.0/16', fromMs: 1000, untilMs: null },
    { network: 'vpc-b', cidr: '10.0.5.0/24', fromMs: 5000, untilMs: 9000 },
  ];

  it('uses the one range that contains the address', () => {
    expect(resolveNetworks('10.0.5.1', 2000, ranges)).toEqual([
      { network: 'vpc-a', resolution: 'range' },
    ]);
  });

  it('marks every network ambiguous when ranges overlap', () => {
    expect(resolveNetworks('10.0.5.1', 6000, ranges)).toEqual([
      { network: 'vpc-a', resolution: 'ambiguous' },
      { network: 'vpc-b', resolution: 'ambiguous' },
    ]);
  });

  it('returns unknown outside every range and period', () => {
    expect(resolveNetworks('10.0.5.1', 500, ranges)).toEqual([
      { network: 'unknown', resolution: 'unknown' },
    ]);
    expect(resolveNetworks('192.168.0.1', 6000, ranges)).toEqual([
      { network: 'unknown', resolution: 'unknown' },
    ]);
  });

  it('resolves an IPv4-mapped address by its IPv4 range', () => {
    expect(resolveNetworks('::ffff:10.0.0.9', 2000, ranges)).toEqual([
      { network: 'vpc-a', resolution: 'range' },
    ]);
  });

  it('finds overlapping ranges of different networks', () => {
    expect(findOverlaps(ranges)).toHaveLength(1);
    expect(findOverlaps([ranges[0]!, { ...ranges[1]!, fromMs: 0, untilMs: 900 }])).toEqual([]);
  });
});
