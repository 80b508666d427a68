import { diag } from '@opentelemetry/api';

/**
 * Reports a failure through `diag` the first time it happens and counts the rest, so a fault
 * on the per-record path never floods the application's log.
 */
export class ReportOnce {
  private count = 0;

  constructor(private readonly what: string) {}

  /** Records one occurrence, warning only on the first. */
  report(error: unknown): void {
    this.count += 1;
    if (this.count === 1) {
      diag.warn(`${this.what} failed and was skipped; later failures are counted`, error);
    }
  }

  /** The number of occurrences so far. */
  get occurrences(): number {
    return this.count;
  }
}
