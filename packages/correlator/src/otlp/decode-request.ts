import {
  OTLP_REQUEST_KEYS,
  type OtlpRequest,
  type OtlpSignal,
  readOtlpRequest,
} from '@otel-provenance/core';
import { otlpRoot } from './otlp-schema.js';

const REQUEST_TYPES: Readonly<Record<OtlpSignal, string>> = {
  traces: 'otlp.ExportTraceServiceRequest',
  logs: 'otlp.ExportLogsServiceRequest',
  metrics: 'otlp.ExportMetricsServiceRequest',
};

/** The body encodings OTLP/HTTP defines. */
export type OtlpEncoding = 'protobuf' | 'json';

/** A body that is not a valid export request; the message names what is wrong. */
export class MalformedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedRequestError';
  }
}

/**
 * Decodes an export request body of `signal`. Throws `MalformedRequestError`
 * for invalid protobuf, invalid JSON, or a known field of the wrong type.
 */
export function decodeRequest(
  body: Buffer,
  signal: OtlpSignal,
  encoding: OtlpEncoding,
): DecodedRequest {
  const message = encoding === 'protobuf' ? decodeProtobuf(body, signal) : parseJson(body);
  let request: OtlpRequest;
  try {
    request = readOtlpRequest(message, signal);
  } catch (error) {
    throw new MalformedRequestError(`invalid ${signal} request: ${(error as Error).message}`);
  }
  const warning = encoding === 'json' ? protoNameWarning(message, signal) : undefined;
  return { request, warning };
}

/** A decoded request, and a warning for the sender when its body was accepted but looks wrong. */
export interface DecodedRequest {
  request: OtlpRequest;
  warning: string | undefined;
}

// OTLP/JSON ignores unknown fields, so a body written with the proto field
// names (`resource_spans`) decodes to nothing, and the response warns the sender.
function protoNameWarning(message: unknown, signal: OtlpSignal): string | undefined {
  const camel = OTLP_REQUEST_KEYS[signal];
  const snake = camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  if (typeof message === 'object' && message !== null && snake in message && !(camel in message)) {
    return `no records read: "${snake}" is a protobuf field name; OTLP/JSON requires lowerCamelCase keys such as "${camel}"`;
  }
  return undefined;
}

function decodeProtobuf(body: Buffer, signal: OtlpSignal): unknown {
  const type = otlpRoot.lookupType(REQUEST_TYPES[signal]);
  try {
    const decoded = type.decode(body);
    return type.toObject(decoded, { longs: String, bytes: String });
  } catch (error) {
    throw new MalformedRequestError(
      `invalid protobuf ${type.name}: ${(error as Error).message}; send a binary OTLP message or set Content-Type: application/json`,
    );
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new MalformedRequestError(`invalid JSON body: ${(error as Error).message}`);
  }
}
