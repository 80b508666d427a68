import { detectResources } from '@opentelemetry/resources';
import { describe, expect, it } from 'vitest';
import { detectProvenance } from '../src/detect-provenance.js';
import { provenanceDetectors } from '../src/provenance-detectors.js';
import { makeRoot } from './support/temp-root.js';

const DEPLOYMENT_ID = '01938c2e-7a40-7c3b-9f1e-2b7d4e8a6c10';

// package.json, the manifest and the variables all give service.version, so
// the winner shows the precedence.
async function layeredRoot() {
  return makeRoot({
    '/app/package.json': JSON.stringify({ name: 'from-package', version: '0.0.1-package' }),
    '/app/provenance.json': JSON.stringify({
      schemaVersion: 1,
      createdAt: '2026-12-04T10:00:00Z',
      attributes: {
        'service.name': 'from-manifest',
        'service.version': '1.0.0-manifest',
        'deployment.id': DEPLOYMENT_ID,
        'k8s.pod.name': 'from-manifest',
      },
    }),
  });
}

const ENV = {
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  POD_NAME: 'from-platform',
  OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-otel-attributes,service.version=2.0.0-env',
  OTEL_SERVICE_NAME: 'from-otel-service-name',
};

describe('provenanceDetectors', () => {
  it('lists detectors least specific first', () => {
    const names = provenanceDetectors({ env: {}, root: '/nonexistent' }).map((d) => d.name);

    expect(names).toEqual([
      'application',
      'kubernetes',
      'container',
      'network',
      'aws-lambda',
      'aws-ecs',
      'google-cloud',
      'azure-app-service',
      'azure-container-apps',
      'fly-io',
      'heroku',
      'vercel',
      'aws-ec2',
      'gce',
      'azure-vm',
      'deployment-fallback',
      'service-instance',
      'manifest',
      'environment',
      'options',
    ]);
  });

  it('merges by precedence in the real SDK', async () => {
    const root = await layeredRoot();
    const detectors = provenanceDetectors({
      env: ENV,
      root,
      cwd: '/app',
      entryPoint: false,
      networkInterfaces: () => ({}),
      attributes: { 'service.namespace': 'from-options' },
    });

    const resource = detectResources({ detectors });
    await resource.waitForAsyncAttributes?.();

    expect(resource.attributes).toMatchObject({
      'service.name': 'from-otel-service-name',
      'service.version': '2.0.0-env',
      'deployment.id': DEPLOYMENT_ID,
      'k8s.pod.name': 'from-manifest',
      'service.namespace': 'from-options',
    });
  });

  it('lets explicit options outrank every variable', async () => {
    const root = await layeredRoot();
    const options = { env: ENV, root, cwd: '/app', attributes: { 'service.name': 'from-code' } };

    const resource = detectResources({ detectors: provenanceDetectors(options) });
    await resource.waitForAsyncAttributes?.();

    expect(resource.attributes['service.name']).toBe('from-code');
  });

  it('uses package.json when nothing else names the service', async () => {
    const root = await layeredRoot();

    const report = await detectProvenance({
      env: {},
      root,
      cwd: '/app',
      manifestPath: '/none.json',
      entryPoint: false,
    });

    expect(report.attributes['service.name']).toBe('from-package');
    expect(report.sources['service.name']).toBe('application');
  });
});

describe('detectProvenance', () => {
  it('reports the winning detector of each key', async () => {
    const root = await layeredRoot();

    const report = await detectProvenance({
      env: ENV,
      root,
      cwd: '/app',
      entryPoint: false,
      networkInterfaces: () => ({}),
    });

    expect(report.sources).toMatchObject({
      'service.name': 'environment',
      'service.version': 'environment',
      'deployment.id': 'manifest',
      'k8s.pod.name': 'manifest',
      'service.instance.id': 'service-instance',
    });
    expect(Object.keys(report.sources)).toEqual(Object.keys(report.attributes));
  });
});
