import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTimelineQueries } from '../query/timeline-queries.js';
import type { LeaseStore } from '../store/lease-store.js';
import { jsonLineLogger, type Logger } from './log.js';
import { sendJson } from './query-handler.js';
import { createRangeCache } from './range-cache.js';
import { scheduleRetention } from './retention.js';
import { createRequestHandler } from './route-request.js';

/** Options of `startCorrelator`. */
export interface CorrelatorOptions {
  store: LeaseStore;
  /** Default `127.0.0.1`: the receiver is reachable only from this machine unless another host is set. */
  host?: string;
  /** Default 4318, the OTLP/HTTP port; 0 picks a free port. */
  port?: number;
  /** The bearer token every OTLP and query request must present; none when unset. */
  token?: string;
  /** Maximum request body size in bytes; default 4 MiB. */
  maxBodyBytes?: number;
  /** Maximum body size after gzip decompression, in bytes; default 16 MiB. */
  maxDecompressedBytes?: number;
  /** `entity.report.interval` assumed when an event has none, and the telemetry grace is twice it; default 60000. */
  defaultReportIntervalMs?: number;
  /** Claims older than this are pruned; default 30 days. 0 keeps everything. */
  retentionMs?: number;
  /** How often retention runs; default one hour. */
  pruneIntervalMs?: number;
  log?: Logger;
  now?: () => number;
}

/** A running correlator. */
export interface RunningCorrelator {
  /** The base URL, such as `http://127.0.0.1:4318`. */
  url: string;
  port: number;
  /** Stops accepting requests, waits for open ones, then stops retention. Does not close the store. */
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Starts the OTLP/HTTP receiver and the query API. Rejects when the address
 * cannot be bound (for example, the port is in use).
 */
export async function startCorrelator(options: CorrelatorOptions): Promise<RunningCorrelator> {
  const { store } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? jsonLineLogger((line) => process.stderr.write(line));
  const queries = createTimelineQueries(store, now);

  const rangeCache = createRangeCache(store, now);
  const ingest = {
    store,
    limits: {
      maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
      maxDecompressedBytes: options.maxDecompressedBytes ?? 16 * 1024 * 1024,
    },
    defaultReportIntervalMs: options.defaultReportIntervalMs ?? 60_000,
    loadRanges: rangeCache.load,
    log,
    storeOutage: { failedWrites: 0 },
  };

  const handle = createRequestHandler({
    store,
    token: options.token,
    log,
    queries,
    now,
    ingest,
    invalidateRanges: rangeCache.invalidate,
  });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log({ level: 'error', message: 'request failed', error: String(error), path: request.url });
      if (!response.headersSent) {
        sendJson(response, 500, { error: 'internal error; see the correlator log' });
      } else {
        response.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4318, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const stopRetention = await scheduleRetention(store, {
    retentionMs: options.retentionMs ?? 30 * DAY_MS,
    intervalMs: options.pruneIntervalMs ?? 60 * 60 * 1000,
    now,
    log,
  });

  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log({
    level: 'info',
    message: 'correlator started',
    url,
    store: store.kind,
    auth: options.token !== undefined,
  });

  return {
    url,
    port,
    async close() {
      stopRetention();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      log({ level: 'info', message: 'correlator stopped', url });
    },
  };
}
