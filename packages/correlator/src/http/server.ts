import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OtlpSignal } from '@otel-provenance/core';
import type { NetworkRange } from '../leases/network-range.js';
import { createTimelineQueries } from '../query/timeline-queries.js';
import type { LeaseStore } from '../store/lease-store.js';
import { bearerToken, credentialFingerprint, tokenMatches } from './auth.js';
import { handleExport } from './ingest-handler.js';
import { jsonLineLogger, type Logger } from './log.js';
import { handleQuery, sendJson } from './query-handler.js';

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

const SIGNALS: Readonly<Record<string, OtlpSignal>> = {
  '/v1/traces': 'traces',
  '/v1/logs': 'logs',
  '/v1/metrics': 'metrics',
};

// Ranges change rarely; a short cache spares a store read per request.
const RANGE_CACHE_MS = 10_000;
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

  let rangeCache: { ranges: readonly NetworkRange[]; loadedAt: number } | undefined;
  const loadRanges = async () => {
    if (!rangeCache || now() - rangeCache.loadedAt > RANGE_CACHE_MS) {
      rangeCache = { ranges: await store.listRanges(), loadedAt: now() };
    }
    return rangeCache.ranges;
  };
  const ingest = {
    store,
    limits: {
      maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
      maxDecompressedBytes: options.maxDecompressedBytes ?? 16 * 1024 * 1024,
    },
    defaultReportIntervalMs: options.defaultReportIntervalMs ?? 60_000,
    loadRanges,
    log,
    storeOutage: { failedWrites: 0 },
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const peer = `${request.socket.remoteAddress ?? 'unknown'}:${request.socket.remotePort ?? 0}`;
    if (url.pathname === '/health') {
      sendJson(response, 200, { status: 'ok', store: store.kind });
      return;
    }

    const presented = bearerToken(request);
    if (options.token !== undefined && !tokenMatches(presented, options.token)) {
      log({
        level: 'warn',
        message: 'request rejected',
        reason: 'missing or wrong bearer token',
        status: 401,
        peer,
        path: url.pathname,
      });
      response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
      response.end(
        JSON.stringify({
          error: 'missing or wrong bearer token; send Authorization: Bearer <PROVENANCE_TOKEN>',
        }),
      );
      return;
    }

    const signal = SIGNALS[url.pathname];
    if (signal !== undefined) {
      if (request.method !== 'POST') {
        response.writeHead(405, { allow: 'POST', 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: `${url.pathname} accepts only POST` }));
        return;
      }
      await handleExport(
        request,
        response,
        signal,
        { peer, credential: credentialFingerprint(presented) },
        ingest,
      );
      return;
    }

    if (!(await handleQuery(request, response, url, queries, now))) {
      sendJson(response, 404, { error: `no such endpoint: ${request.method} ${url.pathname}` });
    }
    if (url.pathname.startsWith('/api/v1/networks') && request.method === 'POST') {
      rangeCache = undefined;
    }
  };

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

  const retentionMs = options.retentionMs ?? 30 * DAY_MS;
  const prune = () => {
    if (retentionMs > 0) {
      store.prune(now() - retentionMs).catch((error: unknown) => {
        log({
          level: 'error',
          message: 'retention pruning failed',
          store: store.kind,
          error: String(error),
        });
      });
    }
  };
  prune();
  const pruneTimer = setInterval(prune, options.pruneIntervalMs ?? 60 * 60 * 1000);
  pruneTimer.unref();

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
      clearInterval(pruneTimer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      log({ level: 'info', message: 'correlator stopped', url });
    },
  };
}
