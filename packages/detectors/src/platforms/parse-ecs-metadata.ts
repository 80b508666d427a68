import {
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_AVAILABILITY_ZONE,
  ATTR_CLOUD_REGION,
  ATTR_CLOUD_RESOURCE_ID,
  ATTR_HOST_IP,
  ATTR_PROVENANCE_DNS_NAME,
  ATTR_PROVENANCE_NETWORK_ID,
  ATTR_PROVENANCE_NETWORK_KIND,
  ATTR_PROVENANCE_NETWORK_SUBNET,
  normalizeIp,
} from '@otel-provenance/core';
import { arrayField, field, stringField, stringsField } from './json-fields.js';
import { parseArn } from './parse-arn.js';
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
} from './platform-keys.js';

/** Maps an ECS launch type (`EC2`, `FARGATE`) to the semantic conventions' value. */
export function ecsLaunchType(text: string | undefined): string | undefined {
  const lower = text?.trim().toLowerCase();
  return lower === 'ec2' || lower === 'fargate' ? lower : undefined;
}

// The container's networks (awsvpc, bridge or host mode): its addresses, the
// subnets they sit in and the ENI's private DNS name.
function parseNetworks(container: unknown): Record<string, unknown> {
  const addresses = new Set<string>();
  const subnets = new Set<string>();
  let dnsName: string | undefined;
  for (const network of arrayField(container, 'Networks')) {
    for (const raw of [
      ...stringsField(network, 'IPv4Addresses'),
      ...stringsField(network, 'IPv6Addresses'),
    ]) {
      const address = normalizeIp(raw);
      if (address !== undefined) addresses.add(address);
    }
    for (const key of ['IPv4SubnetCIDRBlock', 'IPv6SubnetCIDRBlock']) {
      const subnet = stringField(network, key);
      if (subnet !== undefined) subnets.add(subnet);
    }
    dnsName ??= stringField(network, 'PrivateDNSName');
  }
  return {
    [ATTR_HOST_IP]: addresses.size > 0 ? [...addresses] : undefined,
    [ATTR_PROVENANCE_NETWORK_SUBNET]: subnets.size > 0 ? [...subnets] : undefined,
    [ATTR_PROVENANCE_DNS_NAME]: dnsName,
  };
}

/**
 * Reads the container's own document (`${ECS_CONTAINER_METADATA_URI_V4}`):
 * its ARN, name, log stream and networks. A document of any other shape
 * gives what it has, never a throw.
 */
export function parseEcsContainerMetadata(container: unknown): Record<string, unknown> {
  const logOptions = field(container, 'LogOptions');
  const logGroup = stringField(logOptions, 'awslogs-group');
  const logStream = stringField(logOptions, 'awslogs-stream');
  const containerArn = stringField(container, 'ContainerARN');
  const taskArn = stringField(field(container, 'Labels'), 'com.amazonaws.ecs.task-arn');
  const arn = parseArn(containerArn) ?? parseArn(taskArn);

  return {
    ...parseNetworks(container),
    [ATTR_CONTAINER_NAME]: stringField(container, 'Name'),
    [ATTR_AWS_ECS_CONTAINER_ARN]: containerArn,
    [ATTR_CLOUD_RESOURCE_ID]: containerArn,
    [ATTR_AWS_LOG_GROUP_NAMES]: logGroup === undefined ? undefined : [logGroup],
    [ATTR_AWS_LOG_STREAM_NAMES]: logStream === undefined ? undefined : [logStream],
    [ATTR_CLOUD_ACCOUNT_ID]: arn?.accountId || undefined,
    [ATTR_CLOUD_REGION]: arn?.region || undefined,
  };
}

// `Cluster` is a name on EC2 and a full ARN on Fargate.
function clusterArn(cluster: string | undefined, taskArn: string | undefined) {
  if (cluster === undefined || cluster.startsWith('arn:')) {
    return cluster;
  }
  const arn = parseArn(taskArn);
  return arn === undefined
    ? undefined
    : `arn:${arn.partition}:ecs:${arn.region}:${arn.accountId}:cluster/${cluster}`;
}

/**
 * Reads the task's document (`${ECS_CONTAINER_METADATA_URI_V4}/task`): task
 * and cluster ARNs, family and revision, launch type, zone, and the task's
 * `VPCID` (EC2 launch type, agent 1.63.1 and later) as the network id.
 */
export function parseEcsTaskMetadata(task: unknown): Record<string, unknown> {
  const taskArn = stringField(task, 'TaskARN');
  const arn = parseArn(taskArn);
  const vpcId = stringField(task, 'VPCID');
  const revision = field(task, 'Revision');

  return {
    [ATTR_AWS_ECS_TASK_ARN]: taskArn,
    [ATTR_AWS_ECS_TASK_ID]: arn?.resource.split('/').at(-1) || undefined,
    [ATTR_AWS_ECS_CLUSTER_ARN]: clusterArn(stringField(task, 'Cluster'), taskArn),
    [ATTR_AWS_ECS_TASK_FAMILY]: stringField(task, 'Family'),
    [ATTR_AWS_ECS_TASK_REVISION]:
      typeof revision === 'number' ? String(revision) : stringField(task, 'Revision'),
    [ATTR_AWS_ECS_LAUNCHTYPE]: ecsLaunchType(stringField(task, 'LaunchType')),
    [ATTR_CLOUD_AVAILABILITY_ZONE]: stringField(task, 'AvailabilityZone'),
    [ATTR_CLOUD_ACCOUNT_ID]: arn?.accountId || undefined,
    [ATTR_CLOUD_REGION]: arn?.region || undefined,
    [ATTR_PROVENANCE_NETWORK_ID]: vpcId,
    [ATTR_PROVENANCE_NETWORK_KIND]: vpcId === undefined ? undefined : 'aws.vpc',
  };
}
