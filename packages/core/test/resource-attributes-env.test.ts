import { envDetector } from '@opentelemetry/resources';
import { describe, expect, it, vi } from 'vitest';
import {
  decodeResourceAttributes,
  encodeResourceAttributes,
  MAX_ENV_ENTRY_LENGTH,
} from '../src/resource-attributes-env.js';

// Parses a value with the SDK's own env detector, the parser every JS runtime uses.
function parseWithSdk(value: string): Record<string, unknown> {
  vi.stubEnv('OTEL_RESOURCE_ATTRIBUTES', value);
  vi.stubEnv('OTEL_SERVICE_NAME', '');
  try {
    return { ...envDetector.detect().attributes };
  } finally {
    vi.unstubAllEnvs();
  }
}

describe('encodeResourceAttributes', () => {
  it('round-trips through the SDK parser when values contain separators', () => {
    const attributes = {
      'service.name': 'checkout, eu=1',
      'vcs.ref.head.name': 'feature/äöü spaces ',
      'cicd.pipeline.run.url.full': 'https://ci.example.com/run?id=1&x=%41',
    };

    const { value, omitted } = encodeResourceAttributes(attributes);

    expect(omitted).toEqual([]);
    expect(parseWithSdk(value)).toEqual({
      ...attributes,
      'vcs.ref.head.name': 'feature/äöü spaces ',
    });
  });

  it('omits a value longer than the parser limit', () => {
    const long = 'x'.repeat(MAX_ENV_ENTRY_LENGTH + 1);

    const { value, omitted } = encodeResourceAttributes({ 'service.name': 'a', long });

    expect(omitted).toEqual(['long']);
    expect(parseWithSdk(value)).toEqual({ 'service.name': 'a' });
  });
});

describe('decodeResourceAttributes', () => {
  it('skips empty entries', () => {
    expect(decodeResourceAttributes(',a=1,, b = 2 ,')).toEqual({
      ok: true,
      attributes: { a: '1', b: '2' },
    });
  });

  it.each([
    ['an entry without "="', 'a=1,b'],
    ['an unencoded "="', 'a=1=2'],
    ['an empty key', '=1'],
    ['a bad percent-escape', 'a=%zz'],
  ])('discards the whole variable on %s', (_case, raw) => {
    expect(decodeResourceAttributes(raw).ok).toBe(false);
  });
});
