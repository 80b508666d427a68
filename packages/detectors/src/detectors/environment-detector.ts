import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { decodeResourceAttributes } from '@otel-provenance/core';
import {
  type ContextOptions,
  createDetectionContext,
  type DetectionContext,
} from '../detection-context.js';
import { immediateAttributes, type ProvenanceDetector } from '../detector.js';
import { envValue } from '../env-value.js';
import { warnOnce } from '../warn-once.js';

/**
 * Decodes `OTEL_RESOURCE_ATTRIBUTES` by the specification's rules: empty
 * entries skipped, and the whole variable discarded, with one `diag.warn`
 * naming the bad entry, when one entry is invalid.
 */
export function resourceAttributesFromEnv(context: DetectionContext): Record<string, string> {
  return context.memo('otel-resource-attributes', () => {
    const raw = envValue(context.env, 'OTEL_RESOURCE_ATTRIBUTES');
    if (raw === undefined) {
      return {};
    }

    const decoded = decodeResourceAttributes(raw);
    if (!decoded.ok) {
      warnOnce(
        `provenance: OTEL_RESOURCE_ATTRIBUTES is discarded: ${decoded.error}; percent-encode "," "=" and "%" in values`,
      );
      return {};
    }
    return decoded.attributes;
  });
}

/**
 * Detects the standard variables: `OTEL_RESOURCE_ATTRIBUTES`, and
 * `OTEL_SERVICE_NAME`, which outranks a `service.name` given in the former.
 * Values are cleaned like every other detector's. Never throws.
 */
export function environmentDetector(
  options: ContextOptions = {},
  context = createDetectionContext(options),
): ProvenanceDetector {
  return {
    name: 'environment',
    detect: () => {
      const attributes: Record<string, unknown> = { ...resourceAttributesFromEnv(context) };
      const serviceName = envValue(context.env, 'OTEL_SERVICE_NAME');
      if (serviceName !== undefined) {
        attributes[ATTR_SERVICE_NAME] = serviceName;
      }
      return { attributes: immediateAttributes('environment', attributes) };
    },
  };
}
