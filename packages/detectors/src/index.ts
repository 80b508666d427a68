// normalizeIp moved to @otel-provenance/core; exported here too for existing imports.
export { normalizeIp } from '@otel-provenance/core';
export type { ProvenanceReport } from './detect-provenance.js';
export { detectProvenance } from './detect-provenance.js';
export type { ContextOptions } from './detection-context.js';
export type { ProvenanceDetector } from './detector.js';
export type { ApplicationDetectorOptions } from './detectors/application-detector.js';
export { applicationDetector } from './detectors/application-detector.js';
export { containerDetector } from './detectors/container-detector.js';
export { environmentDetector } from './detectors/environment-detector.js';
export { hostAddresses } from './detectors/host-addresses.js';
export { kubernetesDetector } from './detectors/kubernetes-detector.js';
export { manifestDetector } from './detectors/manifest-detector.js';
export type { NetworkDetectorOptions } from './detectors/network-detector.js';
export { networkDetector } from './detectors/network-detector.js';
export { optionsDetector } from './detectors/options-detector.js';
export type { ServiceInstanceDetectorOptions } from './detectors/service-instance-detector.js';
export { serviceInstanceDetector } from './detectors/service-instance-detector.js';
export type { Environment } from './env-value.js';
export type { DetectorOptions, FetchLike, NetworkInterfacesLike } from './options.js';
export { parseCgroup } from './parse/cgroup.js';
export type { CgroupPathFacts } from './parse/container-path.js';
export { findHostAddress } from './parse/hosts.js';
export type { MountinfoFacts } from './parse/mountinfo.js';
export { parseMountinfo } from './parse/mountinfo.js';
export { findClusterDomain } from './parse/resolv-conf.js';
export { isRoutableIp } from './parse/routable-ip.js';
export {
  deploymentFallbackDetector,
  platformDetectors,
} from './platforms/platform-detectors.js';
export type { ProvenanceDetectorsOptions } from './provenance-detectors.js';
export { provenanceDetectors } from './provenance-detectors.js';
export type { ProvenanceOptions } from './provenance-options.js';
export {
  DEFAULT_DETECT_BUDGET_MS,
  MAX_DETECT_BUDGET_MS,
  resolveProvenanceOptions,
} from './provenance-options.js';
