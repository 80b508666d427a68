import { describe, expect, it } from 'vitest';
import { settleDetector } from '../src/detector.js';
import { manifestDetector } from '../src/detectors/manifest-detector.js';
import { captureDiag } from './support/capture-diag.js';
import { makeRoot } from './support/temp-root.js';

const DEPLOYMENT_ID = '01938c2e-7a40-7c3b-9f1e-2b7d4e8a6c10';

function manifest(attributes: Record<string, unknown>): string {
  return JSON.stringify({ schemaVersion: 1, createdAt: '2026-12-04T10:00:00Z', attributes });
}

describe('manifestDetector', () => {
  const diag = captureDiag();

  it('reads provenance.json in the working directory', async () => {
    const root = await makeRoot({
      '/srv/app/provenance.json': manifest({
        'deployment.id': DEPLOYMENT_ID,
        'service.version': '1.4.2',
      }),
    });

    const attributes = await settleDetector(manifestDetector({ root, cwd: '/srv/app', env: {} }));

    expect(attributes).toEqual({
      'deployment.id': DEPLOYMENT_ID,
      'provenance.deployment.id.source': 'manifest',
      'service.version': '1.4.2',
    });
  });

  it('prefers the PROVENANCE_MANIFEST path', async () => {
    const root = await makeRoot({
      '/srv/app/provenance.json': manifest({ 'service.version': 'cwd' }),
      '/etc/app/identity.json': manifest({ 'service.version': 'named' }),
    });
    const env = { PROVENANCE_MANIFEST: '/etc/app/identity.json' };

    const attributes = await settleDetector(manifestDetector({ root, cwd: '/srv/app', env }));

    expect(attributes['service.version']).toBe('named');
  });

  it('falls back to LAMBDA_TASK_ROOT', async () => {
    const root = await makeRoot({
      '/var/task/provenance.json': manifest({ 'service.version': '14' }),
    });
    const env = { LAMBDA_TASK_ROOT: '/var/task' };

    const attributes = await settleDetector(manifestDetector({ root, cwd: '/', env }));

    expect(attributes['service.version']).toBe('14');
  });

  it('stays silent when no manifest exists', async () => {
    const root = await makeRoot();

    const attributes = await settleDetector(manifestDetector({ root, cwd: '/srv/app', env: {} }));

    expect(attributes).toEqual({});
    expect(diag.warn).toEqual([]);
  });

  it('warns once about malformed JSON', async () => {
    const root = await makeRoot({ '/srv/broken-json/provenance.json': '{"schemaVersion": 1,' });
    const detector = manifestDetector({ root, cwd: '/srv/broken-json', env: {} });

    const first = await settleDetector(detector);
    await settleDetector(manifestDetector({ root, cwd: '/srv/broken-json', env: {} }));

    expect(first).toEqual({});
    expect(diag.warn).toHaveLength(1);
    expect(diag.warn[0]).toContain('/srv/broken-json/provenance.json is not valid JSON');
  });

  it('warns about an invalid manifest and ignores it', async () => {
    const root = await makeRoot({
      '/srv/invalid/provenance.json': manifest({ 'deployment.id': 'not-a-uuid' }),
    });

    const attributes = await settleDetector(
      manifestDetector({ root, cwd: '/srv/invalid', env: {} }),
    );

    expect(attributes).toEqual({});
    expect(diag.warn[0]).toContain('attributes.deployment.id: expected a UUID');
  });

  it('warns when the named manifest is missing', async () => {
    const root = await makeRoot();
    const env = { PROVENANCE_MANIFEST: '/etc/missing-manifest.json' };

    await settleDetector(manifestDetector({ root, cwd: '/', env }));

    expect(diag.warn[0]).toContain('/etc/missing-manifest.json cannot be read (ENOENT)');
  });

  it('drops empty strings from the manifest', async () => {
    const root = await makeRoot({
      '/srv/empty/provenance.json': manifest({
        'service.namespace': '',
        'service.version': '2.0.0',
      }),
    });

    const attributes = await settleDetector(manifestDetector({ root, cwd: '/srv/empty', env: {} }));

    expect(attributes).toEqual({ 'service.version': '2.0.0' });
  });

  it('ignores a manifest service instance id', async () => {
    const root = await makeRoot({
      '/srv/shared/provenance.json': manifest({
        'service.instance.id': 'pod-1',
        'service.version': '2.0.0',
      }),
    });

    const attributes = await settleDetector(
      manifestDetector({ root, cwd: '/srv/shared', env: {} }),
    );

    expect(attributes).toEqual({ 'service.version': '2.0.0' });
    expect(diag.warn).toHaveLength(1);
    expect(diag.warn[0]).toContain('/srv/shared/provenance.json sets service.instance.id');
  });
});
