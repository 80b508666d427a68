/**
 * Settles with `promise`'s value, or with `fallback` once `budgetMs` has
 * passed or when `promise` rejects, so a slow or failing read never delays
 * detection past its budget. The timer does not keep the process alive.
 */
export function withinBudget<T>(promise: Promise<T>, budgetMs: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), budgetMs);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
