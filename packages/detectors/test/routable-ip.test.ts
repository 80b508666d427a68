import { describe, expect, it } from 'vitest';
import { isRoutableIp } from '../src/parse/routable-ip.js';

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
