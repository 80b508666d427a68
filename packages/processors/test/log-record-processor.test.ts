import { context } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { beforeEach, describe, expect, it } from 'vitest';
import { beginInvocation, setInvocation } from '../src/index.js';
import { COMPACT_EXPECTED, COUNT_KEY, IDENTITY, logging } from './support.js';

describe('ProvenanceLogRecordProcessor', () => {
  beforeEach(() => {
    Reflect.deleteProperty(globalThis, COUNT_KEY);
  });

  it('copies the compact keys by default', () => {
    const { exporter, logger } = logging();

    logger.emit({ body: 'hello' });

    expect(exporter.getFinishedLogRecords()[0]?.attributes).toEqual(COMPACT_EXPECTED);
  });

  it('keeps an attribute the application set', () => {
    const { exporter, logger } = logging();

    logger.emit({ body: 'hello', attributes: { 'deployment.id': 'app-set' } });

    expect(exporter.getFinishedLogRecords()[0]?.attributes['deployment.id']).toBe('app-set');
  });

  it('adds invocation attributes from the emit context', () => {
    const { exporter, logger } = logging({ recordAttributes: 'none' });
    const invocation = setInvocation(
      context.active(),
      beginInvocation({ invocationId: 'req-9', trigger: 'pubsub' }),
    );

    logger.emit({ body: 'inside', context: invocation });
    logger.emit({ body: 'outside' });

    const [inside, outside] = exporter.getFinishedLogRecords();
    expect(inside?.attributes).toEqual({
      'faas.invocation_id': 'req-9',
      'faas.trigger': 'pubsub',
      'faas.coldstart': true,
    });
    expect(outside?.attributes).toEqual({});
  });

  it('fills records emitted before async resource attributes settled', async () => {
    const resource = resourceFromAttributes({
      ...IDENTITY,
      'provenance.network.id': Promise.resolve('vpc-0abc1234'),
    });
    const { exporter, provider, logger } = logging({}, resource);

    logger.emit({ body: 'early' });
    await resource.waitForAsyncAttributes?.();
    await provider.forceFlush();

    expect(exporter.getFinishedLogRecords()[0]?.attributes).toEqual(COMPACT_EXPECTED);
  });
});
