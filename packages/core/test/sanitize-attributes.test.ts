import { DiagLogLevel, diag } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { boundString, MAX_VALUE_LENGTH } from '../src/sanitize/bound-value.js';
import { sanitizeAndReport, sanitizeAttributes } from '../src/sanitize/sanitize-attributes.js';

describe('boundString', () => {
  it.each([
    ['a newline', 'main\nFAKE', 'mainFAKE'],
    ['a carriage return and tab', 'a\r\tb', 'ab'],
    ['an escape sequence', '\u001b[31mred\u001b[0m', '[31mred[0m'],
    ['DEL and C1 characters', 'a\u007fb\u0085c', 'abc'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'abc'],
    ['a NUL', 'a\u0000b', 'ab'],
  ])('removes %s', (_case, raw, expected) => {
    expect(boundString(raw)).toEqual({ value: expected, truncated: false });
  });

  it('keeps a value at the bound', () => {
    const value = 'x'.repeat(MAX_VALUE_LENGTH);

    expect(boundString(value)).toEqual({ value, truncated: false });
  });

  it('cuts a value over the bound', () => {
    const result = boundString('x'.repeat(MAX_VALUE_LENGTH + 10));

    expect(result.value).toHaveLength(MAX_VALUE_LENGTH);
    expect(result.truncated).toBe(true);
  });

  it('never splits a surrogate pair when cutting', () => {
    const result = boundString(`abc${'😀'.repeat(10)}`, 6);

    expect(result.value).toBe('abc😀');
    expect(result.truncated).toBe(true);
  });
});

describe('sanitizeAttributes', () => {
  it('scrubs every URL-valued key', () => {
    const result = sanitizeAttributes({
      'cicd.pipeline.run.url.full': 'https://u:FAKE@ci.example.com/run/1?token=FAKE',
      'vcs.repository.url.full': 'git@github.com:org/repo.git',
      'url.full': 'https://ci.example.com/a?sig=FAKE',
    });

    expect(result.attributes).toEqual({
      'cicd.pipeline.run.url.full': 'https://ci.example.com/run/1',
      'vcs.repository.url.full': 'https://github.com/org/repo',
      'url.full': 'https://ci.example.com/a',
    });
  });

  it('removes credentials of URLs nested in other values', () => {
    const result = sanitizeAttributes({
      'cicd.pipeline.name': 'deploy from https://bot:FAKE@git.example.com/r.git',
      'cicd.pipeline.run.url.full': 'https://ci.example.com/r?next=https://u:FAKE@h.example.com/',
    });

    expect(JSON.stringify(result.attributes)).not.toContain('FAKE');
  });

  it('drops an unparsable URL instead of keeping it raw', () => {
    const result = sanitizeAttributes({ 'vcs.repository.url.full': 'not a url FAKE' });

    expect(result.attributes).toEqual({});
    expect(result.dropped).toEqual(['vcs.repository.url.full']);
  });

  it.each([
    ['an empty string', ''],
    ['a blank string', '  \n '],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an object', { a: 1 }],
    ['an array of blanks', ['', ' ']],
  ])('drops %s', (_case, value) => {
    const result = sanitizeAttributes({ key: value });

    expect(result.attributes).toEqual({});
    expect(result.dropped).toEqual(['key']);
  });

  it('skips null and undefined without reporting them', () => {
    const result = sanitizeAttributes({ a: null, b: undefined });

    expect(result).toEqual({ attributes: {}, truncated: [], dropped: [] });
  });

  it('keeps booleans, finite numbers and cleaned arrays', () => {
    const result = sanitizeAttributes({
      flag: false,
      count: 0,
      ips: ['10.0.0.1', '', 'fe80::1\n'],
    });

    expect(result.attributes).toEqual({ flag: false, count: 0, ips: ['10.0.0.1', 'fe80::1'] });
  });

  it('reports each truncated key', () => {
    const result = sanitizeAttributes(
      { a: 'x'.repeat(20), b: 'short', c: ['y'.repeat(20)] },
      { maxLength: 8 },
    );

    expect(result.attributes).toEqual({ a: 'x'.repeat(8), b: 'short', c: ['y'.repeat(8)] });
    expect(result.truncated).toEqual(['a', 'c']);
  });
});

describe('sanitizeAndReport', () => {
  afterEach(() => {
    diag.disable();
  });

  it('warns once for all truncated values', () => {
    const warnings: string[] = [];
    diag.setLogger(
      {
        error: () => {},
        warn: (message: string) => warnings.push(message),
        info: () => {},
        debug: () => {},
        verbose: () => {},
      },
      DiagLogLevel.WARN,
    );

    sanitizeAndReport({ a: 'x'.repeat(20), b: 'y'.repeat(20) }, 'test input', { maxLength: 8 });

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('2 value(s) cut to 8 characters: a, b');
  });
});
