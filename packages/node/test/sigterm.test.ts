import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../../test/support/otlp-receiver.js';
import { childEnv, missingIdentity } from './support/identity.js';
import { fixture, runChild } from './support/run-child.js';

// Random kill points among the first 200 records (about a second at one record per 5 ms), so
// the signal lands before, during and after exports. Five children keep the suite short.
const KILL_POINTS = [1, 2, 3, 4, 5].map(() => 1 + Math.floor(Math.random() * 200));

describe('SIGTERM handling', () => {
  let receiver: OtlpReceiver;

  beforeEach(async () => {
    receiver = await OtlpReceiver.start();
  });

  afterEach(async () => {
    await receiver.close();
  });

  it.each(KILL_POINTS)('delivers what was made before SIGTERM after %i records', async (killAt) => {
    const result = await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('steady-stream.mjs')],
      env: childEnv(receiver.url),
      killWhen: (line) => line.produced === killAt,
    });

    // The child keeps running while the flush runs, so records made after the signal may be
    // dropped. Every record made before it must arrive: what arrived is a gapless prefix that
    // reaches at least the record after which the signal was sent.
    expect(result.signal).toBe('SIGTERM');
    const produced = Math.max(0, ...result.lines.map((line) => Number(line.produced ?? 0)));
    const spanNames = receiver.of('traces').map((span) => span.name);
    expect(spanNames.length).toBeGreaterThanOrEqual(killAt);
    expect(spanNames.length).toBeLessThanOrEqual(produced);
    expect(spanNames).toEqual(spanNames.map((_, index) => `span-${index + 1}`));
    const logBodies = receiver
      .of('logs')
      .filter((log) => log.eventName === undefined)
      .map((log) => log.body);
    expect(logBodies.length).toBeGreaterThanOrEqual(killAt);
    expect(logBodies).toEqual(logBodies.map((_, index) => `log-${index + 1}`));
    const counterValues = receiver
      .of('metrics')
      .filter((metric) => metric.name === 'stream.counter')
      .flatMap((metric) => metric.values);
    expect(Math.max(...counterValues)).toBeGreaterThanOrEqual(killAt);
    expect(Math.max(...counterValues)).toBeLessThanOrEqual(produced);
    expect(missingIdentity(receiver.records)).toEqual([]);
    const deletions = receiver.of('logs').filter((log) => log.eventName === 'entity.delete');
    expect(deletions).toHaveLength(1);
  });

  it('ends by SIGINT after flushing when that is the signal', async () => {
    const result = await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('steady-stream.mjs')],
      env: childEnv(receiver.url),
      killWhen: (line) => line.produced === 10,
      signal: 'SIGINT',
    });

    expect(result.signal).toBe('SIGINT');
    expect(receiver.of('traces').length).toBeGreaterThanOrEqual(10);
    const deletions = receiver.of('logs').filter((log) => log.eventName === 'entity.delete');
    expect(deletions).toHaveLength(1);
  });

  it('leaves the exit to an application that listens for SIGTERM', async () => {
    const result = await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('own-sigterm.mjs')],
      env: childEnv(receiver.url),
      killWhen: (line) => line.produced === 20,
    });

    expect(result.code).toBe(0);
    expect(result.lines.some((line) => line.draining === true)).toBe(true);
    const produced = Math.max(0, ...result.lines.map((line) => Number(line.produced ?? 0)));
    expect(receiver.of('traces')).toHaveLength(produced);
  });
});
