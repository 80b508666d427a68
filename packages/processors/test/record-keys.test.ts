import { COMPACT_RECORD_KEYS } from '@otel-provenance/core';
import { describe, expect, it } from 'vitest';
import { parseRecordAttributes, resolveRecordKeys } from '../src/index.js';

describe('parseRecordAttributes', () => {
  it.each([
    ['none', []],
    ['compact', COMPACT_RECORD_KEYS],
    [' compact ', COMPACT_RECORD_KEYS],
    ['service.name, host.ip,,service.name', ['service.name', 'host.ip']],
  ])('parses %j', (text, keys) => {
    const parsed = parseRecordAttributes(text);

    expect(parsed.error).toBeUndefined();
    expect(parsed.keys).toEqual(keys);
  });

  it.each(['', ' , ', 'service name', 'service.name;host.ip'])(
    'falls back to compact for %j',
    (text) => {
      const parsed = parseRecordAttributes(text);

      expect(parsed.error).toMatch(/expected none, compact or comma-separated attribute keys/);
      expect(parsed.keys).toEqual(COMPACT_RECORD_KEYS);
    },
  );
});

describe('resolveRecordKeys', () => {
  it('uses compact when unset', () => {
    expect(resolveRecordKeys(undefined)).toEqual(COMPACT_RECORD_KEYS);
  });
});
