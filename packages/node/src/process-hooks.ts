import type { ProvenanceSdk } from './provenance-sdk.js';
import { exitWithUncaught } from './report-uncaught.js';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Flushes on the events that end a Node process, and returns a function that removes the
 * listeners again.
 *
 * - SIGTERM, SIGINT: when ours is the only listener, shut down within the flush timeout and then
 *   re-raise the signal, so the process ends as the signal would have ended it. When the
 *   application listens too, it keeps control of when to exit and only a flush runs alongside.
 * - `beforeExit`: shut down. When that outlasts the flush timeout, exit with the current exit
 *   code, so the exporter's retries cannot keep the process alive.
 * - `uncaughtException`, which includes unhandled rejections because Node raises them as
 *   uncaught exceptions by default: when no other listener exists, record the error and shut
 *   down. Then print the error as Node does and exit with code 1, as Node would have, so that
 *   the application's own stack trace comes first (see report-uncaught.ts).
 *
 * `process.exit()` called by the application runs no asynchronous work, so nothing is flushed
 * then; call the handle's `shutdown()` before it.
 */
export function installProcessHooks(sdk: ProvenanceSdk): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) {
      void sdk.forceFlush();
      return;
    }
    const raise = () => {
      uninstall();
      process.kill(process.pid, signal);
    };
    if (sdk.shuttingDown) {
      // A second signal while flushing: the user insists, so end at once.
      raise();
      return;
    }
    void sdk.shutdown().then(raise);
  };

  const onBeforeExit = () => {
    if (sdk.shuttingDown) {
      return;
    }
    const started = Date.now();
    void sdk.shutdown().then(() => {
      if (Date.now() - started >= sdk.flushTimeoutMs) {
        process.exit();
      }
    });
  };

  const onUncaught = (error: unknown) => {
    if (process.listenerCount('uncaughtException') > 1) {
      return;
    }
    sdk.recordFatalError(error);
    void sdk.shutdown('error').then(() => {
      uninstall();
      exitWithUncaught(error);
    });
  };

  for (const signal of SIGNALS) {
    process.on(signal, onSignal);
  }
  process.on('beforeExit', onBeforeExit);
  process.on('uncaughtException', onUncaught);

  function uninstall(): void {
    for (const signal of SIGNALS) {
      process.removeListener(signal, onSignal);
    }
    process.removeListener('beforeExit', onBeforeExit);
    process.removeListener('uncaughtException', onUncaught);
  }
  return uninstall;
}
