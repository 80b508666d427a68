import {
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_AVAILABILITY_ZONE,
  ATTR_CLOUD_PLATFORM,
  ATTR_CLOUD_PROVIDER,
  ATTR_CLOUD_REGION,
  ATTR_HOST_ID,
  ATTR_HOST_TYPE,
  ATTR_PROVENANCE_DNS_NAME,
  ATTR_PROVENANCE_NETWORK_ID,
  ATTR_PROVENANCE_NETWORK_KIND,
} from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { envValue } from '../env-value.js';
import { warnOnce } from '../warn-once.js';
import { isEc2 } from './dmi-markers.js';
import { mergeDefined } from './json-fields.js';
import { requestMetadata, requestMetadataJson } from './metadata-request.js';
import { parseEc2IdentityDocument } from './parse-instance-metadata.js';
import type { InstancePlatform, PlatformFacts } from './platform.js';
import { ATTR_HOST_IMAGE_ID, CLOUD_PLATFORM } from './platform-keys.js';
import { readInstanceMetadata } from './read-instance-metadata.js';

/** The instance metadata service's address, used when `AWS_EC2_METADATA_SERVICE_ENDPOINT` is unset. */
export const EC2_METADATA_ENDPOINT = 'http://169.254.169.254';

// Short: the token serves the few requests of one detection.
const TOKEN_TTL_SECONDS = '60';

/**
 * Returns the metadata service's base URL from the AWS SDKs' variables:
 * none when `AWS_EC2_METADATA_DISABLED` is `true`, the URL in
 * `AWS_EC2_METADATA_SERVICE_ENDPOINT` when set, else the default. An invalid
 * endpoint is one warning and no request, never a fall back to the default.
 */
export function ec2MetadataBase(context: DetectionContext): string | undefined {
  if (envValue(context.env, 'AWS_EC2_METADATA_DISABLED')?.toLowerCase() === 'true') {
    return undefined;
  }
  const endpoint = envValue(context.env, 'AWS_EC2_METADATA_SERVICE_ENDPOINT');
  if (endpoint === undefined) {
    return EC2_METADATA_ENDPOINT;
  }
  if (!/^https?:\/\/[^\s/]+\/?$/.test(endpoint)) {
    warnOnce(
      `provenance: AWS_EC2_METADATA_SERVICE_ENDPOINT="${endpoint}" is invalid and the metadata service is not asked; set it to a URL such as http://169.254.169.254`,
    );
    return undefined;
  }
  return endpoint.replace(/\/$/, '');
}

// IMDSv2: one PUT for a session token, then GETs that carry it.
async function askImds(context: DetectionContext, base: string, sink: Record<string, unknown>) {
  const token = (
    await requestMetadata(context, `${base}/latest/api/token`, {
      method: 'PUT',
      headers: { 'X-aws-ec2-metadata-token-ttl-seconds': TOKEN_TTL_SECONDS },
    })
  )?.trim();
  if (token === undefined || token === '' || /\s/.test(token)) {
    return;
  }

  const headers = { 'X-aws-ec2-metadata-token': token };
  const get = (path: string) => requestMetadata(context, `${base}/latest/${path}`, { headers });
  await Promise.all([
    requestMetadataJson(context, `${base}/latest/dynamic/instance-identity/document`, {
      headers,
    }).then((document) => Object.assign(sink, mergeDefined(parseEc2IdentityDocument(document)))),
    get('meta-data/local-hostname').then((name) => {
      if (name?.trim()) sink[ATTR_PROVENANCE_DNS_NAME] = name.trim();
    }),
    get('meta-data/mac').then(async (mac) => {
      if (mac === undefined || !/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(mac.trim())) return;
      const vpcId = (await get(`meta-data/network/interfaces/macs/${mac.trim()}/vpc-id`))?.trim();
      if (vpcId !== undefined && /^vpc-[0-9a-z]+$/.test(vpcId)) {
        sink[ATTR_PROVENANCE_NETWORK_ID] = vpcId;
        sink[ATTR_PROVENANCE_NETWORK_KIND] = 'aws.vpc';
      }
    }),
  ]);
}

function readEc2(context: DetectionContext): Promise<PlatformFacts> {
  return readInstanceMetadata(context, {
    detector: awsEc2.name,
    provider: 'aws',
    platform: CLOUD_PLATFORM.awsEc2,
    base: ec2MetadataBase(context),
    request: (base, sink) => askImds(context, base, sink),
  });
}

/** Amazon EC2, recognised by its DMI marker; IMDSv2 gives the rest. */
export const awsEc2: InstancePlatform = {
  name: 'aws-ec2',
  keys: [
    ATTR_CLOUD_PROVIDER,
    ATTR_CLOUD_PLATFORM,
    ATTR_CLOUD_ACCOUNT_ID,
    ATTR_CLOUD_REGION,
    ATTR_CLOUD_AVAILABILITY_ZONE,
    ATTR_HOST_ID,
    ATTR_HOST_TYPE,
    ATTR_HOST_IMAGE_ID,
    ATTR_PROVENANCE_DNS_NAME,
    ATTR_PROVENANCE_NETWORK_ID,
    ATTR_PROVENANCE_NETWORK_KIND,
  ],
  recognise: isEc2,
  read: readEc2,
};
