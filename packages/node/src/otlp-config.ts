import type { Signal } from './exporter-selection.js';

/** Settings of the OTLP/HTTP exporter of one signal. */
export interface OtlpConfig {
  url: string;
  headers: Record<string, string>;
  timeoutMillis: number;
  compression: 'gzip' | 'none';
}

const DEFAULT_ENDPOINT = 'http://localhost:4318';
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Builds one signal's OTLP/HTTP settings from the `OTEL_EXPORTER_OTLP_*` variables, the
 * signal-specific one first, as the OpenTelemetry exporter specification orders them. The
 * export timeout is capped at `flushTimeoutMs`, because the exporter's retries run until that
 * timeout and would otherwise keep a finished process alive (10 s by default).
 */
export function otlpConfig(
  env: Record<string, string | undefined>,
  signal: Signal,
  flushTimeoutMs: number,
  warnings: string[],
): OtlpConfig {
  const upper = signal.toUpperCase();
  const read = (name: string) =>
    blankAsUnset(env[`OTEL_EXPORTER_OTLP_${upper}_${name}`]) ??
    blankAsUnset(env[`OTEL_EXPORTER_OTLP_${name}`]);

  const signalEndpoint = blankAsUnset(env[`OTEL_EXPORTER_OTLP_${upper}_ENDPOINT`]);
  const baseEndpoint = blankAsUnset(env.OTEL_EXPORTER_OTLP_ENDPOINT) ?? DEFAULT_ENDPOINT;
  const url = signalEndpoint ?? `${baseEndpoint.replace(/\/+$/, '')}/v1/${signal}`;

  const timeoutText = read('TIMEOUT');
  let timeoutMillis = DEFAULT_TIMEOUT_MS;
  if (timeoutText !== undefined) {
    const parsed = Number(timeoutText);
    if (Number.isInteger(parsed) && parsed > 0) {
      timeoutMillis = parsed;
    } else {
      warnings.push(
        `OTEL_EXPORTER_OTLP_TIMEOUT="${timeoutText}" is invalid: expected milliseconds > 0`,
      );
    }
  }

  const protocol = read('PROTOCOL');
  if (protocol !== undefined && protocol !== 'http/json' && protocol !== 'http/protobuf') {
    warnings.push(
      `OTEL_EXPORTER_OTLP_PROTOCOL="${protocol}" is not supported; sending http/json to ${url}`,
    );
  }

  return {
    url,
    headers: {
      ...parseHeaders(blankAsUnset(env.OTEL_EXPORTER_OTLP_HEADERS)),
      ...parseHeaders(blankAsUnset(env[`OTEL_EXPORTER_OTLP_${upper}_HEADERS`])),
    },
    timeoutMillis: Math.min(timeoutMillis, flushTimeoutMs),
    compression: read('COMPRESSION') === 'gzip' ? 'gzip' : 'none',
  };
}

function parseHeaders(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (text === undefined) {
    return headers;
  }
  for (const entry of text.split(',')) {
    const index = entry.indexOf('=');
    if (index <= 0) {
      continue;
    }
    try {
      headers[decodeURIComponent(entry.slice(0, index).trim())] = decodeURIComponent(
        entry.slice(index + 1).trim(),
      );
    } catch {
      // A malformed percent-escape drops only that header, as the SDK's own parser does.
    }
  }
  return headers;
}

function blankAsUnset(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
