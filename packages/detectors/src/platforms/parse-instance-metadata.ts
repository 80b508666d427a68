import {
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_AVAILABILITY_ZONE,
  ATTR_CLOUD_REGION,
  ATTR_CLOUD_RESOURCE_ID,
  ATTR_HOST_ID,
  ATTR_HOST_NAME,
  ATTR_HOST_TYPE,
  ATTR_PROVENANCE_DNS_NAME,
  ATTR_PROVENANCE_NETWORK_ID,
  ATTR_PROVENANCE_NETWORK_KIND,
} from '@otel-provenance/core';
import { lastSegment } from './gcp-metadata.js';
import { arrayField, field, stringField } from './json-fields.js';
import { ATTR_HOST_IMAGE_ID } from './platform-keys.js';

/** Reads the EC2 instance identity document (`/latest/dynamic/instance-identity/document`). */
export function parseEc2IdentityDocument(document: unknown): Record<string, unknown> {
  return {
    [ATTR_CLOUD_ACCOUNT_ID]: stringField(document, 'accountId'),
    [ATTR_CLOUD_REGION]: stringField(document, 'region'),
    [ATTR_CLOUD_AVAILABILITY_ZONE]: stringField(document, 'availabilityZone'),
    [ATTR_HOST_ID]: stringField(document, 'instanceId'),
    [ATTR_HOST_TYPE]: stringField(document, 'instanceType'),
    [ATTR_HOST_IMAGE_ID]: stringField(document, 'imageId'),
  };
}

/**
 * Reads a GCE instance document (`/computeMetadata/v1/instance/?recursive=true`).
 * The numeric `id` is read separately as text: it does not fit a JSON number.
 */
export function parseGceInstance(document: unknown): Record<string, unknown> {
  const zone = lastSegment(stringField(document, 'zone'));
  const network = stringField(arrayField(document, 'networkInterfaces')[0], 'network');
  return {
    [ATTR_CLOUD_AVAILABILITY_ZONE]: zone,
    [ATTR_CLOUD_REGION]: zone?.replace(/-[a-z]$/, '') || undefined,
    [ATTR_HOST_NAME]: stringField(document, 'name'),
    [ATTR_HOST_TYPE]: lastSegment(stringField(document, 'machineType')),
    [ATTR_PROVENANCE_DNS_NAME]: stringField(document, 'hostname'),
    [ATTR_PROVENANCE_NETWORK_ID]: network,
    [ATTR_PROVENANCE_NETWORK_KIND]: network === undefined ? undefined : 'gcp.vpc',
  };
}

/**
 * Reads the Azure instance metadata document (`/metadata/instance`). It has
 * no virtual network id, so the network id stays with `PROVENANCE_NETWORK_ID`.
 */
export function parseAzureInstance(document: unknown): Record<string, unknown> {
  const compute = field(document, 'compute');
  return {
    [ATTR_CLOUD_REGION]: stringField(compute, 'location'),
    [ATTR_CLOUD_AVAILABILITY_ZONE]: stringField(compute, 'zone'),
    [ATTR_CLOUD_ACCOUNT_ID]: stringField(compute, 'subscriptionId'),
    [ATTR_CLOUD_RESOURCE_ID]: stringField(compute, 'resourceId'),
    [ATTR_HOST_ID]: stringField(compute, 'vmId'),
    [ATTR_HOST_NAME]: stringField(compute, 'name'),
    [ATTR_HOST_TYPE]: stringField(compute, 'vmSize'),
  };
}
