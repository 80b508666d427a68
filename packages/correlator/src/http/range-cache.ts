import type { NetworkRange } from '../leases/network-range.js';
import type { LeaseStore } from '../store/lease-store.js';

// Ranges change rarely; a short cache spares a store read per request.
const RANGE_CACHE_MS = 10_000;

/** The registered ranges, read from the store at most every 10 seconds. */
export interface RangeCache {
  /** Returns the cached ranges, reading them again when the cache is older than 10 seconds. */
  load(): Promise<readonly NetworkRange[]>;
  /** Drops the cache, so the next load reads the store (after this receiver changed a range). */
  invalidate(): void;
}

/** Creates a cache of the store's ranges; a failed read rejects and keeps nothing. */
export function createRangeCache(store: LeaseStore, now: () => number): RangeCache {
  let cached: { ranges: readonly NetworkRange[]; loadedAt: number } | undefined;
  return {
    async load() {
      if (!cached || now() - cached.loadedAt > RANGE_CACHE_MS) {
        cached = { ranges: await store.listRanges(), loadedAt: now() };
      }
      return cached.ranges;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
