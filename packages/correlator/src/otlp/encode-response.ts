import type { OtlpSignal } from '@otel-provenance/core';
import type { OtlpEncoding } from './decode-request.js';
import { otlpRoot } from './otlp-schema.js';

const RESPONSES: Readonly<Record<OtlpSignal, { type: string; rejectedField: string }>> = {
  traces: { type: 'otlp.ExportTraceServiceResponse', rejectedField: 'rejectedSpans' },
  logs: { type: 'otlp.ExportLogsServiceResponse', rejectedField: 'rejectedLogRecords' },
  metrics: { type: 'otlp.ExportMetricsServiceResponse', rejectedField: 'rejectedDataPoints' },
};

/** Records the receiver could not use, reported back as an OTLP partial success. */
export interface Rejection {
  count: number;
  message: string;
}

/**
 * Encodes the success response. A rejection becomes `partialSuccess`; with a
 * count of 0 its message is a warning, as the OTLP specification allows.
 */
export function encodeExportResponse(
  signal: OtlpSignal,
  encoding: OtlpEncoding,
  rejection: Rejection | undefined,
): Buffer {
  const { type, rejectedField } = RESPONSES[signal];
  const body: Record<string, unknown> = {};
  if (rejection && rejection.count > 0) {
    body.partialSuccess = {
      [rejectedField]: String(rejection.count),
      errorMessage: rejection.message,
    };
  } else if (rejection) {
    body.partialSuccess = { errorMessage: rejection.message };
  }

  if (encoding === 'json') {
    return Buffer.from(JSON.stringify(body));
  }
  const messageType = otlpRoot.lookupType(type);
  return Buffer.from(messageType.encode(messageType.fromObject(body)).finish());
}

/**
 * Encodes a `google.rpc.Status` error body. `code` is the gRPC status code
 * (3 INVALID_ARGUMENT, 8 RESOURCE_EXHAUSTED, 14 UNAVAILABLE, 16 UNAUTHENTICATED).
 */
export function encodeStatus(encoding: OtlpEncoding, code: number, message: string): Buffer {
  if (encoding === 'json') {
    return Buffer.from(JSON.stringify({ code, message }));
  }
  const statusType = otlpRoot.lookupType('otlp.Status');
  return Buffer.from(statusType.encode(statusType.fromObject({ code, message })).finish());
}
