import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** An attribute value decoded from OTLP JSON into plain JavaScript. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** One span, log record or metric as it arrived, with its resource. */
export interface Received {
  signal: 'traces' | 'logs' | 'metrics';
  name: string;
  eventName?: string;
  body?: Plain;
  attributes: Record<string, Plain>;
  resource: Record<string, Plain>;
  /** Metric data points in this metric; 1 for spans and log records. */
  points: number;
  /** The values of a sum or gauge metric's data points. */
  values: number[];
}

/** `ok` accepts every export; `stall` reads it and never responds, like a hung receiver. */
export type ReceiverMode = 'ok' | 'stall';

/**
 * A small OTLP/HTTP JSON receiver on 127.0.0.1 and a free port, for end-to-end tests: it keeps
 * every span, log record and metric it receives, decoded to plain values.
 */
export class OtlpReceiver {
  readonly records: Received[] = [];
  private readonly stalled: ServerResponse[] = [];
  private readonly server = createServer((request, response) => this.handle(request, response));

  private constructor(private readonly mode: ReceiverMode) {}

  /** Starts a receiver; close it with {@link OtlpReceiver.close}. */
  static async start(mode: ReceiverMode = 'ok'): Promise<OtlpReceiver> {
    const receiver = new OtlpReceiver(mode);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** The base URL, for `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Returns the records of one signal. */
  of(signal: Received['signal']): Received[] {
    return this.records.filter((record) => record.signal === signal);
  }

  async close(): Promise<void> {
    for (const response of this.stalled) {
      response.destroy();
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (this.mode === 'stall') {
        this.stalled.push(response);
        return;
      }
      const signal = request.url?.replace(/^\/v1\//, '') as Received['signal'];
      if (!['traces', 'logs', 'metrics'].includes(signal)) {
        response.writeHead(404).end();
        return;
      }
      let raw = Buffer.concat(chunks);
      if (request.headers['content-encoding'] === 'gzip') {
        raw = gunzipSync(raw);
      }
      this.records.push(...decode(signal, JSON.parse(raw.toString('utf8'))));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  }
}

type Json = Record<string, unknown>;

function decode(signal: Received['signal'], body: Json): Received[] {
  const key = { traces: 'resourceSpans', logs: 'resourceLogs', metrics: 'resourceMetrics' }[signal];
  const scopeKey = { traces: 'scopeSpans', logs: 'scopeLogs', metrics: 'scopeMetrics' }[signal];
  const itemKey = { traces: 'spans', logs: 'logRecords', metrics: 'metrics' }[signal];
  const records: Received[] = [];
  for (const resourceEntry of (body[key] as Json[] | undefined) ?? []) {
    const resource = attributes((resourceEntry.resource as Json | undefined)?.attributes);
    for (const scope of (resourceEntry[scopeKey] as Json[] | undefined) ?? []) {
      for (const item of (scope[itemKey] as Json[] | undefined) ?? []) {
        records.push({
          signal,
          name: String(item.name ?? ''),
          eventName: item.eventName as string | undefined,
          body: item.body === undefined ? undefined : plain(item.body as Json),
          attributes: attributes(item.attributes),
          resource,
          points: signal === 'metrics' ? dataPoints(item).length : 1,
          values: signal === 'metrics' ? dataPoints(item).map(pointValue) : [],
        });
      }
    }
  }
  return records;
}

function dataPoints(metric: Json): Json[] {
  for (const kind of ['sum', 'gauge', 'histogram', 'exponentialHistogram', 'summary']) {
    const data = metric[kind] as Json | undefined;
    if (data !== undefined) {
      return (data.dataPoints as Json[] | undefined) ?? [];
    }
  }
  return [];
}

function pointValue(point: Json): number {
  return Number(point.asInt ?? point.asDouble ?? point.sum ?? Number.NaN);
}

function attributes(list: unknown): Record<string, Plain> {
  const result: Record<string, Plain> = {};
  for (const entry of (list as Json[] | undefined) ?? []) {
    result[String(entry.key)] = plain(entry.value as Json);
  }
  return result;
}

function plain(value: Json | undefined): Plain {
  if (value === undefined || value === null) {
    return null;
  }
  if ('stringValue' in value) return value.stringValue as string;
  if ('boolValue' in value) return value.boolValue as boolean;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return Number(value.doubleValue);
  if ('arrayValue' in value) {
    return (((value.arrayValue as Json).values as Json[] | undefined) ?? []).map(plain);
  }
  if ('kvlistValue' in value) {
    return attributes((value.kvlistValue as Json).values);
  }
  return null;
}
