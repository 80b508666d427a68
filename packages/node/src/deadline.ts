/**
 * Waits for `task` at most `timeoutMs` milliseconds. Returns true when it settled in time
 * (a rejection counts as settled; the caller reports failures elsewhere). The timer keeps the
 * process alive until then, so a signal handler that waits here always reaches its re-raise.
 * It is cleared as soon as the task settles.
 */
export function settlesWithin(task: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const settle = () => {
      clearTimeout(timer);
      resolve(true);
    };
    task.then(settle, settle);
  });
}
