import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OtlpSignal } from '@otel-provenance/core';
import { extractObservations } from '../leases/extract-observations.js';
import type { NetworkRange } from '../leases/network-range.js';
import { decodeRequest, MalformedRequestError, type OtlpEncoding } from '../otlp/decode-request.js';
import { encodeExportResponse, encodeStatus, type Rejection } from '../otlp/encode-response.js';
import type { LeaseStore } from '../store/lease-store.js';
import type { Logger } from './log.js';
import { BodyError, type BodyLimits, readBody } from './read-body.js';

/** Dependencies of the OTLP endpoints. */
export interface IngestContext {
  store: LeaseStore;
  limits: BodyLimits;
  defaultReportIntervalMs: number;
  loadRanges: () => Promise<readonly NetworkRange[]>;
  log: Logger;
  /** Store failures since the last successful write, so an outage is logged once. */
  storeOutage: { failedWrites: number };
}

const MEDIA_TYPES: Readonly<Record<string, OtlpEncoding>> = {
  'application/x-protobuf': 'protobuf',
  'application/protobuf': 'protobuf',
  'application/json': 'json',
};

// gRPC status codes carried in the google.rpc.Status body of each error response.
const GRPC_INVALID_ARGUMENT = 3;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;

/**
 * Handles `POST /v1/{signal}`: reads, decodes and stores the request, and
 * acknowledges it only after the store's write resolved. Every rejected
 * request gets the OTLP status code and a message, and is logged with the peer.
 */
export async function handleExport(
  request: IncomingMessage,
  response: ServerResponse,
  signal: OtlpSignal,
  reporter: { peer: string; credential: string | null },
  context: IngestContext,
): Promise<void> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const encoding = MEDIA_TYPES[mediaType];
  const reject = (status: number, code: number, message: string, size?: number) => {
    context.log({
      level: 'warn',
      message: 'request rejected',
      reason: message,
      status,
      peer: reporter.peer,
      path: request.url,
      size,
    });
    const replyEncoding = encoding ?? 'json';
    response.writeHead(status, {
      'content-type': replyEncoding === 'json' ? 'application/json' : 'application/x-protobuf',
      ...(status === 413 ? { connection: 'close' } : {}),
      ...(status === 503 ? { 'retry-after': '5' } : {}),
    });
    response.end(encodeStatus(replyEncoding, code, message));
  };

  if (encoding === undefined) {
    reject(
      415,
      GRPC_INVALID_ARGUMENT,
      `unsupported Content-Type "${mediaType}"; send application/x-protobuf or application/json`,
    );
    return;
  }

  let body: Buffer;
  try {
    body = await readBody(request, context.limits);
  } catch (error) {
    if (error instanceof BodyError) {
      const code = error.status === 413 ? GRPC_RESOURCE_EXHAUSTED : GRPC_INVALID_ARGUMENT;
      reject(
        error.status,
        code,
        error.message,
        Number(request.headers['content-length']) || undefined,
      );
      return;
    }
    throw error;
  }

  let decoded: ReturnType<typeof decodeRequest>;
  try {
    decoded = decodeRequest(body, signal, encoding);
  } catch (error) {
    if (error instanceof MalformedRequestError) {
      reject(400, GRPC_INVALID_ARGUMENT, error.message, body.length);
      return;
    }
    throw error;
  }

  // Both the range lookup and the write need the store; either failing is retryable.
  let extraction: ReturnType<typeof extractObservations>;
  try {
    extraction = extractObservations(decoded.request, {
      reporter,
      ranges: await context.loadRanges(),
      defaultReportIntervalMs: context.defaultReportIntervalMs,
    });
    await context.store.write(extraction.observations);
  } catch (error) {
    if (context.storeOutage.failedWrites === 0) {
      context.log({
        level: 'error',
        message: 'store write failed',
        store: context.store.kind,
        error: String(error),
        peer: reporter.peer,
      });
    }
    context.storeOutage.failedWrites++;
    reject(503, GRPC_UNAVAILABLE, 'the timeline store is unavailable; retry later', body.length);
    return;
  }
  if (context.storeOutage.failedWrites > 0) {
    context.log({
      level: 'info',
      message: 'store recovered',
      store: context.store.kind,
      failedWrites: context.storeOutage.failedWrites,
    });
    context.storeOutage.failedWrites = 0;
  }

  let rejection: Rejection | undefined;
  if (extraction.rejectedCount > 0) {
    rejection = { count: extraction.rejectedCount, message: summarize(extraction.rejectedReasons) };
  } else if (decoded.warning !== undefined) {
    rejection = { count: 0, message: decoded.warning };
  }
  response.writeHead(200, {
    'content-type': encoding === 'json' ? 'application/json' : 'application/x-protobuf',
  });
  response.end(encodeExportResponse(signal, encoding, rejection));
}

function summarize(reasons: readonly string[]): string {
  const first = reasons[0] ?? '';
  return reasons.length === 1 ? first : `${first} (and ${reasons.length - 1} more)`;
}
