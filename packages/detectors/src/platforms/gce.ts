import {
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_AVAILABILITY_ZONE,
  ATTR_CLOUD_PLATFORM,
  ATTR_CLOUD_PROVIDER,
  ATTR_CLOUD_REGION,
  ATTR_HOST_ID,
  ATTR_HOST_NAME,
  ATTR_HOST_TYPE,
  ATTR_PROVENANCE_DNS_NAME,
  ATTR_PROVENANCE_NETWORK_ID,
  ATTR_PROVENANCE_NETWORK_KIND,
} from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { isGce } from './dmi-markers.js';
import { gcpMetadataBase, gcpMetadataValue } from './gcp-metadata.js';
import { mergeDefined } from './json-fields.js';
import { requestMetadataJson } from './metadata-request.js';
import { parseGceInstance } from './parse-instance-metadata.js';
import type { InstancePlatform, PlatformFacts } from './platform.js';
import { CLOUD_PLATFORM } from './platform-keys.js';
import { readInstanceMetadata } from './read-instance-metadata.js';

async function askMetadataServer(
  context: DetectionContext,
  base: string,
  sink: Record<string, unknown>,
) {
  await Promise.all([
    requestMetadataJson(context, `${base}/computeMetadata/v1/instance/?recursive=true`, {
      headers: { 'Metadata-Flavor': 'Google' },
      expectHeader: ['metadata-flavor', 'Google'],
    }).then((document) => Object.assign(sink, mergeDefined(parseGceInstance(document)))),
    gcpMetadataValue(context, base, 'instance/id').then((id) => {
      if (id !== undefined && /^\d+$/.test(id)) sink[ATTR_HOST_ID] = id;
    }),
    gcpMetadataValue(context, base, 'project/project-id').then((project) => {
      if (project !== undefined) sink[ATTR_CLOUD_ACCOUNT_ID] = project;
    }),
  ]);
}

function readGce(context: DetectionContext): Promise<PlatformFacts> {
  return readInstanceMetadata(context, {
    detector: gce.name,
    provider: 'gcp',
    platform: CLOUD_PLATFORM.gcpComputeEngine,
    base: gcpMetadataBase(context),
    request: (base, sink) => askMetadataServer(context, base, sink),
  });
}

/** Google Compute Engine, recognised by its DMI marker; the metadata server gives the rest. */
export const gce: InstancePlatform = {
  name: 'gce',
  keys: [
    ATTR_CLOUD_PROVIDER,
    ATTR_CLOUD_PLATFORM,
    ATTR_CLOUD_ACCOUNT_ID,
    ATTR_CLOUD_REGION,
    ATTR_CLOUD_AVAILABILITY_ZONE,
    ATTR_HOST_ID,
    ATTR_HOST_NAME,
    ATTR_HOST_TYPE,
    ATTR_PROVENANCE_DNS_NAME,
    ATTR_PROVENANCE_NETWORK_ID,
    ATTR_PROVENANCE_NETWORK_KIND,
  ],
  recognise: isGce,
  read: readGce,
};
