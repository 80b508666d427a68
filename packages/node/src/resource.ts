import type { ResourceDetector } from '@opentelemetry/resources';
import { defaultResource, detectResources } from '@opentelemetry/resources';
import { provenanceDetectors } from '@otel-provenance/detectors';
import type { FetchFunction } from './options.js';

/** Inputs of the default detectors. */
export interface DetectorInputs {
  env: Record<string, string | undefined>;
  root?: string;
  fetch?: FetchFunction;
  budgetMs?: number;
}

/**
 * Returns the otel-provenance detectors, least specific first. `PROVENANCE_MANIFEST`,
 * `PROVENANCE_NETWORK_*`, `PROVENANCE_DETECT_NETWORK` and `PROVENANCE_DETECT_BUDGET_MS` are read
 * from `env` by the detectors themselves.
 */
export function defaultDetectors(inputs: DetectorInputs): ResourceDetector[] {
  const options: Parameters<typeof provenanceDetectors>[0] = { env: inputs.env };
  if (inputs.root !== undefined) {
    options.root = inputs.root;
  }
  if (inputs.fetch !== undefined) {
    options.fetch = inputs.fetch;
  }
  if (inputs.budgetMs !== undefined) {
    options.budgetMs = inputs.budgetMs;
  }
  return provenanceDetectors(options);
}

/**
 * Runs the detectors over the SDK's default resource (`telemetry.sdk.*` and a fallback
 * `service.name`); asynchronous attributes settle later, within the detection budget.
 */
export function buildResource(detectors: ResourceDetector[]) {
  return defaultResource().merge(detectResources({ detectors }));
}
