import { diag } from '@opentelemetry/api';

// Messages already logged. Detection runs once per signal and per detector
// set, and a misconfiguration should be reported once per process, not once
// per run. Bounded so a stream of distinct bad values cannot grow it forever.
const warned = new Set<string>();
const MAX_REMEMBERED = 256;

/** Logs `message` through `diag.warn` unless the same message was logged before. */
export function warnOnce(message: string): void {
  if (warned.has(message)) {
    return;
  }
  if (warned.size < MAX_REMEMBERED) {
    warned.add(message);
  }
  diag.warn(message);
}
