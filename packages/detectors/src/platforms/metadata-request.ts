import { diag } from '@opentelemetry/api';
import type { DetectionContext } from '../detection-context.js';
import { untraced } from '../io/untraced.js';
import { remainingNetworkBudget } from './network-budget.js';

/**
 * The largest metadata response read. The documents the detectors ask for are
 * a few kilobytes; the bound keeps a wrong endpoint from filling memory.
 */
export const MAX_METADATA_BYTES = 256 * 1024;

export interface MetadataRequest {
  method?: 'GET' | 'PUT';
  headers?: Record<string, string>;
  /** A response header that must have this value, as metadata servers send to prove who they are. */
  expectHeader?: [name: string, value: string];
}

/**
 * Sends one request to a metadata endpoint with the time left of the network
 * budget, under `suppressTracing`. Returns the body of a 2xx response, or
 * `undefined` with a debug line when the request fails, times out, is
 * refused by `--no-network`, or the response is not 2xx, too large or lacks
 * the expected header. Never rejects.
 */
export function requestMetadata(
  context: DetectionContext,
  url: string,
  request: MetadataRequest = {},
): Promise<string | undefined> {
  const timeoutMs = remainingNetworkBudget(context);
  if (timeoutMs <= 0) {
    return Promise.resolve(undefined);
  }

  return untraced(async () => {
    try {
      const response = await context.fetch(url, {
        method: request.method ?? 'GET',
        headers: request.headers,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      const [name, value] = request.expectHeader ?? [];
      if (name !== undefined && response.headers.get(name) !== value) {
        await response.body?.cancel();
        diag.debug(`provenance: ${url} lacks the header ${name}: ${value}; ignored`);
        return undefined;
      }
      if (!response.ok) {
        await response.body?.cancel();
        diag.debug(`provenance: ${url} returned ${response.status}`);
        return undefined;
      }
      const text = await readBounded(response);
      if (text === undefined)
        diag.debug(`provenance: ${url} returned more than ${MAX_METADATA_BYTES} bytes; ignored`);
      return text;
    } catch (error) {
      diag.debug(`provenance: ${url} not read: ${String(error)}`);
      return undefined;
    }
  });
}

// Reads the body up to the bound and stops reading past it, so an endless
// or huge body costs no more memory than the bound.
async function readBounded(response: Response): Promise<string | undefined> {
  if (response.body === null) {
    return '';
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_METADATA_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Like {@link requestMetadata}, but parses the body as JSON; `undefined` when it is not JSON. */
export async function requestMetadataJson(
  context: DetectionContext,
  url: string,
  request: MetadataRequest = {},
): Promise<unknown> {
  const text = await requestMetadata(context, url, request);
  if (text === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    diag.debug(`provenance: ${url} returned a body that is not JSON; ignored`);
    return undefined;
  }
}
