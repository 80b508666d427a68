import type { LeaseStore } from '../store/lease-store.js';
import type { Logger } from './log.js';

/** When retention runs and what it keeps. */
export interface RetentionOptions {
  /** Claims older than this are deleted; 0 keeps everything. */
  retentionMs: number;
  intervalMs: number;
  now: () => number;
  log: Logger;
}

/**
 * Prunes the store now and then every `intervalMs`, logging a failed run
 * without stopping later ones. Returns a function that stops the schedule.
 */
export function scheduleRetention(store: LeaseStore, options: RetentionOptions): () => void {
  const prune = () => {
    if (options.retentionMs <= 0) {
      return;
    }
    store.prune(options.now() - options.retentionMs).catch((error: unknown) => {
      options.log({
        level: 'error',
        message: 'retention pruning failed',
        store: store.kind,
        error: String(error),
      });
    });
  };

  prune();
  const timer = setInterval(prune, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
