import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../../test/support/otlp-receiver.js';
import { childEnv, missingIdentity } from './support/identity.js';
import { fixture, runChild } from './support/run-child.js';

describe('adding @opentelemetry/instrumentation-http', () => {
  let receiver: OtlpReceiver;

  beforeEach(async () => {
    receiver = await OtlpReceiver.start();
  });

  afterEach(async () => {
    await receiver.close();
  });

  it('records server and client spans with identity', async () => {
    const result = await runChild({
      args: [
        '--require',
        '@otel-provenance/node/register',
        '--require',
        fixture('instrument-http.cjs'),
        fixture('http-app.cjs'),
      ],
      env: childEnv(receiver.url),
    });

    expect(result.code).toBe(0);
    const spans = receiver.of('traces');
    expect(spans).toHaveLength(2);
    expect(
      spans.map((span) => span.attributes['http.request.method'] ?? span.attributes['http.method']),
    ).toEqual(['GET', 'GET']);
    expect(missingIdentity(spans)).toEqual([]);
  });
});
