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
 * without stopping later ones. Resolves, with a function that stops the
 * schedule, once the first run has ended, so a networked store is not still
 * pruning when the first requests arrive.
 */
export async function scheduleRetention(
  store: LeaseStore,
  options: RetentionOptions,
): Promise<() => void> {
  const prune = async () => {
    if (options.retentionMs <= 0) {
      return;
    }
    await store.prune(options.now() - options.retentionMs).catch((error: unknown) => {
      options.log({
        level: 'error',
        message: 'retention pruning failed',
        store: store.kind,
        error: String(error),
      });
    });
  };

  await prune();
  const timer = setInterval(() => void prune(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
