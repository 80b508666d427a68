import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../src/index.js';
import { detectWith } from './support/detect-with.js';

// Records every request and returns a 404 response for each, so a test can
// check that a platform read from variables alone makes no request.
function recordingFetch(urls: string[]): FetchLike {
  return (url) => {
    urls.push(url);
    return Promise.resolve(new Response('', { status: 404 }));
  };
}

interface EnvCase {
  name: string;
  env: Record<string, string>;
  present: Record<string, unknown>;
  absent: string[];
  sources?: Record<string, string>;
  /** The metadata requests the platform may make; none unless listed. */
  requests?: string[];
}

// Variables as each platform's public documentation lists them; fictional values.
const CASES: EnvCase[] = [
  {
    name: 'Lambda on an OS-only runtime',
    env: {
      AWS_LAMBDA_FUNCTION_NAME: 'resize',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_REGION: 'us-east-1',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/resize',
      AWS_LAMBDA_LOG_STREAM_NAME: '2026/12/04/[$LATEST]0a1b2c3d',
    },
    present: {
      'cloud.platform': 'aws_lambda',
      'faas.name': 'resize',
      'faas.version': '$LATEST',
      'faas.max_memory': 134217728,
      'aws.log.group.names': ['/aws/lambda/resize'],
    },
    absent: ['deployment.id', 'cloud.account.id'],
    sources: { 'faas.name': 'aws-lambda' },
  },
  {
    name: 'Lambda with a garbage memory size',
    env: { AWS_LAMBDA_FUNCTION_NAME: 'resize', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '12x' },
    present: { 'faas.name': 'resize' },
    absent: ['faas.max_memory', 'faas.version', 'cloud.region'],
  },
  {
    name: 'Cloud Run function',
    env: {
      K_SERVICE: 'thumbnail',
      K_REVISION: 'thumbnail-00003-zoq',
      K_CONFIGURATION: 'thumbnail',
      FUNCTION_TARGET: 'makeThumbnail',
      FUNCTION_SIGNATURE_TYPE: 'cloudevent',
      GOOGLE_CLOUD_PROJECT: 'example-project',
      GCE_METADATA_HOST: '127.0.0.1:9',
    },
    present: {
      'cloud.platform': 'gcp_cloud_functions',
      'cloud.account.id': 'example-project',
      'faas.name': 'thumbnail',
      'faas.version': 'thumbnail-00003-zoq',
    },
    absent: ['gcp.cloud_run.job.execution', 'cloud.region', 'faas.instance'],
    // The project is in a variable, so only the instance id and region are requested.
    requests: [
      'http://127.0.0.1:9/computeMetadata/v1/instance/id',
      'http://127.0.0.1:9/computeMetadata/v1/instance/region',
    ],
  },
  {
    name: 'Functions Framework on a laptop',
    env: { FUNCTION_TARGET: 'makeThumbnail', GCE_METADATA_HOST: '127.0.0.1:9' },
    present: {},
    absent: ['cloud.provider', 'cloud.platform', 'faas.name'],
  },
  {
    name: 'Knative service on Kubernetes',
    env: {
      K_SERVICE: 'hello',
      K_REVISION: 'hello-00001',
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      HOSTNAME: 'hello-00001-deployment-6d9f7c8b5-x2k4q',
    },
    present: { 'k8s.pod.name': 'hello-00001-deployment-6d9f7c8b5-x2k4q' },
    absent: ['cloud.provider', 'cloud.platform', 'faas.name'],
  },
  {
    name: 'Flex Consumption function app',
    env: {
      WEBSITE_SKU: 'FlexConsumption',
      WEBSITE_SITE_NAME: 'orders-flex',
      WEBSITE_OWNER_NAME:
        '3194fbbc-4639-458c-b801-972759c225b6+flex-99ddf98v18fee2c3d86cb4d0f37573099297d5124520437bfa4ee00d9fc8ff8e-webspace',
      WEBSITE_POD_NAME: 'orders-flex-7c9d8f6b5-abcde',
      REGION_NAME: 'North Europe',
    },
    present: {
      'cloud.platform': 'azure.functions',
      'cloud.account.id': '3194fbbc-4639-458c-b801-972759c225b6',
      'cloud.region': 'northeurope',
      'faas.instance': 'orders-flex-7c9d8f6b5-abcde',
    },
    absent: ['cloud.resource_id', 'azure.resource_group.name', 'faas.max_memory'],
  },
  {
    name: 'App Service site with a resource group',
    env: {
      WEBSITE_SITE_NAME: 'catalog-web',
      WEBSITE_RESOURCE_GROUP: 'rg-catalog',
      WEBSITE_OWNER_NAME:
        '3e8c31af-1d3b-4157-8b40-a585474d3ad6+rg-catalog-NorthEuropewebspace-Linux',
      WEBSITE_INSTANCE_ID: 'abc123',
    },
    present: {
      'cloud.platform': 'azure.app_service',
      'cloud.resource_id':
        '/subscriptions/3e8c31af-1d3b-4157-8b40-a585474d3ad6/resourceGroups/rg-catalog/providers/Microsoft.Web/sites/catalog-web',
    },
    absent: ['faas.instance', 'faas.max_memory'],
  },
  {
    name: 'function app on Container Apps',
    env: {
      FUNCTIONS_EXTENSION_VERSION: '~4',
      CONTAINER_APP_NAME: 'orders-func',
      CONTAINER_NAME: 'orders-func',
    },
    present: { 'cloud.platform': 'azure.functions' },
    absent: [],
    sources: { 'cloud.platform': 'azure-app-service' },
  },
  {
    name: 'Container Apps replica with a revision',
    env: {
      CONTAINER_APP_NAME: 'ledger-api',
      CONTAINER_APP_REVISION: 'ledger-api--r7x2k9q',
      CONTAINER_APP_ENV_DNS_SUFFIX: 'calmdune-4f2a9c1e.westeurope.azurecontainerapps.io',
    },
    present: {
      'cloud.platform': 'azure.container_apps',
      'cloud.region': 'westeurope',
      'provenance.deployment.id.source': 'azure.container_apps',
    },
    absent: ['faas.name'],
  },
  {
    name: 'Heroku dyno with dyno metadata',
    env: {
      DYNO: 'web.1',
      HEROKU_APP_ID: '9daa2797-e49b-4624-932f-ec3f9688e3da',
      HEROKU_APP_NAME: 'example-app',
      HEROKU_DYNO_ID: '1vac4117-c29f-4312-521e-ba4d8638c1ac',
      HEROKU_RELEASE_CREATED_AT: '2026-12-04T09:00:00Z',
      HEROKU_RELEASE_VERSION: 'v42',
      HEROKU_SLUG_COMMIT: '2c3a0b24069af49b3de35b8e8c26765c1dba9ff0',
    },
    present: {
      'cloud.provider': 'heroku',
      'heroku.app.id': '9daa2797-e49b-4624-932f-ec3f9688e3da',
      'heroku.release.commit': '2c3a0b24069af49b3de35b8e8c26765c1dba9ff0',
      'host.id': '1vac4117-c29f-4312-521e-ba4d8638c1ac',
      'provenance.deployment.id.source': 'heroku',
    },
    absent: ['cloud.platform'],
  },
  {
    name: 'Heroku dyno without dyno metadata',
    env: { DYNO: 'worker.2' },
    present: { 'cloud.provider': 'heroku' },
    absent: ['heroku.app.id', 'deployment.id'],
  },
  {
    name: 'Fly Machine with an invalid app name',
    env: { FLY_APP_NAME: 'Not A Label', FLY_MACHINE_ID: '3d8d9e27b41e68', FLY_REGION: 'ams' },
    present: { 'cloud.region': 'ams', 'host.id': '3d8d9e27b41e68' },
    absent: ['provenance.dns.name'],
  },
  {
    name: 'Vercel function with a project id',
    env: {
      VERCEL: '1',
      VERCEL_REGION: 'iad1',
      VERCEL_PROJECT_ID: 'prj_8NmQ3xT1vR6kLp2',
      VERCEL_DEPLOYMENT_ID: 'dpl_7QbX2rNcY9mK4pLs8TvW3hJd',
    },
    present: { 'cloud.provider': 'vercel', 'provenance.deployment.id.source': 'vercel' },
    absent: ['vcs.ref.head.revision'],
  },
];

describe('platforms read from their variables', () => {
  it.each(CASES)('reports $name', async ({ env, present, absent, sources, requests }) => {
    const urls: string[] = [];
    const report = await detectWith({ env, fetch: recordingFetch(urls) });

    expect(urls.sort()).toEqual(requests ?? []);
    for (const [key, value] of Object.entries(present)) {
      expect(report.attributes[key], key).toStrictEqual(value);
    }
    for (const key of absent) {
      expect(report.attributes, key).not.toHaveProperty(key);
    }
    for (const [key, source] of Object.entries(sources ?? {})) {
      expect(report.sources[key], key).toBe(source);
    }
  });

  it('reports one Azure platform when both are set', async () => {
    const report = await detectWith({
      env: {
        FUNCTIONS_WORKER_RUNTIME: 'node',
        WEBSITE_SITE_NAME: 'orders',
        WEBSITE_SKU: 'Dynamic',
      },
      fetch: recordingFetch([]),
    });

    expect(report.attributes['cloud.platform']).toBe('azure.functions');
    expect(report.sources['cloud.platform']).toBe('azure-app-service');
  });

  it('reports the first platform when two match', async () => {
    const report = await detectWith({
      env: { AWS_LAMBDA_FUNCTION_NAME: 'resize', VERCEL: '1', DYNO: 'web.1' },
      fetch: recordingFetch([]),
    });

    expect(report.attributes['cloud.platform']).toBe('aws_lambda');
    expect(report.attributes['cloud.provider']).toBe('aws');
  });
});
