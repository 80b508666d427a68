import { describe, expect, it } from 'vitest';
import { settleDetector } from '../src/detector.js';
import { environmentDetector } from '../src/detectors/environment-detector.js';
import { captureDiag } from './support/capture-diag.js';

describe('environmentDetector', () => {
  const diag = captureDiag();

  it('decodes OTEL_RESOURCE_ATTRIBUTES and skips empty entries', async () => {
    const env = {
      OTEL_RESOURCE_ATTRIBUTES: 'service.version=1.2.3,,deployment.environment.name=prod%2Ceu',
    };

    const attributes = await settleDetector(environmentDetector({ env }));

    expect(attributes).toEqual({
      'service.version': '1.2.3',
      'deployment.environment.name': 'prod,eu',
    });
  });

  it('lets OTEL_SERVICE_NAME outrank service.name', async () => {
    const env = {
      OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-attributes',
      OTEL_SERVICE_NAME: 'checkout',
    };

    const attributes = await settleDetector(environmentDetector({ env }));

    expect(attributes['service.name']).toBe('checkout');
  });

  it('discards the whole variable on an invalid entry', async () => {
    const env = {
      OTEL_RESOURCE_ATTRIBUTES: 'service.version=1.0,broken-entry',
      OTEL_SERVICE_NAME: 'api',
    };

    const attributes = await settleDetector(environmentDetector({ env }));

    expect(attributes).toEqual({ 'service.name': 'api' });
    expect(diag.warn).toHaveLength(1);
    expect(diag.warn[0]).toContain('OTEL_RESOURCE_ATTRIBUTES is discarded');
    expect(diag.warn[0]).toContain('broken-entry');
  });

  it('treats blank variables as unset', async () => {
    const env = { OTEL_RESOURCE_ATTRIBUTES: '  ', OTEL_SERVICE_NAME: '' };

    const attributes = await settleDetector(environmentDetector({ env }));

    expect(attributes).toEqual({});
    expect(diag.warn).toEqual([]);
  });

  it('drops an empty value', async () => {
    const env = { OTEL_RESOURCE_ATTRIBUTES: 'service.namespace=,service.version=3' };

    const attributes = await settleDetector(environmentDetector({ env }));

    expect(attributes).toEqual({ 'service.version': '3' });
  });
});

describe('environmentDetector value bounds', () => {
  const diag = captureDiag();

  it('warns once about a value cut to the bound', async () => {
    const env = { OTEL_SERVICE_NAME: 'x'.repeat(2000) };

    const first = await settleDetector(environmentDetector({ env }));
    await settleDetector(environmentDetector({ env }));

    expect(first['service.name']).toHaveLength(1024);
    expect(diag.warn).toHaveLength(1);
    expect(diag.warn[0]).toContain('cut to 1024 characters: service.name');
  });
});
