/**
 * Waits for `task` at most `timeoutMs` milliseconds. Returns true when it settled in time
 * (a rejection counts as settled; the caller reports failures elsewhere). The timer is
 * unreferenced, so the wait alone never keeps the process alive.
 */
export function settlesWithin(task: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    task.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}
