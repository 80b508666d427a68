import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

/**
 * Runs `work` with tracing suppressed, so the fs, net and http
 * instrumentations record no spans for the detectors' own I/O. The
 * suppression follows promises only where a context manager is registered,
 * which every SDK setup that records spans has.
 */
export function untraced<T>(work: () => T): T {
  return context.with(suppressTracing(context.active()), work);
}
