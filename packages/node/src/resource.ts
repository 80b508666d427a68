import { randomUUID } from 'node:crypto';
import { diag } from '@opentelemetry/api';
import type { DetectedResource, ResourceDetector } from '@opentelemetry/resources';
import { defaultResource, detectResources } from '@opentelemetry/resources';
import { decodeResourceAttributes } from '@otel-provenance/core';

/**
 * The detectors used when none are given: `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_SERVICE_NAME` and a
 * random `service.instance.id` made once per process.
 */
// TODO: replace with `provenanceDetectors` from @otel-provenance/detectors once it is released
// in this workspace; until then manifests, platforms and networks are not detected.
export function defaultDetectors(env: Record<string, string | undefined>): ResourceDetector[] {
  return [{ detect: () => detectFromEnv(env) }];
}

function detectFromEnv(env: Record<string, string | undefined>): DetectedResource {
  const attributes: Record<string, string> = { 'service.instance.id': randomUUID() };
  const raw = env.OTEL_RESOURCE_ATTRIBUTES?.trim() ?? '';
  if (raw !== '') {
    const decoded = decodeResourceAttributes(raw);
    if (decoded.ok) {
      Object.assign(attributes, decoded.attributes);
    } else {
      diag.warn(`OTEL_RESOURCE_ATTRIBUTES is ignored: ${decoded.error}`);
    }
  }
  const serviceName = env.OTEL_SERVICE_NAME?.trim() ?? '';
  if (serviceName !== '') {
    attributes['service.name'] = serviceName;
  }
  return { attributes };
}

/**
 * Runs the detectors over the SDK's default resource (`telemetry.sdk.*` and a fallback
 * `service.name`); asynchronous attributes settle later.
 */
export function buildResource(detectors: ResourceDetector[]) {
  return defaultResource().merge(detectResources({ detectors }));
}
