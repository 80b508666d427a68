import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OtlpSignal } from '@otel-provenance/core';
import type { TimelineQueries } from '../query/timeline-queries.js';
import type { LeaseStore } from '../store/lease-store.js';
import { bearerToken, credentialFingerprint, tokenMatches } from './auth.js';
import { handleExport, type IngestContext } from './ingest-handler.js';
import type { Logger } from './log.js';
import { handleQuery, sendJson } from './query-handler.js';

/** The services the request router dispatches to. */
export interface RouterDependencies {
  store: LeaseStore;
  token: string | undefined;
  log: Logger;
  queries: TimelineQueries;
  now: () => number;
  ingest: IngestContext;
  /** Called after a request changed the registered ranges. */
  invalidateRanges: () => void;
}

const SIGNALS: Readonly<Record<string, OtlpSignal>> = {
  '/v1/traces': 'traces',
  '/v1/logs': 'logs',
  '/v1/metrics': 'metrics',
};

/**
 * Builds the handler of every request: `/health` without a token, then the
 * bearer token check, then the OTLP endpoints and the query API. Rejects only
 * on an unexpected error, for which the server responds with 500.
 */
export function createRequestHandler(deps: RouterDependencies) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const remote = request.socket.remoteAddress ?? 'unknown';
    const peer = `${remote.includes(':') ? `[${remote}]` : remote}:${request.socket.remotePort ?? 0}`;
    if (url.pathname === '/health') {
      sendJson(response, 200, { status: 'ok', store: deps.store.kind });
      return;
    }

    const presented = bearerToken(request);
    if (deps.token !== undefined && !tokenMatches(presented, deps.token)) {
      deps.log({
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
        deps.ingest,
      );
      return;
    }

    if (!(await handleQuery(request, response, url, deps.queries, deps.now))) {
      sendJson(response, 404, { error: `no such endpoint: ${request.method} ${url.pathname}` });
    }
    if (url.pathname.startsWith('/api/v1/networks') && request.method === 'POST') {
      deps.invalidateRanges();
    }
  };
}
