import { describe, expect, it } from 'vitest';
import { selectExporters } from '../src/exporter-selection.js';
import { otlpConfig } from '../src/otlp-config.js';

describe('selectExporters', () => {
  it.each([
    [undefined, ['otlp']],
    ['', ['otlp']],
    ['console', ['console']],
    ['otlp, console', ['otlp', 'console']],
    ['otlp,none', []],
    ['none', []],
  ])('selects %j as %j', (value, kinds) => {
    const selection = selectExporters({ OTEL_TRACES_EXPORTER: value }, 'traces');

    expect(selection.kinds).toEqual(kinds);
    expect(selection.warnings).toEqual([]);
  });

  it('skips an unsupported exporter with a warning', () => {
    const selection = selectExporters({ OTEL_METRICS_EXPORTER: 'prometheus,otlp' }, 'metrics');

    expect(selection.kinds).toEqual(['otlp']);
    expect(selection.warnings[0]).toContain('OTEL_METRICS_EXPORTER: exporter "prometheus"');
  });
});

describe('otlpConfig', () => {
  it('defaults to localhost:4318 and the signal path', () => {
    const config = otlpConfig({}, 'logs', 3000, []);

    expect(config).toEqual({
      url: 'http://localhost:4318/v1/logs',
      headers: {},
      timeoutMillis: 3000,
      compression: 'none',
    });
  });

  it('prefers the signal-specific variables, used as given', () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9999/custom',
      OTEL_EXPORTER_OTLP_HEADERS: 'a=1,b=%20two',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=3',
      OTEL_EXPORTER_OTLP_TIMEOUT: '500',
      OTEL_EXPORTER_OTLP_TRACES_COMPRESSION: 'gzip',
    };

    expect(otlpConfig(env, 'traces', 3000, [])).toEqual({
      url: 'http://127.0.0.1:9999/custom',
      headers: { a: '1', b: '3' },
      timeoutMillis: 500,
      compression: 'gzip',
    });
    expect(otlpConfig(env, 'metrics', 3000, []).url).toBe('http://127.0.0.1:4318/v1/metrics');
    expect(otlpConfig(env, 'metrics', 3000, []).headers).toEqual({ a: '1', b: ' two' });
  });

  it('caps the export timeout at the flush timeout', () => {
    expect(otlpConfig({}, 'traces', 1200, []).timeoutMillis).toBe(1200);
  });

  it('warns about gRPC, which it does not speak', () => {
    const warnings: string[] = [];

    otlpConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, 'traces', 3000, warnings);

    expect(warnings[0]).toContain('OTEL_EXPORTER_OTLP_PROTOCOL="grpc" is not supported');
  });
});
