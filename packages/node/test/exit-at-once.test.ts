import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../../test/support/otlp-receiver.js';
import { childEnv, missingIdentity } from './support/identity.js';
import { fixture, runChild } from './support/run-child.js';

describe('register with --import', () => {
  let receiver: OtlpReceiver;

  beforeEach(async () => {
    receiver = await OtlpReceiver.start();
  });

  afterEach(async () => {
    await receiver.close();
  });

  it('delivers one span, log and metric when the process exits at once', async () => {
    const result = await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('one-of-each.mjs')],
      env: childEnv(receiver.url),
    });

    expect(result.code).toBe(0);
    expect(result.lines[0]).toEqual({ spans: 1, logs: 1, points: 1 });
    expect(receiver.of('traces').map((span) => span.name)).toEqual(['one-span']);
    const appLogs = receiver.of('logs').filter((log) => log.eventName === undefined);
    expect(appLogs.map((log) => log.body)).toEqual(['one-log']);
    const counter = receiver.of('metrics').filter((metric) => metric.name === 'one.counter');
    expect(counter.flatMap((metric) => metric.values)).toEqual([1]);
    expect(missingIdentity(receiver.records)).toEqual([]);
    expect(result.stderr).toBe('');
  });

  it('reports the entity start and end with identity and network', async () => {
    await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('one-of-each.mjs')],
      env: childEnv(receiver.url, { PROVENANCE_ENTITY_REPORT_INTERVAL_S: '30' }),
    });

    const events = receiver.of('logs').filter((log) => log.eventName?.startsWith('entity.'));
    expect(events.map((event) => event.eventName)).toEqual(['entity.state', 'entity.delete']);
    const [state, deletion] = events;
    const instance = state?.resource['service.instance.id'];
    expect(state?.attributes).toMatchObject({
      'event.name': 'entity.state',
      'entity.type': 'service.instance',
      'entity.id': { 'service.name': 'checkout', 'service.instance.id': instance },
      'entity.description': {
        'service.version': '1.4.2',
        'deployment.id': '01936f4e-8a5b-7c3d-9e2f-0123456789ab',
        'provenance.network.id': 'vpc-0abc1234',
      },
      'entity.report.interval': 30,
    });
    expect(deletion?.attributes).toMatchObject({
      'event.name': 'entity.delete',
      'entity.type': 'service.instance',
      'entity.id': { 'service.name': 'checkout', 'service.instance.id': instance },
      'entity.delete.reason': 'terminated',
    });
  });

  it('delivers a span from a CommonJS app started with --require', async () => {
    const result = await runChild({
      args: ['--require', '@otel-provenance/node/register', fixture('app.cjs')],
      env: childEnv(receiver.url),
    });

    expect(result.code).toBe(0);
    expect(receiver.of('traces').map((span) => span.name)).toEqual(['cjs-span']);
    expect(missingIdentity(receiver.of('traces'))).toEqual([]);
  });

  it('sends nothing for a signal whose exporter is none', async () => {
    await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('one-of-each.mjs')],
      env: childEnv(receiver.url, { OTEL_TRACES_EXPORTER: 'none', OTEL_METRICS_EXPORTER: 'none' }),
    });

    expect(receiver.of('traces')).toEqual([]);
    expect(receiver.of('metrics')).toEqual([]);
    expect(receiver.of('logs').length).toBeGreaterThan(0);
  });

  it('prints spans with the console exporter', async () => {
    const result = await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('one-of-each.mjs')],
      env: childEnv(receiver.url, {
        OTEL_TRACES_EXPORTER: 'console',
        OTEL_LOGS_EXPORTER: 'none',
        OTEL_METRICS_EXPORTER: 'none',
      }),
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("name: 'one-span'");
    expect(result.stdout).toContain("'deployment.id': '01936f4e-8a5b-7c3d-9e2f-0123456789ab'");
    expect(receiver.records).toEqual([]);
  });
});
