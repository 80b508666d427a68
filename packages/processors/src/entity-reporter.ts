import { diag } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import {
  ENTITY_DELETE_EVENT,
  ENTITY_STATE_EVENT,
  entityDeleteAttributes,
  entityId,
  entityStateAttributes,
} from './entity-events.js';
import type { EventLogger, LogValueMap } from './log-values.js';

/** Options of {@link EntityReporter}. */
export interface EntityReporterOptions {
  /** The logger the events are emitted through; its provider's resource should be `resource`. */
  logger: EventLogger;
  /** The resource whose identity the events describe. */
  resource: Resource;
  /** Seconds between `entity.state` events; 0 sends only the first. Default 60. */
  intervalSeconds?: number;
}

/**
 * Emits the asset's lifecycle as entity events: `entity.state` once the resource has settled,
 * again every interval on a timer that does not keep the process alive, and `entity.delete` on
 * {@link EntityReporter.stop}. A resource without `service.instance.id` cannot name the entity,
 * so nothing is emitted and one `diag` warning reports it. Emitting never throws.
 */
export class EntityReporter {
  private readonly intervalSeconds: number;
  private timer: NodeJS.Timeout | undefined;
  private id: LogValueMap | undefined;
  private settled: Promise<void> | undefined;
  private stopped = false;
  private stateEmitted = false;

  constructor(private readonly options: EntityReporterOptions) {
    this.intervalSeconds = options.intervalSeconds ?? 60;
  }

  /** Emits the first state event once the resource settles and starts the periodic timer. */
  start(): Promise<void> {
    this.settled ??= this.settle().then(() => {
      if (this.id === undefined || this.stopped) {
        return;
      }
      this.emitState();
      if (this.intervalSeconds > 0) {
        this.timer = setInterval(() => this.emitState(), this.intervalSeconds * 1000);
        this.timer.unref();
      }
    });
    return this.settled;
  }

  /**
   * Stops the timer and emits `entity.delete`, preceded by the first `entity.state` when the
   * process ends before that was sent, so a receiver always gets the entity's start before
   * its end. The caller flushes the logger's provider.
   */
  async stop(reason = 'terminated'): Promise<void> {
    if (this.stopped) {
      return;
    }
    this.stopped = true;
    clearInterval(this.timer);
    await this.settled;
    if (this.id !== undefined) {
      if (!this.stateEmitted) {
        this.emitState();
      }
      this.emit(ENTITY_DELETE_EVENT, entityDeleteAttributes(this.id, reason));
    }
  }

  private async settle(): Promise<void> {
    const { resource } = this.options;
    try {
      await resource.waitForAsyncAttributes?.();
      this.id = entityId(resource.attributes);
    } catch (error) {
      diag.warn('entity events are off: reading the resource failed', error);
      return;
    }
    if (this.id === undefined) {
      diag.warn('entity events are off: the resource has no service.instance.id');
    }
  }

  private emitState(): void {
    if (this.id === undefined) {
      return;
    }
    const attributes = entityStateAttributes(
      this.options.resource.attributes,
      this.id,
      this.intervalSeconds,
    );
    this.emit(ENTITY_STATE_EVENT, attributes);
    this.stateEmitted = true;
  }

  private emit(eventName: string, attributes: LogValueMap): void {
    try {
      this.options.logger.emit({ eventName, attributes });
    } catch (error) {
      diag.warn(`emitting ${eventName} failed`, error);
    }
  }
}
