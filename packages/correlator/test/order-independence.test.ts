import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntityEvent, Observations, TelemetrySighting } from '../src/leases/lease-types.js';
import { createTimelineQueries } from '../src/query/timeline-queries.js';
import { makeTempDir } from './support/harness.js';
import { STORE_FACTORIES } from './support/store-factories.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;
const NOW = T0 + 1000 * MIN;

const owner = {
  network: 'vpc-a',
  address: '10.0.0.7',
  networkResolution: 'reported' as const,
  peer: '127.0.0.1:1',
  credential: null,
};

function event(instanceId: string, kind: 'state' | 'delete', minute: number): EntityEvent {
  const asset = { serviceName: 's', serviceVersion: '1', deploymentId: 'd', instanceId };
  return { ...owner, asset, kind, timeMs: T0 + minute * MIN, intervalMs: MIN };
}

function sighting(firstMinute: number, lastMinute: number): TelemetrySighting {
  const asset = { serviceName: 's', serviceVersion: '1', deploymentId: 'd', instanceId: 'tel' };
  return {
    ...owner,
    asset,
    firstMs: T0 + firstMinute * MIN,
    lastMs: T0 + lastMinute * MIN,
    graceMs: 2 * MIN,
  };
}

// One request per claim, so every permutation is a different arrival order.
const requests: Observations[] = [
  ...[
    event('a', 'state', 0),
    event('a', 'state', 1),
    event('a', 'delete', 2),
    event('a', 'state', 4),
  ].map((e) => ({ events: [e], sightings: [] })),
  ...[event('b', 'state', 3), event('b', 'delete', 5)].map((e) => ({ events: [e], sightings: [] })),
  ...[sighting(0, 1), sighting(2, 3), sighting(4, 4), sighting(9, 10), sighting(6, 8)].map((s) => ({
    events: [],
    sightings: [s],
  })),
];

describe.each(STORE_FACTORIES)('timeline order independence with $name store', (factory) => {
  async function leasesAfter(order: readonly Observations[]) {
    const dir = makeTempDir('order-');
    const store = await factory.open(dir);
    try {
      for (const request of order) {
        await store.write(request);
      }
      return (await createTimelineQueries(store, () => NOW).leases({ ip: owner.address })).leases;
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('builds the same leases in any arrival order', async () => {
    const expected = await leasesAfter(requests);

    expect(expected.map((lease) => [lease['service.instance.id'], lease.from, lease.to])).toEqual([
      ['a', '2026-03-01T10:00:00.000Z', '2026-03-01T10:02:00.000Z'],
      ['tel', '2026-03-01T10:00:00.000Z', '2026-03-01T10:12:00.000Z'],
      ['b', '2026-03-01T10:03:00.000Z', '2026-03-01T10:05:00.000Z'],
      ['a', '2026-03-01T10:04:00.000Z', '2026-03-01T10:06:00.000Z'],
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(requests, { minLength: requests.length }),
        async (order) => {
          expect(await leasesAfter(order)).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});
