import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../src/rfc3339.js';

describe('parseRfc3339', () => {
  it.each([
    ['2026-01-31T12:00:00Z', Date.UTC(2026, 0, 31, 12)],
    ['2026-01-31T12:00:00.250Z', Date.UTC(2026, 0, 31, 12, 0, 0, 250)],
    ['2026-01-31t12:00:00z', Date.UTC(2026, 0, 31, 12)],
    ['2026-01-31T12:00:00+02:00', Date.UTC(2026, 0, 31, 10)],
    ['2026-01-31T12:00:00-05:30', Date.UTC(2026, 0, 31, 17, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('parses %s', (text, expected) => {
    expect(parseRfc3339(text)).toBe(expected);
  });

  it.each([
    ['no offset', '2026-01-31T12:00:00'],
    ['no seconds', '2026-01-31T12:00Z'],
    ['a date only', '2026-01-31'],
    ['February 30', '2026-02-30T00:00:00Z'],
    ['February 29 in a common year', '2026-02-29T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['hour 24', '2026-01-31T24:00:00Z'],
    ['a leap second', '2026-12-31T23:59:60Z'],
    ['an offset hour of 24', '2026-01-31T12:00:00+24:00'],
    ['a word', 'yesterday'],
    ['a number', '1767182400000'],
  ])('rejects %s', (_case, text) => {
    expect(parseRfc3339(text)).toBeUndefined();
  });
});
