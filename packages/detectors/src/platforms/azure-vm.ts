import {
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_AVAILABILITY_ZONE,
  ATTR_CLOUD_PLATFORM,
  ATTR_CLOUD_PROVIDER,
  ATTR_CLOUD_REGION,
  ATTR_CLOUD_RESOURCE_ID,
  ATTR_HOST_ID,
  ATTR_HOST_NAME,
  ATTR_HOST_TYPE,
} from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { envValue } from '../env-value.js';
import { warnOnce } from '../warn-once.js';
import { isAzureVm } from './dmi-markers.js';
import { mergeDefined } from './json-fields.js';
import { requestMetadataJson } from './metadata-request.js';
import { parseAzureInstance } from './parse-instance-metadata.js';
import type { InstancePlatform, PlatformFacts } from './platform.js';
import { CLOUD_PLATFORM } from './platform-keys.js';
import { readInstanceMetadata } from './read-instance-metadata.js';

/** The Azure instance metadata service's address, used when `PROVENANCE_AZURE_IMDS_ENDPOINT` is unset. */
export const AZURE_IMDS_ENDPOINT = 'http://169.254.169.254';

// A version every Azure region serves.
const API_VERSION = '2021-02-01';

/**
 * Returns the metadata service's base URL: `PROVENANCE_AZURE_IMDS_ENDPOINT`
 * when set, else the default. An invalid value is one warning and no request.
 */
export function azureImdsBase(context: DetectionContext): string | undefined {
  const endpoint = envValue(context.env, 'PROVENANCE_AZURE_IMDS_ENDPOINT');
  if (endpoint === undefined) {
    return AZURE_IMDS_ENDPOINT;
  }
  if (!/^https?:\/\/[^\s/]+\/?$/.test(endpoint)) {
    warnOnce(
      `provenance: PROVENANCE_AZURE_IMDS_ENDPOINT="${endpoint}" is invalid and the metadata service is not asked; set it to a URL such as http://169.254.169.254`,
    );
    return undefined;
  }
  return endpoint.replace(/\/$/, '');
}

function readAzureVm(context: DetectionContext): Promise<PlatformFacts> {
  return readInstanceMetadata(context, {
    detector: azureVm.name,
    provider: 'azure',
    platform: CLOUD_PLATFORM.azureVm,
    base: azureImdsBase(context),
    request: async (base, sink) => {
      const document = await requestMetadataJson(
        context,
        `${base}/metadata/instance?api-version=${API_VERSION}&format=json`,
        { headers: { Metadata: 'true' } },
      );
      Object.assign(sink, mergeDefined(parseAzureInstance(document)));
    },
  });
}

/** An Azure virtual machine, recognised by its DMI marker; IMDS gives the rest. */
export const azureVm: InstancePlatform = {
  name: 'azure-vm',
  keys: [
    ATTR_CLOUD_PROVIDER,
    ATTR_CLOUD_PLATFORM,
    ATTR_CLOUD_ACCOUNT_ID,
    ATTR_CLOUD_REGION,
    ATTR_CLOUD_AVAILABILITY_ZONE,
    ATTR_CLOUD_RESOURCE_ID,
    ATTR_HOST_ID,
    ATTR_HOST_NAME,
    ATTR_HOST_TYPE,
  ],
  recognise: isAzureVm,
  read: readAzureVm,
};
