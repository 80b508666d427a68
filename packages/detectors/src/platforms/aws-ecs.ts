import {
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_AVAILABILITY_ZONE,
  ATTR_CLOUD_PLATFORM,
  ATTR_CLOUD_PROVIDER,
  ATTR_CLOUD_REGION,
  ATTR_CLOUD_RESOURCE_ID,
  ATTR_HOST_IP,
  ATTR_PROVENANCE_DNS_NAME,
  ATTR_PROVENANCE_NETWORK_ID,
  ATTR_PROVENANCE_NETWORK_KIND,
  ATTR_PROVENANCE_NETWORK_SUBNET,
} from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { type Environment, envValue } from '../env-value.js';
import { mergeDefined } from './json-fields.js';
import { requestMetadataJson } from './metadata-request.js';
import { collectWithinBudget } from './network-budget.js';
import {
  ecsLaunchType,
  parseEcsContainerMetadata,
  parseEcsTaskMetadata,
} from './parse-ecs-metadata.js';
import type { EnvPlatform, PlatformFacts } from './platform.js';
import {
  ATTR_AWS_ECS_CLUSTER_ARN,
  ATTR_AWS_ECS_CONTAINER_ARN,
  ATTR_AWS_ECS_LAUNCHTYPE,
  ATTR_AWS_ECS_TASK_ARN,
  ATTR_AWS_ECS_TASK_FAMILY,
  ATTR_AWS_ECS_TASK_ID,
  ATTR_AWS_ECS_TASK_REVISION,
  ATTR_AWS_LOG_GROUP_NAMES,
  ATTR_AWS_LOG_STREAM_NAMES,
  ATTR_CONTAINER_NAME,
  CLOUD_PLATFORM,
} from './platform-keys.js';

function recognise(env: Environment): boolean {
  return (
    envValue(env, 'ECS_CONTAINER_METADATA_URI_V4') !== undefined ||
    envValue(env, 'AWS_EXECUTION_ENV')?.startsWith('AWS_ECS_') === true
  );
}

// A metadata URI must be an http(s) URL; the agent sets one on a link-local
// address, tests set one on loopback.
function metadataBase(env: Environment): string | undefined {
  const uri = envValue(env, 'ECS_CONTAINER_METADATA_URI_V4');
  if (uri === undefined || !/^https?:\/\/[^\s/]/.test(uri)) {
    return undefined;
  }
  return uri.replace(/\/+$/, '');
}

async function readEcs(context: DetectionContext): Promise<PlatformFacts> {
  const executionEnv = envValue(context.env, 'AWS_EXECUTION_ENV');
  const fromEnv = {
    [ATTR_CLOUD_PROVIDER]: 'aws',
    [ATTR_CLOUD_PLATFORM]: CLOUD_PLATFORM.awsEcs,
    [ATTR_AWS_ECS_LAUNCHTYPE]: ecsLaunchType(executionEnv?.replace(/^AWS_ECS_/, '')),
  };

  // The container and task documents are asked at once; when one fails or
  // is slow, what the other gave is kept.
  const base = metadataBase(context.env);
  const found = await collectWithinBudget<{ container: object; task: object }>(
    context,
    async (sink) => {
      if (base === undefined) return;
      await Promise.all([
        requestMetadataJson(context, base).then((document) => {
          if (document !== undefined) sink.container = parseEcsContainerMetadata(document);
        }),
        requestMetadataJson(context, `${base}/task`).then((document) => {
          if (document !== undefined) sink.task = parseEcsTaskMetadata(document);
        }),
      ]);
    },
  );

  const container = (found.container ?? {}) as Record<string, unknown>;
  const task = (found.task ?? {}) as Record<string, unknown>;
  const attributes = mergeDefined(fromEnv, container, task);
  return {
    detector: awsEcs.name,
    attributes,
    deployment: {
      platform: CLOUD_PLATFORM.awsEcs,
      scope: [
        attributes[ATTR_CLOUD_ACCOUNT_ID] as string | undefined,
        attributes[ATTR_CLOUD_REGION] as string | undefined,
        attributes[ATTR_AWS_ECS_TASK_FAMILY] as string | undefined,
      ],
      revision: attributes[ATTR_AWS_ECS_TASK_REVISION] as string | undefined,
    },
  };
}

/**
 * AWS ECS (EC2 and Fargate launch types), from task metadata v4 at
 * `ECS_CONTAINER_METADATA_URI_V4`, or only the launch type from
 * `AWS_EXECUTION_ENV` when the metadata cannot be read in time.
 */
export const awsEcs: EnvPlatform = {
  name: 'aws-ecs',
  keys: [
    ATTR_CLOUD_PROVIDER,
    ATTR_CLOUD_PLATFORM,
    ATTR_CLOUD_ACCOUNT_ID,
    ATTR_CLOUD_REGION,
    ATTR_CLOUD_AVAILABILITY_ZONE,
    ATTR_CLOUD_RESOURCE_ID,
    ATTR_AWS_ECS_LAUNCHTYPE,
    ATTR_AWS_ECS_CLUSTER_ARN,
    ATTR_AWS_ECS_TASK_ARN,
    ATTR_AWS_ECS_TASK_ID,
    ATTR_AWS_ECS_TASK_FAMILY,
    ATTR_AWS_ECS_TASK_REVISION,
    ATTR_AWS_ECS_CONTAINER_ARN,
    ATTR_AWS_LOG_GROUP_NAMES,
    ATTR_AWS_LOG_STREAM_NAMES,
    ATTR_CONTAINER_NAME,
    ATTR_HOST_IP,
    ATTR_PROVENANCE_DNS_NAME,
    ATTR_PROVENANCE_NETWORK_ID,
    ATTR_PROVENANCE_NETWORK_KIND,
    ATTR_PROVENANCE_NETWORK_SUBNET,
  ],
  recognise,
  read: readEcs,
};
