import type { Span } from '@opentelemetry/sdk-trace';
import type { AttributeSet } from './resource-identity.js';

// The count SpanImpl keeps of its attributes (sdk-trace 2.x) to apply `attributeCountLimit`.
type CountedSpan = { _attributesCount?: unknown };

/**
 * Adds each attribute whose key the span lacks, writing into the span's attribute map directly.
 * `span.setAttribute` validates and truncates every value: for five keys that adds about a
 * quarter to the cost of a span (benchmarks/span-processor.mjs). These values come from the
 * resource, already valid and bounded by the detectors, or from the invocation, so the checks
 * would only repeat work. A span with no
 * attributes yet takes them in one `Object.assign`. The SDK's attribute count is raised by the
 * number added, so `attributeCountLimit` still holds for later writes.
 */
// NOTE: `attributeValueLengthLimit` is not applied to these values.
export function addMissingSpanAttributes(span: Span, set: AttributeSet): void {
  const attributes = span.attributes as Record<string, unknown>;
  const counted = span as unknown as CountedSpan;
  const count = counted._attributesCount;
  if (typeof count !== 'number') {
    addEach(attributes, set);
    return;
  }
  if (count === 0) {
    Object.assign(attributes, set.values);
    counted._attributesCount = set.keys.length;
    return;
  }
  counted._attributesCount = count + addEach(attributes, set);
}

function addEach(attributes: Record<string, unknown>, set: AttributeSet): number {
  let added = 0;
  for (let i = 0; i < set.keys.length; i += 1) {
    const key = set.keys[i]!;
    if (attributes[key] === undefined) {
      attributes[key] = set.values[key];
      added += 1;
    }
  }
  return added;
}
