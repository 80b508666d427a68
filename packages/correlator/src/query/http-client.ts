import { parseRangeJson, type RangeJson } from '../leases/range-json.js';
import type { WhoisAnswer } from '../leases/whois.js';
import { QueryError } from './query-error.js';
import type { LeasePage, TimelineQueries } from './timeline-queries.js';

/** Options of the query API client. */
export interface HttpClientOptions {
  /** The correlator's base URL, such as `http://127.0.0.1:4318`. */
  url: string;
  /** Sent as `Authorization: Bearer` when set. */
  token?: string;
  fetch?: typeof fetch;
}

/**
 * Asks a running correlator through its JSON query API. A 400 response becomes a
 * `QueryError` with the server's message; any other failure throws an `Error`
 * naming the URL and status.
 */
export function createHttpTimelineClient(options: HttpClientOptions): TimelineQueries {
  const fetchImpl = options.fetch ?? fetch;
  const base = options.url.replace(/\/$/, '');

  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) {
      headers.authorization = `Bearer ${options.token}`;
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      text = await response.text();
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new Error(
        `${method} ${base}${path} failed: ${cause}; check that the correlator runs there`,
      );
    }
    const parsed = parseBody(text);
    if (parsed === undefined) {
      throw new Error(
        `${method} ${base}${path} returned status ${response.status} with a body that is not JSON; is this a correlator?`,
      );
    }
    if (response.status === 400) {
      throw new QueryError(String(parsed.error ?? text));
    }
    if (!response.ok) {
      throw new Error(
        `${method} ${base}${path} failed with status ${response.status}: ${String(parsed.error ?? text)}`,
      );
    }
    return parsed as T;
  };

  return {
    whois({ ip, network, atMs }) {
      const params = new URLSearchParams({ ip, at: new Date(atMs).toISOString() });
      if (network !== undefined) {
        params.set('network', network);
      }
      return call<WhoisAnswer>('GET', `/api/v1/whois?${params}`);
    },
    leases({ ip, network, limit, cursor }) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries({ ip, network, limit, cursor })) {
        if (value !== undefined) {
          params.set(key, String(value));
        }
      }
      return call<LeasePage>('GET', `/api/v1/leases?${params}`);
    },
    async addRanges(network, cidrs, fromMs) {
      const body = { network, cidrs, from: new Date(fromMs).toISOString() };
      const answer = await call<{ ranges: RangeJson[] }>('POST', '/api/v1/networks', body);
      return answer.ranges.map(parseRangeJson);
    },
    async removeRanges(network, cidrs) {
      return (
        await call<{ removed: number }>('POST', '/api/v1/networks/remove', { network, cidrs })
      ).removed;
    },
    async listRanges() {
      const answer = await call<{ ranges: RangeJson[] }>('GET', '/api/v1/networks');
      return answer.ranges.map(parseRangeJson);
    },
    async overlaps() {
      const answer = await call<{ overlaps: { a: RangeJson; b: RangeJson }[] }>(
        'GET',
        '/api/v1/networks/overlaps',
      );
      return answer.overlaps.map(({ a, b }) => ({ a: parseRangeJson(a), b: parseRangeJson(b) }));
    },
  };
}

function parseBody(text: string): Record<string, unknown> | undefined {
  if (text === '') {
    return {};
  }
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
