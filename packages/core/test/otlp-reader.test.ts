import { describe, expect, it } from 'vitest';
import { decodeAnyValue } from '../src/otlp/any-value.js';
import { OtlpShapeError } from '../src/otlp/otlp-types.js';
import { detectOtlpSignal, readOtlpRequest, readUnixNano } from '../src/otlp/read-otlp-request.js';
import { splitJsonValues } from '../src/otlp/split-json-values.js';

describe('decodeAnyValue', () => {
  it.each([
    [{ stringValue: 'a' }, 'a'],
    [{ boolValue: false }, false],
    [{ intValue: '10' }, 10],
    [{ intValue: 7 }, 7],
    [{ intValue: '9223372036854775807' }, '9223372036854775807'],
    [{ doubleValue: 1.5 }, 1.5],
    [{ doubleValue: 'Infinity' }, Number.POSITIVE_INFINITY],
    [{ bytesValue: 'AAAwOQ==' }, 'AAAwOQ=='],
    [{ arrayValue: { values: [{ stringValue: 'x' }, { intValue: '2' }] } }, ['x', 2]],
    [{ kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } }, { k: true }],
    [{}, undefined],
  ])('decodes %j', (input, expected) => {
    expect(decodeAnyValue(input, 'value')).toEqual(expected);
  });

  it.each([
    [{ stringValue: 5 }, 'value.stringValue must be a string'],
    [{ intValue: '1.5' }, 'value.intValue must be an integer'],
    [{ arrayValue: { values: 'x' } }, 'value.arrayValue.values must be an array'],
    ['text', 'value must be an AnyValue object'],
  ])('rejects %j naming the field', (input, message) => {
    expect(() => decodeAnyValue(input, 'value')).toThrow(OtlpShapeError);
    expect(() => decodeAnyValue(input, 'value')).toThrow(message);
  });
});

describe('readOtlpRequest', () => {
  it('reads records per resource with their times', () => {
    const request = readOtlpRequest(
      {
        resourceLogs: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
            scopeLogs: [
              { logRecords: [{ timeUnixNano: '5', eventName: 'e' }, { observedTimeUnixNano: 7 }] },
            ],
          },
        ],
        unknownField: true,
      },
      'logs',
    );

    expect(request.recordCount).toBe(2);
    expect(request.resources[0]!.attributes).toEqual({ 'service.name': 'svc' });
    expect(
      request.resources[0]!.records.map((r) => [
        r.timeUnixNano,
        r.observedTimeUnixNano,
        r.eventName,
      ]),
    ).toEqual([
      [5n, 0n, 'e'],
      [0n, 7n, undefined],
    ]);
  });

  it('counts data points of every metric kind', () => {
    const points = { dataPoints: [{ timeUnixNano: '1' }] };
    const request = readOtlpRequest(
      {
        resourceMetrics: [
          {
            scopeMetrics: [
              {
                metrics: [
                  { gauge: points },
                  { sum: points },
                  { histogram: points },
                  { exponentialHistogram: points },
                  { summary: points },
                ],
              },
            ],
          },
        ],
      },
      'metrics',
    );

    expect(request.recordCount).toBe(5);
  });

  it('reads a body with other key names as zero records', () => {
    expect(readOtlpRequest({ resource_logs: [{}] }, 'logs').recordCount).toBe(0);
    expect(detectOtlpSignal({ resource_logs: [] })).toBeUndefined();
  });

  it.each(['-1', '1e9', 'x', 1.5])('rejects the timestamp %j', (value) => {
    expect(() => readUnixNano(value, 'time')).toThrow('time must be nanoseconds');
  });
});

describe('splitJsonValues', () => {
  it('splits JSON Lines and concatenated values with their lines', () => {
    const chunks = splitJsonValues('{"a":1}\n{"b":"}{"}\n\n{\n  "c": [1]\n}{"d":2}');

    expect(chunks).toEqual([
      { text: '{"a":1}', line: 1 },
      { text: '{"b":"}{"}', line: 2 },
      { text: '{\n  "c": [1]\n}', line: 4 },
      { text: '{"d":2}', line: 6 },
    ]);
  });

  it('keeps a stray word whole', () => {
    expect(splitJsonValues('{"a":1}\nnot json \n{"b":2}')).toEqual([
      { text: '{"a":1}', line: 1 },
      { text: 'not json', line: 2 },
      { text: '{"b":2}', line: 3 },
    ]);
  });

  it('keeps an unterminated value as the last chunk', () => {
    expect(splitJsonValues('{"a":1}\n{"b":')).toEqual([
      { text: '{"a":1}', line: 1 },
      { text: '{"b":', line: 2 },
    ]);
  });
});
