import type { DetectionContext } from '../detection-context.js';
import { envValue } from '../env-value.js';
import { warnOnce } from '../warn-once.js';
import { requestMetadata } from './metadata-request.js';

/** The metadata server's name on Google Cloud, used when `GCE_METADATA_HOST` is unset. */
export const GCP_METADATA_HOST = 'metadata.google.internal';

// host, host:port, or [ipv6]:port, as the Google client libraries accept it.
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * Returns the metadata server's base URL: `http://` and `GCE_METADATA_HOST`
 * when set, else the default host. An invalid `GCE_METADATA_HOST` is one
 * warning and no request at all, never a fall back to the default.
 */
export function gcpMetadataBase(context: DetectionContext): string | undefined {
  const host = envValue(context.env, 'GCE_METADATA_HOST');
  if (host === undefined) {
    return `http://${GCP_METADATA_HOST}`;
  }
  if (!HOST_PORT.test(host)) {
    warnOnce(
      `provenance: GCE_METADATA_HOST="${host}" is invalid and the metadata server is not asked; set it to host or host:port`,
    );
    return undefined;
  }
  return `http://${host}`;
}

/**
 * Reads one value from the metadata server (`path` under `/computeMetadata/v1/`).
 * Returns `undefined` when it is unset, fails, or does not come from a
 * metadata server (no `Metadata-Flavor: Google` header). Never rejects.
 */
export async function gcpMetadataValue(
  context: DetectionContext,
  base: string,
  path: string,
): Promise<string | undefined> {
  const text = await requestMetadata(context, `${base}/computeMetadata/v1/${path}`, {
    headers: { 'Metadata-Flavor': 'Google' },
    expectHeader: ['metadata-flavor', 'Google'],
  });
  const value = text?.trim();
  return value === '' ? undefined : value;
}

/** Returns the last segment of `projects/123/regions/us-central1` and the like. */
export function lastSegment(text: string | undefined): string | undefined {
  const segment = text?.split('/').at(-1)?.trim();
  return segment === '' ? undefined : segment;
}
