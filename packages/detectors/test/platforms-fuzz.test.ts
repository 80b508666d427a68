import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../src/index.js';
import { parseArn } from '../src/platforms/parse-arn.js';
import {
  parseEcsContainerMetadata,
  parseEcsTaskMetadata,
} from '../src/platforms/parse-ecs-metadata.js';
import {
  parseAzureInstance,
  parseEc2IdentityDocument,
  parseGceInstance,
} from '../src/platforms/parse-instance-metadata.js';
import { detectWith, makeRoot } from './support/detect-with.js';
import { MARKER_ROOTS, PLATFORM_VARIABLES, pointedAt } from './support/platform-inputs.js';

const LOOPBACK = 'http://127.0.0.1:9';

// Bounded so the whole file runs in a few seconds on a shared machine.
const RUNS = { numRuns: 150 };

function expectCleanValues(attributes: Record<string, unknown>) {
  for (const [key, value] of Object.entries(attributes)) {
    expect(value, key).not.toBe('');
    expect(value, key).not.toBeNull();
    if (typeof value === 'number') expect(Number.isFinite(value), key).toBe(true);
    if (Array.isArray(value)) expect(value, key).not.toContain('');
  }
}

function expectTypes(attributes: Record<string, unknown>) {
  const memory = attributes['faas.max_memory'];
  if (memory !== undefined) {
    expect(Number.isSafeInteger(memory)).toBe(true);
    expect(memory as number).toBeGreaterThan(0);
  }
  const index = attributes['gcp.cloud_run.job.task_index'];
  if (index !== undefined) expect(Number.isSafeInteger(index)).toBe(true);
}

// A value of every shape a metadata document's field might have.
const anyField = fc.oneof(
  fc.string(),
  fc.constant(''),
  fc.constant('   '),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

function documentOf(fields: readonly string[]) {
  return fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.dictionary(fc.constantFrom(...fields), anyField),
  );
}

const ECS_CONTAINER_FIELDS = ['Name', 'ContainerARN', 'LogOptions', 'Labels', 'Networks'];
const ECS_NETWORK = fc.dictionary(
  fc.constantFrom(
    'IPv4Addresses',
    'IPv6Addresses',
    'IPv4SubnetCIDRBlock',
    'IPv6SubnetCIDRBlock',
    'PrivateDNSName',
  ),
  fc.oneof(anyField, fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 3 })),
);
const ECS_TASK_FIELDS = [
  'TaskARN',
  'Cluster',
  'Family',
  'Revision',
  'LaunchType',
  'AvailabilityZone',
  'VPCID',
];

describe('platform parsers on random input', () => {
  it('parse ECS container documents', () => {
    const withNetworks = fc.record({ Networks: fc.array(ECS_NETWORK, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.oneof(documentOf(ECS_CONTAINER_FIELDS), withNetworks), (document) => {
        expectCleanValues(parseEcsContainerMetadataDefined(document));
      }),
      RUNS,
    );
  });

  it('parse ECS task documents', () => {
    fc.assert(
      fc.property(documentOf(ECS_TASK_FIELDS), (document) => {
        expectCleanValues(defined(parseEcsTaskMetadata(document)));
      }),
      RUNS,
    );
  });

  it('parse instance documents', () => {
    const ec2 = documentOf([
      'accountId',
      'region',
      'availabilityZone',
      'instanceId',
      'instanceType',
      'imageId',
    ]);
    const gce = documentOf(['zone', 'name', 'hostname', 'machineType', 'networkInterfaces']);
    const azure = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.record({
        compute: documentOf([
          'location',
          'zone',
          'subscriptionId',
          'resourceId',
          'vmId',
          'name',
          'vmSize',
        ]),
      }),
    );
    fc.assert(
      fc.property(ec2, gce, azure, (a, b, c) => {
        expectCleanValues(defined(parseEc2IdentityDocument(a)));
        expectCleanValues(defined(parseGceInstance(b)));
        expectCleanValues(defined(parseAzureInstance(c)));
      }),
      RUNS,
    );
  });

  it.each([
    ['a zone of one letter', () => parseGceInstance({ zone: 'projects/1/zones/-a' })],
    [
      'a task ARN ending in a slash',
      () => parseEcsTaskMetadata({ TaskARN: 'arn:aws:ecs:eu-west-1:111122223333:task/' }),
    ],
  ])('leave out empty values from %s', (_name, parse) => {
    expectCleanValues(defined(parse()));
  });

  it('parse ARNs in any shape', () => {
    const arnLike = fc
      .tuple(fc.string(), fc.string(), fc.string(), fc.string(), fc.string())
      .map((parts) => `arn:${parts.join(':')}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), arnLike), (text) => {
        const arn = parseArn(text);
        if (arn !== undefined) {
          expect(arn.partition.startsWith('aws')).toBe(true);
          expect(arn.resource).not.toBe('');
        }
      }),
      RUNS,
    );
  });
});

function defined(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}

function parseEcsContainerMetadataDefined(document: unknown) {
  return defined(parseEcsContainerMetadata(document));
}

describe('platform detection on random input', () => {
  const roots = Object.fromEntries(
    Object.entries(MARKER_ROOTS).map(([name, files]) => [name, makeRoot(files)]),
  );
  const values = fc.oneof(
    fc.string(),
    fc.constantFrom('', ' ', '0', '-1', '1e3', 'NaN', '$LATEST', 'FlexConsumption', '1', 'true'),
    fc.stringMatching(/^\d{1,12}$/),
  );
  const variables = fc.dictionary(fc.constantFrom(...PLATFORM_VARIABLES), values, { maxKeys: 15 });

  it('never throws or emits empty values for random variables', async () => {
    const rejectAll: FetchLike = () => Promise.reject(new Error('no network in this test'));
    await fc.assert(
      fc.asyncProperty(variables, fc.constantFrom(...Object.keys(roots)), async (env, marker) => {
        const { attributes } = await detectWith({
          env: { ...env, ...pointedAt(LOOPBACK) },
          root: roots[marker],
          fetch: rejectAll,
        });
        expectCleanValues(attributes);
        expectTypes(attributes);
      }),
      RUNS,
    );
  });

  it('never throws or emits empty values for random metadata bodies', async () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.anything({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? ''),
    );
    const platformEnv = fc.constantFrom<Record<string, string>>(
      { ECS_CONTAINER_METADATA_URI_V4: `${LOOPBACK}/v4/task` },
      { K_SERVICE: 'checkout', K_REVISION: 'checkout-00001-abc' },
      {},
    );
    await fc.assert(
      fc.asyncProperty(
        bodies,
        platformEnv,
        fc.constantFrom(...Object.keys(roots)),
        async (body, env, marker) => {
          // Returns the same random body for every request, the IMDSv2 token included.
          const fetch: FetchLike = () =>
            Promise.resolve(new Response(body, { headers: { 'Metadata-Flavor': 'Google' } }));
          const { attributes } = await detectWith({
            env: { ...env, ...pointedAt(LOOPBACK) },
            root: roots[marker],
            fetch,
          });
          expectCleanValues(attributes);
        },
      ),
      RUNS,
    );
  });
});
