import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRfc3339 } from '@otel-provenance/core';
import { toRangeJson } from '../leases/range-json.js';
import { QueryError } from '../query/query-error.js';
import type { TimelineQueries } from '../query/timeline-queries.js';

const MAX_QUERY_BODY_BYTES = 64 * 1024;

/**
 * Handles the JSON query API under `/api/v1/`. Returns false when the path is
 * not part of it. Invalid arguments get a 400 response with a message.
 */
export async function handleQuery(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  queries: TimelineQueries,
  now: () => number,
): Promise<boolean> {
  const route = `${request.method} ${url.pathname.replace(/\/$/, '')}`;
  const params = url.searchParams;
  try {
    switch (route) {
      case 'GET /api/v1/whois': {
        const ip = requireParam(params, 'ip');
        const atMs = params.has('at') ? parseTime(params.get('at')!, 'at') : now();
        sendJson(
          response,
          200,
          await queries.whois({ ip, network: optionalParam(params, 'network'), atMs }),
        );
        return true;
      }
      case 'GET /api/v1/leases': {
        const limit = params.has('limit') ? Number(params.get('limit')) : undefined;
        const page = await queries.leases({
          ip: optionalParam(params, 'ip'),
          network: optionalParam(params, 'network'),
          limit,
          cursor: optionalParam(params, 'cursor'),
        });
        sendJson(response, 200, page);
        return true;
      }
      case 'GET /api/v1/networks':
        sendJson(response, 200, { ranges: (await queries.listRanges()).map(toRangeJson) });
        return true;
      case 'GET /api/v1/networks/overlaps': {
        const overlaps = await queries.overlaps();
        sendJson(response, 200, {
          overlaps: overlaps.map(({ a, b }) => ({ a: toRangeJson(a), b: toRangeJson(b) })),
        });
        return true;
      }
      case 'POST /api/v1/networks': {
        const body = await readJsonBody(request);
        const { network, cidrs } = requireRangeBody(body);
        const fromMs = typeof body.from === 'string' ? parseTime(body.from, 'from') : now();
        const ranges = await queries.addRanges(network, cidrs, fromMs);
        sendJson(response, 201, { ranges: ranges.map(toRangeJson) });
        return true;
      }
      case 'POST /api/v1/networks/remove': {
        const { network, cidrs } = requireRangeBody(await readJsonBody(request));
        sendJson(response, 200, { removed: await queries.removeRanges(network, cidrs, now()) });
        return true;
      }
      default:
        return false;
    }
  } catch (error) {
    if (error instanceof QueryError) {
      sendJson(response, 400, { error: error.message });
      return true;
    }
    throw error;
  }
}

/** Writes a JSON response. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Parses an RFC 3339 time to milliseconds; throws `QueryError` naming `name` otherwise. */
export function parseTime(text: string, name: string): number {
  const ms = parseRfc3339(text);
  if (ms === undefined) {
    throw new QueryError(
      `invalid ${name} "${text}"; expected an RFC 3339 time such as 2026-01-31T12:00:00Z`,
    );
  }
  return ms;
}

function requireParam(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === '') {
    throw new QueryError(`missing query parameter "${name}"`);
  }
  return value;
}

function optionalParam(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}

function requireRangeBody(body: Record<string, unknown>): { network: string; cidrs: string[] } {
  const { network, cidrs } = body;
  if (typeof network !== 'string' || network === '') {
    throw new QueryError(
      'missing "network" in the body; send {"network": "vpc-1", "cidrs": ["10.0.0.0/16"]}',
    );
  }
  if (
    !Array.isArray(cidrs) ||
    cidrs.length === 0 ||
    !cidrs.every((cidr) => typeof cidr === 'string')
  ) {
    throw new QueryError('"cidrs" must be a non-empty array of CIDR strings');
  }
  return { network, cidrs };
}

async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_QUERY_BODY_BYTES) {
      throw new QueryError(`body exceeds the limit of ${MAX_QUERY_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Reported below.
  }
  throw new QueryError('the body must be a JSON object');
}
