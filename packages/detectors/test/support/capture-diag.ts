import { DiagLogLevel, diag } from '@opentelemetry/api';
import { afterEach, beforeEach } from 'vitest';

/** The `diag` lines logged during the current test, by level. */
export interface CapturedDiag {
  warn: string[];
  debug: string[];
}

/**
 * Installs a `diag` logger that records warnings and debug lines for each
 * test of the calling file, and removes it after each test.
 */
export function captureDiag(): CapturedDiag {
  const captured: CapturedDiag = { warn: [], debug: [] };
  beforeEach(() => {
    captured.warn.length = 0;
    captured.debug.length = 0;
    diag.setLogger(
      {
        error: (message) => captured.warn.push(message),
        warn: (message) => captured.warn.push(message),
        info: () => {},
        debug: (message) => captured.debug.push(message),
        verbose: () => {},
      },
      { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true },
    );
  });
  afterEach(() => diag.disable());
  return captured;
}
