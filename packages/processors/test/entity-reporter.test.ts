import type { Attributes } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityReporter } from '../src/index.js';
import { IDENTITY, logging } from './support.js';

const NETWORK = { 'host.ip': ['10.0.1.5'], 'provenance.network.kind': 'aws.vpc' };

function reporter(
  resourceAttributes: Attributes = { ...IDENTITY, ...NETWORK },
  intervalSeconds = 30,
) {
  const resource = resourceFromAttributes(resourceAttributes);
  const { exporter, logger } = logging({ recordAttributes: 'none' }, resource);
  return { exporter, entity: new EntityReporter({ logger, resource, intervalSeconds }) };
}

describe('EntityReporter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits entity.state with identity and network at start', async () => {
    const { exporter, entity } = reporter();

    await entity.start();

    const [state] = exporter.getFinishedLogRecords();
    expect(state?.eventName).toBe('entity.state');
    expect(state?.attributes).toEqual({
      'event.name': 'entity.state',
      'entity.type': 'service.instance',
      'entity.id': {
        'service.name': 'checkout',
        'service.instance.id': '5b0c1f9e-2d4a-4e8b-9c7d-6a5f4e3d2c1b',
      },
      'entity.description': {
        'service.version': '1.4.2',
        'deployment.id': '01936f4e-8a5b-7c3d-9e2f-0123456789ab',
        'provenance.network.id': 'vpc-0abc1234',
        'provenance.network.kind': 'aws.vpc',
        'host.ip': ['10.0.1.5'],
        'host.name': 'ip-10-0-1-5',
      },
      'entity.report.interval': 30,
    });
    await entity.stop();
  });

  it('repeats entity.state on the interval', async () => {
    vi.useFakeTimers();
    const { exporter, entity } = reporter();

    await entity.start();
    vi.advanceTimersByTime(30_000 * 2);

    const names = exporter.getFinishedLogRecords().map((record) => record.eventName);
    expect(names).toEqual(['entity.state', 'entity.state', 'entity.state']);
    await entity.stop();
  });

  it('emits entity.delete once on stop and then stays quiet', async () => {
    vi.useFakeTimers();
    const { exporter, entity } = reporter();

    await entity.start();
    await entity.stop('scaled_down');
    await entity.stop();
    vi.advanceTimersByTime(30_000 * 3);

    const records = exporter.getFinishedLogRecords();
    expect(records.map((record) => record.eventName)).toEqual(['entity.state', 'entity.delete']);
    expect(records[1]?.attributes['entity.delete.reason']).toBe('scaled_down');
    expect(records[1]?.attributes['entity.type']).toBe('service.instance');
  });

  it('emits the first state before the delete when stopped before settling', async () => {
    const resource = resourceFromAttributes({
      ...IDENTITY,
      'provenance.network.id': new Promise<string>((resolve) => setTimeout(resolve, 20, 'vpc-1')),
    });
    const { exporter, logger } = logging({ recordAttributes: 'none' }, resource);
    const entity = new EntityReporter({ logger, resource });

    void entity.start();
    await entity.stop();

    const names = exporter.getFinishedLogRecords().map((record) => record.eventName);
    expect(names).toEqual(['entity.state', 'entity.delete']);
  });

  it('emits nothing without service.instance.id', async () => {
    const { exporter, entity } = reporter({ 'service.name': 'checkout' });

    await entity.start();
    await entity.stop();

    expect(exporter.getFinishedLogRecords()).toEqual([]);
  });

  it('waits for async resource attributes before the first state', async () => {
    const resource = resourceFromAttributes({
      ...IDENTITY,
      'service.instance.id': new Promise<string>((resolve) => setTimeout(resolve, 20, 'late-id')),
    });
    const { exporter, logger } = logging({ recordAttributes: 'none' }, resource);
    const entity = new EntityReporter({ logger, resource, intervalSeconds: 0 });

    await entity.start();

    const id = exporter.getFinishedLogRecords()[0]?.attributes['entity.id'];
    expect(id).toEqual({ 'service.name': 'checkout', 'service.instance.id': 'late-id' });
    await entity.stop();
  });
});
