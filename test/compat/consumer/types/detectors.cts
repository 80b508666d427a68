// CommonJS consumer: type-checks that the detectors fit the installed SDK's ResourceDetector.
import { detectResources, type ResourceDetector } from '@opentelemetry/resources';
import { provenanceDetectors } from '@otel-provenance/detectors';

const detectors: ResourceDetector[] = provenanceDetectors();
export const resource = detectResources({ detectors });
