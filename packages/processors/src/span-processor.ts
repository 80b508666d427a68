import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { getInvocation } from './invocation.js';
import type { RecordAttributesOption } from './record-keys.js';
import { resolveRecordKeys } from './record-keys.js';
import { ReportOnce } from './report-once.js';
import { ResourceIdentity } from './resource-identity.js';
import { addMissingSpanAttributes } from './span-attributes.js';

/** Options of {@link ProvenanceSpanProcessor} and the log record processor. */
export interface ProvenanceProcessorOptions {
  /** Resource attributes to copy onto each record; default `compact`. */
  recordAttributes?: RecordAttributesOption;
}

/**
 * Copies the chosen resource attributes and the active invocation's `faas.*` attributes onto
 * each span at start, leaving any attribute the application already set. Register it before
 * the exporting processor. It never throws into the application: a failure is reported once
 * through `diag` and the span goes on without the attributes. It keeps no state per span, except
 * for spans started before the resource's asynchronous attributes settled (see ResourceIdentity).
 */
export class ProvenanceSpanProcessor implements SpanProcessor {
  private readonly identity: ResourceIdentity;
  private readonly failures = new ReportOnce('adding provenance attributes to a span');

  constructor(options: ProvenanceProcessorOptions = {}) {
    this.identity = new ResourceIdentity(resolveRecordKeys(options.recordAttributes));
  }

  onStart(span: Span, parentContext: Context): void {
    try {
      const entries = this.identity.entriesFor(span.resource);
      if (entries === undefined) {
        this.identity.defer(span as unknown as { attributes: Record<string, unknown> });
      } else {
        addMissingSpanAttributes(span, entries);
      }

      const invocation = getInvocation(parentContext);
      if (invocation !== undefined) {
        addMissingSpanAttributes(span, invocation.attributes);
      }
    } catch (error) {
      this.failures.report(error);
    }
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
