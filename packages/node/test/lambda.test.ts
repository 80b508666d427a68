import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../../test/support/otlp-receiver.js';
import { childEnv, missingIdentity } from './support/identity.js';
import { fixture, runChild } from './support/run-child.js';

describe('withProvenance', () => {
  let receiver: OtlpReceiver;

  beforeEach(async () => {
    receiver = await OtlpReceiver.start();
  });

  afterEach(async () => {
    await receiver.close();
  });

  it('flushes every invocation before returning', async () => {
    const result = await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('lambda-handler.mjs')],
      env: childEnv(receiver.url),
    });

    expect(result.signal).toBe('SIGKILL');
    expect(result.lines.map((line) => line.invoked)).toEqual([1, 2, 3]);
    const spans = receiver.of('traces');
    expect(spans.map((span) => span.name)).toEqual(['handle-1', 'handle-2', 'handle-3']);
    expect(spans.map((span) => span.attributes['faas.invocation_id'])).toEqual([
      'req-1',
      'req-2',
      'req-3',
    ]);
    expect(spans.map((span) => span.attributes['faas.coldstart'])).toEqual([true, false, false]);
    const appLogs = receiver.of('logs').filter((log) => log.eventName === undefined);
    expect(appLogs.map((log) => log.attributes['faas.invocation_id'])).toEqual([
      'req-1',
      'req-2',
      'req-3',
    ]);
    const counts = receiver
      .of('metrics')
      .filter((metric) => metric.name === 'invocations')
      .flatMap((metric) => metric.values);
    expect(counts).toEqual([1, 2, 3]);
    expect(missingIdentity(receiver.records)).toEqual([]);
  });

  it('never marks a cold start under provisioned concurrency', async () => {
    await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('lambda-handler.mjs')],
      env: childEnv(receiver.url, { AWS_LAMBDA_INITIALIZATION_TYPE: 'provisioned-concurrency' }),
    });

    const coldStarts = receiver.of('traces').map((span) => span.attributes['faas.coldstart']);
    expect(coldStarts).toEqual([false, false, false]);
  });

  it('marks invocations from a CommonJS handler under --import', async () => {
    await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('lambda-handler.cjs')],
      env: childEnv(receiver.url),
    });

    const spans = receiver.of('traces');
    expect(spans.map((span) => span.attributes['faas.invocation_id'])).toEqual(['req-1', 'req-2']);
    expect(spans.map((span) => span.attributes['faas.coldstart'])).toEqual([true, false]);
  });
});
