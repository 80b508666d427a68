import { diag } from '@opentelemetry/api';
import type { EntityReporter } from '@otel-provenance/processors';
import { settlesWithin } from './deadline.js';
import type { Providers } from './providers.js';

/** `SeverityNumber.FATAL` of the logs API, which lives in a different package on each line. */
const SEVERITY_FATAL = 21;

/** The handle {@link startProvenance} returns. Neither method rejects. */
export interface ProvenanceHandle {
  /** Exports everything recorded so far, waiting at most the flush timeout. */
  forceFlush(): Promise<void>;
  /** Emits `entity.delete`, flushes and stops all three providers within the flush timeout. */
  shutdown(): Promise<void>;
}

/** The running SDK: providers, the entity reporter and the bounded flush and shutdown. */
export class ProvenanceSdk implements ProvenanceHandle {
  private shutdownPromise: Promise<void> | undefined;
  private timeoutReported = false;

  constructor(
    readonly providers: Providers,
    private readonly entity: EntityReporter,
    readonly flushTimeoutMs: number,
  ) {}

  async forceFlush(): Promise<void> {
    const { tracerProvider, loggerProvider, meterProvider } = this.providers;
    const flushed = Promise.allSettled([
      tracerProvider.forceFlush(),
      loggerProvider.forceFlush(),
      meterProvider.forceFlush(),
    ]);
    await this.bounded(flushed, 'flush');
  }

  shutdown(reason = 'terminated'): Promise<void> {
    this.shutdownPromise ??= this.bounded(this.stopAll(reason), 'shutdown');
    return this.shutdownPromise;
  }

  /** Whether {@link shutdown} has begun. */
  get shuttingDown(): boolean {
    return this.shutdownPromise !== undefined;
  }

  /** Emits the error that is about to end the process as a fatal log record. */
  recordFatalError(error: unknown): void {
    try {
      const err = error instanceof Error ? error : new Error(String(error));
      this.providers.loggerProvider.getLogger('@otel-provenance/node').emit({
        severityNumber: SEVERITY_FATAL,
        severityText: 'FATAL',
        body: err.message,
        attributes: {
          'exception.type': err.name,
          'exception.message': err.message,
          'exception.stacktrace': err.stack ?? '',
        },
      });
    } catch (failure) {
      diag.warn('recording the fatal error failed', failure);
    }
  }

  private async stopAll(reason: string): Promise<void> {
    await this.entity.stop(reason);
    const { tracerProvider, loggerProvider, meterProvider } = this.providers;
    await Promise.allSettled([
      tracerProvider.shutdown(),
      loggerProvider.shutdown(),
      meterProvider.shutdown(),
    ]);
  }

  private async bounded(task: Promise<unknown>, what: string): Promise<void> {
    const settled = await settlesWithin(task, this.flushTimeoutMs);
    if (settled || this.timeoutReported) {
      return;
    }
    this.timeoutReported = true;
    const counts = Object.values(this.providers.counters)
      .map((counter) => `${counter.pending} ${counter.unit} pending, ${counter.failed} failed`)
      .join('; ');
    diag.warn(
      `${what} did not finish within PROVENANCE_FLUSH_TIMEOUT_MS=${this.flushTimeoutMs}: ${counts}`,
    );
  }
}
