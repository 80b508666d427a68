import type { Context } from '@opentelemetry/api';
import type { LogRecordProcessor, ReadWriteLogRecord } from '@opentelemetry/sdk-logs';
import { getInvocation } from './invocation.js';
import { resolveRecordKeys } from './record-keys.js';
import { ReportOnce } from './report-once.js';
import type { AttributeSet } from './resource-identity.js';
import { ResourceIdentity } from './resource-identity.js';
import type { ProvenanceProcessorOptions } from './span-processor.js';

/**
 * Copies the chosen resource attributes and the active invocation's `faas.*` attributes onto
 * each log record as it is emitted, leaving any attribute the application set. Register it
 * before the exporting processor, because later processors see the record read-only. It never
 * throws into the application: a failure is reported once through `diag`.
 */
export class ProvenanceLogRecordProcessor implements LogRecordProcessor {
  private readonly identity: ResourceIdentity;
  private readonly failures = new ReportOnce('adding provenance attributes to a log record');

  constructor(options: ProvenanceProcessorOptions = {}) {
    this.identity = new ResourceIdentity(resolveRecordKeys(options.recordAttributes));
  }

  onEmit(logRecord: ReadWriteLogRecord, context?: Context): void {
    try {
      const entries = this.identity.entriesFor(logRecord.resource);
      if (entries === undefined) {
        this.identity.defer(logRecord as { attributes: Record<string, unknown> });
      } else {
        copyMissing(logRecord, entries);
      }

      const invocation = getInvocation(context);
      if (invocation !== undefined) {
        copyMissing(logRecord, invocation.attributes);
      }
    } catch (error) {
      this.failures.report(error);
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function copyMissing(logRecord: ReadWriteLogRecord, set: AttributeSet): void {
  const attributes = logRecord.attributes;
  for (const key of set.keys) {
    if (attributes[key] === undefined) {
      logRecord.setAttribute(key, set.values[key]);
    }
  }
}
