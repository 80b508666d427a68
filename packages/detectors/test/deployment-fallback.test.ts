import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOYMENT_ID_NAMESPACE, deriveUuid } from '@otel-provenance/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fallbackDeploymentId } from '../src/platforms/deployment-fallback.js';
import { detectWith, makeRoot } from './support/detect-with.js';
import { type MetadataServer, startMetadataServer } from './support/metadata-server.js';

const LAMBDA = {
  AWS_LAMBDA_FUNCTION_NAME: 'checkout',
  AWS_LAMBDA_FUNCTION_VERSION: '14',
  AWS_REGION: 'eu-west-1',
  OTEL_RESOURCE_ATTRIBUTES: 'cloud.account.id=111122223333',
};

let server: MetadataServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fallbackDeploymentId', () => {
  it('derives the UUIDv5 of the joined parts', () => {
    const id = fallbackDeploymentId({
      platform: 'aws_lambda',
      scope: ['111122223333', 'eu-west-1', 'checkout'],
      revision: '14',
    });

    expect(id).toBe(
      deriveUuid('aws_lambda:111122223333:eu-west-1:checkout:14', DEPLOYMENT_ID_NAMESPACE),
    );
    expect(id).toBe('2c54b602-47fc-543e-979a-4c813706a16b');
  });

  it.each([
    ['an unknown account', [undefined, 'eu-west-1', 'checkout'], '14'],
    ['a blank region', ['111122223333', ' ', 'checkout'], '14'],
    ['no revision', ['111122223333', 'eu-west-1', 'checkout'], undefined],
  ])('derives nothing with %s', (_name, scope, revision) => {
    expect(fallbackDeploymentId({ platform: 'aws_lambda', scope, revision })).toBeUndefined();
  });
});

describe('fallback deployment detection', () => {
  it('names the platform as the source', async () => {
    const { attributes, sources } = await detectWith({ env: LAMBDA });

    expect(attributes['deployment.id']).toBe('2c54b602-47fc-543e-979a-4c813706a16b');
    expect(attributes['provenance.deployment.id.source']).toBe('aws_lambda');
    expect(sources['deployment.id']).toBe('deployment-fallback');
  });

  it('gives separate ids to separate accounts', async () => {
    const first = await detectWith({ env: LAMBDA });
    const second = await detectWith({
      env: { ...LAMBDA, OTEL_RESOURCE_ATTRIBUTES: 'cloud.account.id=444455556666' },
    });

    expect(first.attributes['deployment.id']).not.toBe(second.attributes['deployment.id']);
  });

  it('derives nothing from $LATEST', async () => {
    const { attributes } = await detectWith({
      env: { ...LAMBDA, AWS_LAMBDA_FUNCTION_VERSION: '$LATEST' },
    });

    expect(attributes).not.toHaveProperty('deployment.id');
    expect(attributes).not.toHaveProperty('provenance.deployment.id.source');
  });

  it('yields to a manifest', async () => {
    const root = makeRoot({ '/app/.keep': '' });
    const manifest = {
      schemaVersion: 1,
      createdAt: '2026-12-04T09:00:00Z',
      attributes: {
        'service.name': 'checkout',
        'deployment.id': '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      },
    };
    writeFileSync(join(root, 'app', 'provenance.json'), JSON.stringify(manifest));

    const { attributes, sources } = await detectWith({ env: LAMBDA, root });

    expect(attributes['deployment.id']).toBe('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect(sources['deployment.id']).toBe('manifest');
    expect(attributes['provenance.deployment.id.source']).toBe('manifest');
    expect(sources['provenance.deployment.id.source']).toBe('manifest');
  });

  it('yields to OTEL_RESOURCE_ATTRIBUTES', async () => {
    const { attributes } = await detectWith({
      env: {
        ...LAMBDA,
        OTEL_RESOURCE_ATTRIBUTES:
          'cloud.account.id=111122223333,deployment.id=0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      },
    });

    expect(attributes['deployment.id']).toBe('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect(attributes).not.toHaveProperty('provenance.deployment.id.source');
  });

  it('uses the project and region of the metadata server on Cloud Run', async () => {
    const google = { 'Metadata-Flavor': 'Google' };
    server = await startMetadataServer({
      'GET /computeMetadata/v1/project/project-id': { headers: google, body: 'example-project' },
      'GET /computeMetadata/v1/instance/region': {
        headers: google,
        body: 'projects/123456789012/regions/europe-west1',
      },
      'GET /computeMetadata/v1/instance/id': { headers: google, body: '00bf4bf02d1e7c8a' },
    });

    const { attributes } = await detectWith({
      env: {
        K_SERVICE: 'checkout-api',
        K_REVISION: 'checkout-api-00042-kuv',
        GCE_METADATA_HOST: server.host,
      },
    });

    expect(attributes['cloud.account.id']).toBe('example-project');
    expect(attributes['cloud.region']).toBe('europe-west1');
    expect(attributes['faas.instance']).toBe('00bf4bf02d1e7c8a');
    expect(attributes['deployment.id']).toBe(
      deriveUuid(
        'gcp_cloud_run:example-project:europe-west1:checkout-api:checkout-api-00042-kuv',
        DEPLOYMENT_ID_NAMESPACE,
      ),
    );
  });

  it('derives nothing for a Cloud Run job', async () => {
    const { attributes } = await detectWith({
      env: {
        CLOUD_RUN_JOB: 'nightly',
        CLOUD_RUN_EXECUTION: 'nightly-x7k2p',
        GOOGLE_CLOUD_PROJECT: 'example-project',
        PROVENANCE_DETECT_NETWORK: 'off',
      },
    });

    expect(attributes['faas.name']).toBe('nightly');
    expect(attributes).not.toHaveProperty('deployment.id');
  });
});
