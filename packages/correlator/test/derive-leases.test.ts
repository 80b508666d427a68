import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveLeases } from '../src/leases/derive-leases.js';
import type { Asset, EntityEvent, TelemetrySighting } from '../src/leases/lease-types.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;
const NOW = T0 + 1000 * MIN;

function asset(instanceId: string): Asset {
  return { serviceName: 'checkout', serviceVersion: '1.2.0', deploymentId: 'd-1', instanceId };
}

function event(
  kind: 'state' | 'delete',
  timeMs: number,
  instanceId = 'i-1',
  intervalMs = MIN,
): EntityEvent {
  return {
    network: 'vpc-a',
    address: '10.0.0.7',
    networkResolution: 'reported',
    asset: asset(instanceId),
    kind,
    timeMs,
    intervalMs,
    peer: '127.0.0.1:5000',
    credential: null,
  };
}

function sighting(firstMs: number, lastMs: number, peer = '127.0.0.1:5000'): TelemetrySighting {
  return {
    network: 'vpc-a',
    address: '10.0.0.7',
    networkResolution: 'reported',
    asset: asset('i-1'),
    firstMs,
    lastMs,
    graceMs: 2 * MIN,
    peer,
    credential: 'sha256:0123456789abcdef',
  };
}

describe('deriveLeases from entity events', () => {
  it('closes a lease at the delete time', () => {
    const leases = deriveLeases(
      [event('state', T0), event('state', T0 + MIN), event('delete', T0 + 90_000)],
      [],
      NOW,
    );

    expect(leases).toHaveLength(1);
    expect(leases[0]!.fromMs).toBe(T0);
    expect(leases[0]!.toMs).toBe(T0 + 90_000);
    expect(leases[0]!.source).toBe('entity');
  });

  it('closes at last state plus twice the interval without a delete', () => {
    const leases = deriveLeases(
      [event('state', T0, 'i-1', 30_000), event('state', T0 + 30_000, 'i-1', 30_000)],
      [],
      NOW,
    );

    expect(leases[0]!.toMs).toBe(T0 + 30_000 + 60_000);
  });

  it('leaves a lease open while its grace lasts', () => {
    const leases = deriveLeases([event('state', T0)], [], T0 + MIN);

    expect(leases[0]!.toMs).toBeNull();
  });

  it('opens a new lease for a state after a delete', () => {
    const leases = deriveLeases(
      [event('state', T0), event('delete', T0 + MIN), event('state', T0 + 2 * MIN)],
      [],
      NOW,
    );

    expect(leases.map((lease) => [lease.fromMs, lease.toMs])).toEqual([
      [T0, T0 + MIN],
      [T0 + 2 * MIN, T0 + 4 * MIN],
    ]);
  });

  it('opens a new lease for a state after the grace ran out', () => {
    const leases = deriveLeases([event('state', T0), event('state', T0 + 10 * MIN)], [], NOW);

    expect(leases).toHaveLength(2);
    expect(leases[0]!.toMs).toBe(T0 + 2 * MIN);
  });

  it('opens a new lease for a state exactly at the grace end', () => {
    const leases = deriveLeases([event('state', T0), event('state', T0 + 2 * MIN)], [], NOW);

    expect(leases.map((lease) => [lease.fromMs, lease.toMs])).toEqual([
      [T0, T0 + 2 * MIN],
      [T0 + 2 * MIN, T0 + 4 * MIN],
    ]);
  });

  it('ignores a delete that arrives with no lease open', () => {
    const leases = deriveLeases([event('delete', T0)], [], NOW);

    expect(leases).toEqual([]);
  });

  it('builds the same leases in any arrival order', () => {
    const events = [
      event('state', T0),
      event('state', T0 + MIN),
      event('delete', T0 + 2 * MIN),
      event('state', T0 + 3 * MIN),
      event('state', T0 + 9 * MIN),
      event('state', T0 + 2 * MIN, 'i-2'),
      event('delete', T0 + 5 * MIN, 'i-2'),
    ];
    const expected = deriveLeases(events, [], NOW);

    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), (shuffled) => {
        expect(deriveLeases(shuffled, [], NOW)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('deriveLeases from telemetry', () => {
  it('merges sightings closer than the grace', () => {
    const leases = deriveLeases(
      [],
      [sighting(T0, T0 + MIN), sighting(T0 + 2 * MIN, T0 + 3 * MIN)],
      NOW,
    );

    expect(leases).toHaveLength(1);
    expect(leases[0]!.fromMs).toBe(T0);
    expect(leases[0]!.toMs).toBe(T0 + 5 * MIN);
    expect(leases[0]!.source).toBe('telemetry');
  });

  it('splits sightings further apart than the grace', () => {
    const leases = deriveLeases(
      [],
      [sighting(T0, T0), sighting(T0 + 10 * MIN, T0 + 10 * MIN)],
      NOW,
    );

    expect(leases).toHaveLength(2);
  });

  it('lists every reporter of a merged lease', () => {
    const leases = deriveLeases(
      [],
      [sighting(T0, T0, '10.1.1.1:1'), sighting(T0 + MIN, T0 + MIN, '10.1.1.2:2')],
      NOW,
    );

    expect(leases[0]!.reporters.map((reporter) => reporter.peer)).toEqual([
      '10.1.1.1:1',
      '10.1.1.2:2',
    ]);
    expect(leases[0]!.reporters[0]!.credential).toBe('sha256:0123456789abcdef');
  });
});
