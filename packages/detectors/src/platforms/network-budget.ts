import type { DetectionContext } from '../detection-context.js';

/**
 * Returns the milliseconds left of the one budget that platform detection
 * of a detector set shares: its marker file reads and every metadata
 * request. The budget starts when platform detection starts, not when the
 * detectors are built.
 */
export function remainingNetworkBudget(context: DetectionContext): number {
  const deadline = context.memo('network-deadline', () => Date.now() + context.budgetMs);
  return Math.max(0, deadline - Date.now());
}

/**
 * Runs `work`, which writes what it learns into the object it is given, and
 * settles with that object when the work ends, fails, or the network budget
 * runs out, whichever comes first. A slow second request so keeps what the
 * first one found. Never rejects.
 */
export function collectWithinBudget<T extends object>(
  context: DetectionContext,
  work: (found: Partial<T>) => Promise<void>,
): Promise<Partial<T>> {
  const found: Partial<T> = {};
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ...found }), remainingNetworkBudget(context));
    timer.unref?.();
    const settle = () => {
      clearTimeout(timer);
      resolve({ ...found });
    };
    let running: Promise<void>;
    try {
      running = work(found);
    } catch {
      settle();
      return;
    }
    running.then(settle, settle);
  });
}
