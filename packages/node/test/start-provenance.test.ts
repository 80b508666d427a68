import { trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../../test/support/otlp-receiver.js';
import { startProvenance } from '../src/index.js';

describe('startProvenance', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
  });

  afterAll(async () => {
    await receiver.close();
  });

  it('lets explicit options win over PROVENANCE_* variables', async () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_LOG_LEVEL: 'NONE',
      PROVENANCE_RECORD_ATTRIBUTES: 'compact',
    };
    const detectors = [
      {
        detect: () =>
          resourceFromAttributes({ 'service.name': 'in-process', 'service.instance.id': 'i-1' }),
      },
    ];

    const handle = startProvenance({
      env,
      detectors,
      recordAttributes: ['service.instance.id'],
      handleProcessEvents: false,
    });
    trace.getTracer('test').startSpan('in-process-span').end();
    await handle.forceFlush();
    await handle.shutdown();

    const [span] = receiver.of('traces');
    expect(span?.attributes).toEqual({ 'service.instance.id': 'i-1' });
    const events = receiver.of('logs').map((record) => record.eventName);
    expect(events).toEqual(['entity.state', 'entity.delete']);
  });

  it('returns the running instance when called again', () => {
    const first = startProvenance({ handleProcessEvents: false });
    const second = startProvenance({ handleProcessEvents: false });

    expect(second).toBe(first);
  });
});
