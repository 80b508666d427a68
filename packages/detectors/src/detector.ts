import { type AttributeValue, diag } from '@opentelemetry/api';
import type {
  DetectedResource,
  DetectedResourceAttributes,
  ResourceDetector,
} from '@opentelemetry/resources';
import { type Attributes, MAX_VALUE_LENGTH, sanitizeAttributes } from '@otel-provenance/core';
import { warnOnce } from './warn-once.js';

/** A resource detector with a name, which `provenance detect` shows as each value's source. */
export interface ProvenanceDetector extends ResourceDetector {
  readonly name: string;
  detect(): DetectedResource;
}

/** Attribute values as the OpenTelemetry API types them: arrays contain one type. */
export type OtelAttributes = Record<string, AttributeValue>;

// The API wants homogeneous arrays; a mixed one (possible in a manifest)
// becomes an array of strings instead of being dropped.
function toOtelValue(value: Attributes[string]): AttributeValue {
  if (!Array.isArray(value) || value.every((item) => typeof item === typeof value[0])) {
    return value as AttributeValue;
  }
  return value.map(String);
}

/**
 * Cleans attributes through the core value hygiene (no empty strings, no
 * control characters, bounded length, credentials removed from URLs). A value
 * cut to the length bound is reported once per process, because detection
 * runs once per signal. A dropped value is a debug line.
 */
export function immediateAttributes(name: string, input: Record<string, unknown>): OtelAttributes {
  const clean = sanitizeAttributes(input);
  if (clean.truncated.length > 0) {
    warnOnce(
      `provenance ${name} detector: value(s) cut to ${MAX_VALUE_LENGTH} characters: ${clean.truncated.join(', ')}; shorten them at the source`,
    );
  }
  if (clean.dropped.length > 0) {
    diag.debug(
      `provenance ${name} detector: empty or invalid value(s) dropped: ${clean.dropped.join(', ')}`,
    );
  }

  const result: OtelAttributes = {};
  for (const [key, value] of Object.entries(clean.attributes)) {
    result[key] = toOtelValue(value);
  }
  return result;
}

/**
 * Spreads attributes that need I/O over the keys a detector may give, so the
 * SDK can start with the resource at once and fill these in when the reads
 * settle. A key the reads do not give settles as `undefined`, which the SDK
 * leaves out. The promises never reject.
 */
export function deferredAttributes(
  name: string,
  keys: readonly string[],
  facts: Promise<Record<string, unknown>>,
): DetectedResourceAttributes {
  const clean = facts.then(
    (input) => immediateAttributes(name, input),
    (error: unknown) => {
      diag.debug(`provenance ${name} detector: failed, leaving its keys out: ${String(error)}`);
      return {} as OtelAttributes;
    },
  );
  return Object.fromEntries(keys.map((key) => [key, clean.then((attributes) => attributes[key])]));
}

/**
 * Runs one detector and waits for every value. A detector that throws or a
 * value that rejects gives nothing instead of failing the rest. Never rejects.
 */
export async function settleDetector(detector: ProvenanceDetector): Promise<Attributes> {
  let detected: DetectedResource;
  try {
    detected = detector.detect();
  } catch (error) {
    diag.debug(`provenance ${detector.name} detector: threw, ignored: ${String(error)}`);
    return {};
  }

  const entries = Object.entries(detected.attributes ?? {});
  const values = await Promise.all(
    entries.map(([, value]) => Promise.resolve(value).catch(() => undefined)),
  );

  const attributes: Attributes = {};
  for (const [index, [key]] of entries.entries()) {
    const value = values[index];
    if (value !== undefined) attributes[key] = value as Attributes[string];
  }
  return attributes;
}
