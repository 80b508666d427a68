import { afterEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../src/index.js';
import { detectWith, makeRoot } from './support/detect-with.js';
import {
  type MetadataServer,
  type Reply,
  refusingUrl,
  startMetadataServer,
} from './support/metadata-server.js';
import { pointedAt } from './support/platform-inputs.js';

const EC2_ROOT = { '/sys/class/dmi/id/sys_vendor': 'Amazon EC2\n' };
const GCE_ROOT = { '/sys/class/dmi/id/product_name': 'Google Compute Engine\n' };
const AZURE_ROOT = {
  '/sys/class/dmi/id/sys_vendor': 'Microsoft Corporation\n',
  '/sys/class/dmi/id/chassis_asset_tag': '7783-7084-3265-9085-8269-3286-77\n',
};

// Shaped like the examples of each provider's instance metadata documentation; fictional values.
const EC2_ROUTES: Record<string, Reply> = {
  'PUT /latest/api/token': { body: 'AQAEAFAKE-TOKEN==' },
  'GET /latest/dynamic/instance-identity/document': {
    body: JSON.stringify({
      accountId: '111122223333',
      architecture: 'x86_64',
      availabilityZone: 'eu-west-1b',
      imageId: 'ami-0abcdef1234567890',
      instanceId: 'i-1234567890abcdef0',
      instanceType: 'm6i.large',
      privateIp: '10.24.6.50',
      region: 'eu-west-1',
    }),
  },
  'GET /latest/meta-data/local-hostname': { body: 'ip-10-24-6-50.eu-west-1.compute.internal' },
  'GET /latest/meta-data/mac': { body: '0a:3f:9c:12:7e:d4' },
  'GET /latest/meta-data/network/interfaces/macs/0a:3f:9c:12:7e:d4/vpc-id': {
    body: 'vpc-0a7c3e91b5d24f608',
  },
};

const GOOGLE = { 'Metadata-Flavor': 'Google' };
const GCE_ROUTES: Record<string, Reply> = {
  'GET /computeMetadata/v1/instance/?recursive=true': {
    headers: GOOGLE,
    // The id is a JSON number too large for a double, as GCE sends it.
    body: `{"id":4520031799277581759,${JSON.stringify({
      name: 'batch-runner-7',
      hostname: 'batch-runner-7.europe-west4-a.c.example-project.internal',
      machineType: 'projects/123456789012/machineTypes/e2-standard-4',
      zone: 'projects/123456789012/zones/europe-west4-a',
      networkInterfaces: [{ ip: '10.164.0.7', network: 'projects/123456789012/networks/default' }],
    }).slice(1)}`,
  },
  'GET /computeMetadata/v1/instance/id': { headers: GOOGLE, body: '4520031799277581759' },
  'GET /computeMetadata/v1/project/project-id': { headers: GOOGLE, body: 'example-project' },
};

const AZURE_ROUTES: Record<string, Reply> = {
  'GET /metadata/instance?api-version=2021-02-01&format=json': {
    body: JSON.stringify({
      compute: {
        location: 'westeurope',
        name: 'vm-ledger-01',
        resourceId:
          '/subscriptions/3e8c31af-1d3b-4157-8b40-a585474d3ad6/resourceGroups/rg-ledger/providers/Microsoft.Compute/virtualMachines/vm-ledger-01',
        subscriptionId: '3e8c31af-1d3b-4157-8b40-a585474d3ad6',
        vmId: '02aab8a4-74ef-476e-8182-f6d2ba4166a6',
        vmSize: 'Standard_D2s_v5',
        zone: '2',
      },
    }),
  },
};

let server: MetadataServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('instance metadata services', () => {
  it('reads EC2 with an IMDSv2 token', async () => {
    server = await startMetadataServer(EC2_ROUTES);

    const { attributes, sources } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot(EC2_ROOT),
    });

    expect(attributes['cloud.platform']).toBe('aws_ec2');
    expect(attributes['cloud.account.id']).toBe('111122223333');
    expect(attributes['cloud.region']).toBe('eu-west-1');
    expect(attributes['cloud.availability_zone']).toBe('eu-west-1b');
    expect(attributes['host.id']).toBe('i-1234567890abcdef0');
    expect(attributes['host.type']).toBe('m6i.large');
    expect(attributes['host.image.id']).toBe('ami-0abcdef1234567890');
    expect(attributes['provenance.dns.name']).toBe('ip-10-24-6-50.eu-west-1.compute.internal');
    expect(attributes['provenance.network.id']).toBe('vpc-0a7c3e91b5d24f608');
    expect(attributes['provenance.network.kind']).toBe('aws.vpc');
    expect(attributes).not.toHaveProperty('deployment.id');
    expect(sources['host.id']).toBe('aws-ec2');

    const [first, ...rest] = server.requests;
    expect(first?.method).toBe('PUT');
    expect(first?.headers['x-aws-ec2-metadata-token-ttl-seconds']).toBe('60');
    expect(rest.length).toBe(4);
    for (const request of rest) {
      expect(request.headers['x-aws-ec2-metadata-token'], request.path).toBe('AQAEAFAKE-TOKEN==');
    }
  });

  it('reads GCE with the Google header', async () => {
    server = await startMetadataServer(GCE_ROUTES);

    const { attributes } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot(GCE_ROOT),
    });

    expect(attributes['cloud.platform']).toBe('gcp_compute_engine');
    expect(attributes['cloud.account.id']).toBe('example-project');
    expect(attributes['cloud.region']).toBe('europe-west4');
    expect(attributes['cloud.availability_zone']).toBe('europe-west4-a');
    expect(attributes['host.id']).toBe('4520031799277581759');
    expect(attributes['host.type']).toBe('e2-standard-4');
    expect(attributes['provenance.network.id']).toBe('projects/123456789012/networks/default');
    expect(attributes['provenance.network.kind']).toBe('gcp.vpc');
    for (const request of server.requests) {
      expect(request.headers['metadata-flavor'], request.path).toBe('Google');
    }
  });

  it('ignores a GCE answer without the Google header', async () => {
    const withoutHeader = Object.fromEntries(
      Object.entries(GCE_ROUTES).map(([route, reply]) => [route, { body: reply.body }]),
    );
    server = await startMetadataServer(withoutHeader);

    const { attributes } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot(GCE_ROOT),
    });

    expect(attributes['cloud.platform']).toBe('gcp_compute_engine');
    expect(attributes).not.toHaveProperty('host.id');
    expect(attributes).not.toHaveProperty('cloud.account.id');
  });

  it('reads an Azure VM', async () => {
    server = await startMetadataServer(AZURE_ROUTES);

    const { attributes } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot(AZURE_ROOT),
    });

    expect(attributes['cloud.platform']).toBe('azure.vm');
    expect(attributes['cloud.account.id']).toBe('3e8c31af-1d3b-4157-8b40-a585474d3ad6');
    expect(attributes['cloud.region']).toBe('westeurope');
    expect(attributes['host.id']).toBe('02aab8a4-74ef-476e-8182-f6d2ba4166a6');
    expect(attributes['host.type']).toBe('Standard_D2s_v5');
    expect(server.requests[0]?.headers.metadata).toBe('true');
  });

  it('asks nothing without a marker', async () => {
    server = await startMetadataServer(EC2_ROUTES);

    const { attributes } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot({ '/sys/class/dmi/id/sys_vendor': 'Dell Inc.\n' }),
    });

    expect(server.requests).toEqual([]);
    expect(attributes).not.toHaveProperty('cloud.provider');
  });

  it('asks nothing in a Kubernetes pod', async () => {
    server = await startMetadataServer(EC2_ROUTES);

    const { attributes } = await detectWith({
      env: { ...pointedAt(server.url), KUBERNETES_SERVICE_HOST: '10.96.0.1', HOSTNAME: 'web-0' },
      root: makeRoot(EC2_ROOT),
    });

    expect(server.requests).toEqual([]);
    expect(attributes).not.toHaveProperty('cloud.platform');
  });

  it.each([
    ['AWS_EC2_METADATA_DISABLED', { AWS_EC2_METADATA_DISABLED: 'true' }, undefined],
    ['PROVENANCE_DETECT_NETWORK=off', { PROVENANCE_DETECT_NETWORK: 'off' }, undefined],
    ['--no-network', {}, false],
  ] as const)(
    'keeps the marker when %s switches requests off',
    async (_name, env, detectNetwork) => {
      server = await startMetadataServer(EC2_ROUTES);

      const { attributes } = await detectWith({
        env: { ...pointedAt(server.url), ...env },
        root: makeRoot(EC2_ROOT),
        detectNetwork,
      });

      expect(server.requests).toEqual([]);
      expect(attributes['cloud.platform']).toBe('aws_ec2');
      expect(attributes).not.toHaveProperty('host.id');
    },
  );

  it('asks no other address when the endpoint is invalid', async () => {
    const urls: string[] = [];
    const fetch: FetchLike = (url) => {
      urls.push(url);
      return Promise.reject(new Error('no network in this test'));
    };

    const { attributes } = await detectWith({
      env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: 'not a url' },
      root: makeRoot(EC2_ROOT),
      fetch,
    });

    expect(urls).toEqual([]);
    expect(attributes['cloud.platform']).toBe('aws_ec2');
  });

  it('settles within the budget when IMDS is slow', async () => {
    server = await startMetadataServer({
      ...EC2_ROUTES,
      'PUT /latest/api/token': { body: 'token', delayMs: 5_000 },
    });

    const started = performance.now();
    const { attributes } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot(EC2_ROOT),
      budgetMs: 200,
    });
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(1_500);
    expect(attributes['cloud.platform']).toBe('aws_ec2');
    expect(attributes).not.toHaveProperty('host.id');
  });

  it('shares one budget across requests', async () => {
    const delayed = Object.fromEntries(
      Object.entries(EC2_ROUTES).map(([route, reply]) => [route, { ...reply, delayMs: 150 }]),
    );
    server = await startMetadataServer(delayed);

    // The token arrives after 150 ms; the reads after it would need 150 ms
    // more, past the 250 ms that all requests share.
    const started = performance.now();
    const { attributes } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot(EC2_ROOT),
      budgetMs: 250,
    });
    const elapsed = performance.now() - started;

    expect(server.requests[0]?.method).toBe('PUT');
    expect(server.requests.length).toBeGreaterThan(1);
    expect(attributes).not.toHaveProperty('host.id');
    expect(attributes['cloud.platform']).toBe('aws_ec2');
    expect(elapsed).toBeLessThan(1_000);
  });

  it('keeps what arrived when one request is slow', async () => {
    server = await startMetadataServer({
      ...EC2_ROUTES,
      'GET /latest/meta-data/mac': { body: '0a:3f:9c:12:7e:d4', delayMs: 5_000 },
    });

    const { attributes } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot(EC2_ROOT),
      budgetMs: 300,
    });

    expect(attributes['host.id']).toBe('i-1234567890abcdef0');
    expect(attributes).not.toHaveProperty('provenance.network.id');
  });

  it('keeps the marker when the endpoint refuses', async () => {
    const url = await refusingUrl();

    const { attributes } = await detectWith({ env: pointedAt(url), root: makeRoot(AZURE_ROOT) });

    expect(attributes['cloud.platform']).toBe('azure.vm');
    expect(attributes).not.toHaveProperty('host.id');
  });

  it.each([
    ['garbage', '\u0000\u00ff not json'],
    ['a partial document', '{"compute": {"location": "westeurope", "vmId": '],
    ['blank fields', JSON.stringify({ compute: { location: ' ', vmId: '', zone: null } })],
    ['an array', '[1, 2, 3]'],
  ])('keeps the marker when Azure IMDS returns %s', async (_name, body) => {
    server = await startMetadataServer({
      'GET /metadata/instance?api-version=2021-02-01&format=json': { body },
    });

    const { attributes } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot(AZURE_ROOT),
    });

    expect(attributes['cloud.platform']).toBe('azure.vm');
    expect(attributes).not.toHaveProperty('cloud.region');
    expect(attributes).not.toHaveProperty('host.id');
  });

  it('skips a token with whitespace inside', async () => {
    server = await startMetadataServer({
      ...EC2_ROUTES,
      'PUT /latest/api/token': { body: 'two\r\nlines' },
    });

    const { attributes } = await detectWith({
      env: pointedAt(server.url),
      root: makeRoot(EC2_ROOT),
    });

    expect(server.requests.length).toBe(1);
    expect(attributes).not.toHaveProperty('host.id');
  });
});
