import type { OtlpRecord, OtlpRequest } from '@otel-provenance/core';
import { describe, expect, it } from 'vitest';
import { extractObservations } from '../src/leases/extract-observations.js';
import { readEntityEvent } from '../src/leases/read-entity-event.js';
import { readResourceIdentity } from '../src/leases/read-identity.js';

function record(overrides: Partial<OtlpRecord>): OtlpRecord {
  return {
    attributes: { 'entity.type': 'service.instance', 'entity.id': 'i-1' },
    timeUnixNano: 1_772_359_200_000_000_000n,
    observedTimeUnixNano: 0n,
    eventName: 'entity.state',
    ...overrides,
  };
}

describe('readEntityEvent', () => {
  it('reads a state event with its interval', () => {
    const event = record({
      attributes: {
        'entity.type': 'service.instance',
        'entity.id': 'i-1',
        'entity.report.interval': 30,
      },
    });

    expect(readEntityEvent(event)).toEqual({
      kind: 'state',
      instanceId: 'i-1',
      intervalMs: 30_000,
      timeMs: 1_772_359_200_000,
      describedAttributes: {},
    });
  });

  it('reads the event name from the event.name attribute', () => {
    const event = record({
      eventName: undefined,
      attributes: { 'event.name': 'entity.delete', 'entity.type': 'service.instance' },
    });

    expect(readEntityEvent(event)).toMatchObject({ kind: 'delete', instanceId: undefined });
  });

  it('reads entity.id given as a map', () => {
    const event = record({
      attributes: {
        'entity.type': 'service.instance',
        'entity.id': { 'service.instance.id': 'i-9' },
      },
    });

    expect(readEntityEvent(event)).toMatchObject({ instanceId: 'i-9' });
  });

  it('uses the observed time when the time is 0', () => {
    const event = record({ timeUnixNano: 0n, observedTimeUnixNano: 5_000_000n });

    expect(readEntityEvent(event)).toMatchObject({ timeMs: 5 });
  });

  it('rejects an event without any timestamp', () => {
    expect(readEntityEvent(record({ timeUnixNano: 0n }))).toEqual({
      invalid: 'entity.state event has neither timeUnixNano nor observedTimeUnixNano',
    });
  });

  it('treats entity.report.interval 0 as unset', () => {
    const event = record({
      attributes: { 'entity.type': 'service.instance', 'entity.report.interval': 0 },
    });

    expect(readEntityEvent(event)).toMatchObject({ intervalMs: undefined });
  });

  it.each([-5, 1.5, 'soon'])('rejects entity.report.interval %j', (interval) => {
    const event = record({
      attributes: { 'entity.type': 'service.instance', 'entity.report.interval': interval },
    });

    expect(readEntityEvent(event)).toHaveProperty('invalid');
  });

  it.each([
    ['another event name', { eventName: 'browser.page_view' }],
    ['another entity type', { attributes: { 'entity.type': 'k8s.pod' } }],
  ])('ignores %s', (_label, overrides) => {
    expect(readEntityEvent(record(overrides as Partial<OtlpRecord>))).toBeUndefined();
  });
});

describe('extractObservations', () => {
  it('fills identity from the entity.id and entity.description maps', () => {
    const request: OtlpRequest = {
      signal: 'logs',
      recordCount: 1,
      resources: [
        {
          attributes: { 'service.name': 'checkout' },
          records: [
            record({
              attributes: {
                'entity.type': 'service.instance',
                'entity.id': { 'service.name': 'ignored', 'service.instance.id': 'i-7' },
                'entity.description': {
                  'host.ip': ['10.0.0.7'],
                  'provenance.network.id': 'vpc-a',
                  'service.version': '3.1.0',
                },
              },
            }),
          ],
        },
      ],
    };

    const { observations } = extractObservations(request, {
      reporter: { peer: '127.0.0.1:1', credential: null },
      ranges: [],
      defaultReportIntervalMs: 60_000,
    });

    expect(observations.events).toHaveLength(1);
    expect(observations.events[0]).toMatchObject({
      network: 'vpc-a',
      address: '10.0.0.7',
      asset: { serviceName: 'checkout', serviceVersion: '3.1.0', instanceId: 'i-7' },
      intervalMs: 60_000,
    });
  });
});

describe('readResourceIdentity', () => {
  it('reads addresses from host.ip and k8s.pod.ip', () => {
    const identity = readResourceIdentity({
      'service.name': 'checkout',
      'host.ip': ['10.0.0.7', 'fe80::1', 'not-an-ip'],
      'k8s.pod.ip': '10.1.2.3',
      'provenance.network.id': 'cluster-a',
    });

    expect(identity.addresses).toEqual(['10.0.0.7', 'fe80::1', '10.1.2.3']);
    expect(identity.network).toBe('cluster-a');
    expect(identity.asset).toEqual({
      serviceName: 'checkout',
      serviceVersion: null,
      deploymentId: null,
      instanceId: null,
    });
  });

  it('reads IPv4-mapped addresses as IPv4', () => {
    const identity = readResourceIdentity({
      'host.ip': ['::ffff:10.0.0.7', '10.0.0.7'],
      'k8s.pod.ip': '::ffff:a01:203',
    });

    expect(identity.addresses).toEqual(['10.0.0.7', '10.1.2.3']);
  });

  it('ignores the pod address on the host network', () => {
    const identity = readResourceIdentity({
      'k8s.pod.ip': '10.1.2.3',
      'provenance.host_network': true,
    });

    expect(identity.addresses).toEqual([]);
  });
});
