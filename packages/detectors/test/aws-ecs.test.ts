import { afterEach, describe, expect, it } from 'vitest';
import { detectWith } from './support/detect-with.js';
import {
  type MetadataServer,
  refusingUrl,
  startMetadataServer,
} from './support/metadata-server.js';

// Shaped like the Fargate examples of the ECS task metadata v4 documentation,
// with fictional values. The ARNs are in the China partition, because account
// and region must come from an ARN of any partition.
const TASK_ID = 'febee046097849aba589d4435207c04a';
const TASK_ARN = `arn:aws-cn:ecs:cn-north-1:111122223333:task/default/${TASK_ID}`;

const CONTAINER = {
  DockerId: 'cd189a933e5849daa93386466019ab50-2495160603',
  Name: 'curl',
  ContainerARN: `arn:aws-cn:ecs:cn-north-1:111122223333:container/default/${TASK_ID}/1b6b8a2c-0cd4-4c88-a6c6-7b2a5e6c0f1d`,
  LogOptions: { 'awslogs-group': '/ecs/curl', 'awslogs-stream': `ecs/curl/${TASK_ID}` },
  Networks: [
    {
      NetworkMode: 'awsvpc',
      IPv4Addresses: ['10.0.0.108'],
      IPv6Addresses: ['2001:DB8:0:0:0:0:0:1'],
      IPv4SubnetCIDRBlock: '10.0.0.0/24',
      IPv6SubnetCIDRBlock: '2001:db8::/64',
      PrivateDNSName: 'ip-10-0-0-108.cn-north-1.compute.internal',
    },
  ],
};

const TASK = {
  Cluster: 'arn:aws-cn:ecs:cn-north-1:111122223333:cluster/default',
  TaskARN: TASK_ARN,
  Family: 'curltest',
  Revision: '26',
  LaunchType: 'FARGATE',
  AvailabilityZone: 'cn-north-1a',
};

const json = (body: unknown) => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

let server: MetadataServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function ecsEnv(base: string, extra: Record<string, string> = {}) {
  return {
    AWS_EXECUTION_ENV: 'AWS_ECS_FARGATE',
    ECS_CONTAINER_METADATA_URI_V4: `${base}/v4/${TASK_ID}-2495160603`,
    ...extra,
  };
}

describe('AWS ECS detection', () => {
  it('reads both documents of a Fargate task', async () => {
    server = await startMetadataServer({
      [`GET /v4/${TASK_ID}-2495160603`]: json(CONTAINER),
      [`GET /v4/${TASK_ID}-2495160603/task`]: json(TASK),
    });

    const { attributes, sources } = await detectWith({ env: ecsEnv(server.url) });

    expect(attributes['cloud.platform']).toBe('aws_ecs');
    expect(attributes['cloud.account.id']).toBe('111122223333');
    expect(attributes['cloud.region']).toBe('cn-north-1');
    expect(attributes['cloud.availability_zone']).toBe('cn-north-1a');
    expect(attributes['aws.ecs.launchtype']).toBe('fargate');
    expect(attributes['aws.ecs.cluster.arn']).toBe(TASK.Cluster);
    expect(attributes['aws.ecs.task.arn']).toBe(TASK_ARN);
    expect(attributes['aws.ecs.task.id']).toBe(TASK_ID);
    expect(attributes['aws.ecs.task.family']).toBe('curltest');
    expect(attributes['aws.ecs.task.revision']).toBe('26');
    expect(attributes['aws.ecs.container.arn']).toBe(CONTAINER.ContainerARN);
    expect(attributes['container.name']).toBe('curl');
    expect(attributes['host.ip']).toEqual(['10.0.0.108', '2001:db8::1']);
    expect(attributes['provenance.network.subnet']).toEqual(['10.0.0.0/24', '2001:db8::/64']);
    expect(attributes['provenance.dns.name']).toBe('ip-10-0-0-108.cn-north-1.compute.internal');
    expect(attributes).not.toHaveProperty('provenance.network.id');
    expect(attributes['provenance.deployment.id.source']).toBe('aws_ecs');
    expect(sources['host.ip']).toBe('aws-ecs');
  });

  it('prefers the task VPC to PROVENANCE_NETWORK_ID', async () => {
    server = await startMetadataServer({
      [`GET /v4/${TASK_ID}-2495160603/task`]: json({ ...TASK, VPCID: 'vpc-0123456789abcdef0' }),
    });

    const { attributes } = await detectWith({
      env: ecsEnv(server.url, { PROVENANCE_NETWORK_ID: 'payments' }),
    });

    expect(attributes['provenance.network.id']).toBe('vpc-0123456789abcdef0');
    expect(attributes['provenance.network.kind']).toBe('aws.vpc');
  });

  it('keeps PROVENANCE_NETWORK_ID without a task VPC', async () => {
    server = await startMetadataServer({ [`GET /v4/${TASK_ID}-2495160603/task`]: json(TASK) });

    const { attributes } = await detectWith({
      env: ecsEnv(server.url, {
        PROVENANCE_NETWORK_ID: 'vpc-77',
        PROVENANCE_NETWORK_KIND: 'aws.vpc',
      }),
    });

    expect(attributes['provenance.network.id']).toBe('vpc-77');
    expect(attributes['provenance.network.kind']).toBe('aws.vpc');
  });

  it('keeps the container document when the task one is slow', async () => {
    server = await startMetadataServer({
      [`GET /v4/${TASK_ID}-2495160603`]: json(CONTAINER),
      [`GET /v4/${TASK_ID}-2495160603/task`]: { ...json(TASK), delayMs: 5_000 },
    });

    const started = performance.now();
    const { attributes } = await detectWith({ env: ecsEnv(server.url), budgetMs: 200 });
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(1_500);
    expect(attributes['container.name']).toBe('curl');
    expect(attributes['cloud.account.id']).toBe('111122223333');
    expect(attributes['aws.ecs.launchtype']).toBe('fargate');
    expect(attributes).not.toHaveProperty('aws.ecs.task.arn');
    expect(attributes).not.toHaveProperty('deployment.id');
  });

  it('keeps the variables when the endpoint refuses', async () => {
    const { attributes } = await detectWith({ env: ecsEnv(await refusingUrl()) });

    expect(attributes['cloud.provider']).toBe('aws');
    expect(attributes['cloud.platform']).toBe('aws_ecs');
    expect(attributes['aws.ecs.launchtype']).toBe('fargate');
    expect(attributes).not.toHaveProperty('cloud.account.id');
  });

  it.each([
    ['garbage', { body: '<html>captive portal</html>' }],
    ['a truncated document', { body: JSON.stringify(TASK).slice(0, 40) }],
    ['a document of the wrong shape', json([TASK])],
    [
      'fields of the wrong type',
      json({ TaskARN: 42, Cluster: {}, LaunchType: ['EC2'], VPCID: '' }),
    ],
    ['a server error', { status: 500, body: '{}' }],
    ['a body over the size bound', json({ ...TASK, Padding: 'x'.repeat(300 * 1024) })],
  ])('keeps the rest when the task endpoint returns %s', async (_name, reply) => {
    server = await startMetadataServer({
      [`GET /v4/${TASK_ID}-2495160603`]: json(CONTAINER),
      [`GET /v4/${TASK_ID}-2495160603/task`]: reply,
    });

    const { attributes } = await detectWith({ env: ecsEnv(server.url) });

    expect(attributes['container.name']).toBe('curl');
    expect(attributes['aws.ecs.launchtype']).toBe('fargate');
    expect(attributes).not.toHaveProperty('aws.ecs.task.arn');
    expect(attributes).not.toHaveProperty('provenance.network.id');
    expect(Object.values(attributes)).not.toContain('');
  });

  it('builds the cluster ARN from a cluster name', async () => {
    server = await startMetadataServer({
      [`GET /v4/${TASK_ID}-2495160603/task`]: json({ ...TASK, Cluster: 'default' }),
    });

    const { attributes } = await detectWith({ env: ecsEnv(server.url) });

    expect(attributes['aws.ecs.cluster.arn']).toBe(
      'arn:aws-cn:ecs:cn-north-1:111122223333:cluster/default',
    );
  });
});
