import type { ResourceDetector } from '@opentelemetry/resources';
import { defaultResource, detectResources } from '@opentelemetry/resources';
import { provenanceDetectors } from '@otel-provenance/detectors';
import type { FetchFunction } from './options.js';

/** Inputs of the default detectors besides the environment. */
export interface DetectorInputs {
  root?: string;
  fetch?: FetchFunction;
  budgetMs?: number;
}

/**
 * Returns the provenance detectors (package.json, Kubernetes, container, network, service
 * instance, manifest, `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_SERVICE_NAME`), least specific first.
 * They read the `PROVENANCE_*` variables of `env` and never throw.
 */
export function defaultDetectors(
  env: Record<string, string | undefined>,
  inputs: DetectorInputs = {},
): ResourceDetector[] {
  return provenanceDetectors({
    env,
    root: inputs.root,
    fetch: inputs.fetch,
    budgetMs: inputs.budgetMs,
  });
}

/**
 * Runs the detectors over the SDK's default resource (`telemetry.sdk.*` and a fallback
 * `service.name`); asynchronous attributes settle later.
 */
export function buildResource(detectors: ResourceDetector[]) {
  return defaultResource().merge(detectResources({ detectors }));
}
