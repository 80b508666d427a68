import type { Attributes } from '@otel-provenance/core';
import { createDetectionContext } from './detection-context.js';
import type { ProvenanceDetector } from './detector.js';
import {
  type ApplicationDetectorOptions,
  applicationDetector,
} from './detectors/application-detector.js';
import { containerDetector } from './detectors/container-detector.js';
import { environmentDetector } from './detectors/environment-detector.js';
import { kubernetesDetector } from './detectors/kubernetes-detector.js';
import { manifestDetector } from './detectors/manifest-detector.js';
import { type NetworkDetectorOptions, networkDetector } from './detectors/network-detector.js';
import { optionsDetector } from './detectors/options-detector.js';
import {
  type ServiceInstanceDetectorOptions,
  serviceInstanceDetector,
} from './detectors/service-instance-detector.js';
import { deploymentFallbackDetector, platformDetectors } from './platforms/platform-detectors.js';

/** Options of the whole detector set; every `PROVENANCE_*` setting left unset is read from `env`. */
export interface ProvenanceDetectorsOptions
  extends ApplicationDetectorOptions,
    NetworkDetectorOptions,
    ServiceInstanceDetectorOptions {
  /** Attributes set in code: they outrank every detector. */
  attributes?: Attributes;
}

/**
 * Returns the provenance detectors least specific first, because the SDK's
 * resource merge lets a later detector win: package.json, then live platform
 * detection (Kubernetes, container, network, the serverless and cloud
 * platforms, the platform's fallback deployment id, service instance), then the
 * deployment manifest, then `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_SERVICE_NAME`,
 * then `attributes` from code. The detectors share one set of file reads.
 * None throws or rejects.
 *
 * @example
 * new NodeSDK({ resourceDetectors: provenanceDetectors() })
 */
export function provenanceDetectors(
  options: ProvenanceDetectorsOptions = {},
): ProvenanceDetector[] {
  const context = createDetectionContext(options);
  return [
    applicationDetector(options, context),
    kubernetesDetector(options, context),
    containerDetector(options, context),
    networkDetector(options, context),
    ...platformDetectors(options, context),
    deploymentFallbackDetector(options, context),
    serviceInstanceDetector(options, context),
    manifestDetector(options, context),
    environmentDetector(options, context),
    optionsDetector(options.attributes),
  ];
}
