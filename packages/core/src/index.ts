export {
  DEPLOYMENT_ID_NAMESPACE,
  deriveUuid,
  isUuid,
  mintDeploymentId,
  SERVICE_INSTANCE_ID_NAMESPACE,
  uuidVersion,
} from './deployment-id.js';
export { COMPACT_RECORD_KEYS, REQUIRED_IDENTITY_KEYS } from './identity-keys.js';
export { normalizeIp } from './ip-address.js';
export type { Manifest } from './manifest/manifest.js';
export { MANIFEST_FILE_NAME, MANIFEST_SCHEMA_VERSION } from './manifest/manifest.js';
export type { ReadManifestResult } from './manifest/read-manifest.js';
export { readManifest } from './manifest/read-manifest.js';
export { formatManifest, writeManifest } from './manifest/serialize-manifest.js';
export type { ValidationResult } from './manifest/validate-manifest.js';
export { validateManifest } from './manifest/validate-manifest.js';
export { writeFileAtomic } from './manifest/write-manifest.js';
export type { AttributeLayer, MergedAttributes } from './merge-layers.js';
export { mergeLayers } from './merge-layers.js';
export { decodeAnyValue, decodeKeyValues } from './otlp/any-value.js';
export type {
  OtlpRecord,
  OtlpRequest,
  OtlpResourceGroup,
  OtlpSignal,
  OtlpValue,
} from './otlp/otlp-types.js';
export { OtlpShapeError } from './otlp/otlp-types.js';
export {
  detectOtlpSignal,
  OTLP_REQUEST_KEYS,
  readOtlpRequest,
  readUnixNano,
} from './otlp/read-otlp-request.js';
export type { JsonChunk } from './otlp/split-json-values.js';
export { splitJsonValues } from './otlp/split-json-values.js';
export type { NetworkKind } from './provenance-keys.js';
export {
  ATTR_PROVENANCE_CICD_ACTOR,
  ATTR_PROVENANCE_CICD_RUN_ATTEMPT,
  ATTR_PROVENANCE_DEPLOYMENT_ID_SOURCE,
  ATTR_PROVENANCE_DNS_NAME,
  ATTR_PROVENANCE_HOST_NETWORK,
  ATTR_PROVENANCE_NETWORK_ID,
  ATTR_PROVENANCE_NETWORK_KIND,
  ATTR_PROVENANCE_NETWORK_SUBNET,
  isNetworkKind,
  NETWORK_KINDS,
} from './provenance-keys.js';
export type { DecodeResult, EncodeResult } from './resource-attributes-env.js';
export {
  decodeResourceAttributes,
  encodeResourceAttributes,
  MAX_ENV_ENTRY_LENGTH,
} from './resource-attributes-env.js';
export { parseRfc3339 } from './rfc3339.js';
export type { BoundedString } from './sanitize/bound-value.js';
export { boundString, MAX_VALUE_LENGTH } from './sanitize/bound-value.js';
export type {
  AttributeScalar,
  Attributes,
  AttributeValue,
  SanitizeOptions,
  SanitizeResult,
} from './sanitize/sanitize-attributes.js';
export { sanitizeAndReport, sanitizeAttributes } from './sanitize/sanitize-attributes.js';
export {
  scrubEmbeddedCredentials,
  scrubRepositoryUrl,
  scrubUrl,
} from './sanitize/scrub-url.js';
export {
  ATTR_CICD_PIPELINE_NAME,
  ATTR_CICD_PIPELINE_RUN_ID,
  ATTR_CICD_PIPELINE_RUN_URL_FULL,
  ATTR_CICD_PIPELINE_TASK_NAME,
  ATTR_CICD_PIPELINE_TASK_RUN_ID,
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_AVAILABILITY_ZONE,
  ATTR_CLOUD_PLATFORM,
  ATTR_CLOUD_PROVIDER,
  ATTR_CLOUD_REGION,
  ATTR_CLOUD_RESOURCE_ID,
  ATTR_DEPLOYMENT_ID,
  ATTR_FAAS_COLDSTART,
  ATTR_FAAS_INSTANCE,
  ATTR_FAAS_INVOCATION_ID,
  ATTR_FAAS_MAX_MEMORY,
  ATTR_FAAS_NAME,
  ATTR_FAAS_TRIGGER,
  ATTR_FAAS_VERSION,
  ATTR_HOST_ARCH,
  ATTR_HOST_ID,
  ATTR_HOST_IP,
  ATTR_HOST_NAME,
  ATTR_HOST_TYPE,
  ATTR_VCS_REF_HEAD_NAME,
  ATTR_VCS_REF_HEAD_REVISION,
  ATTR_VCS_REPOSITORY_URL_FULL,
} from './semconv.js';
