import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityEvent, TelemetrySighting } from '../src/leases/lease-types.js';
import type { LeaseStore } from '../src/store/lease-store.js';
import { makeTempDir } from './support/harness.js';
import { STORE_FACTORIES } from './support/store-factories.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;

function event(overrides: Partial<EntityEvent> = {}): EntityEvent {
  return {
    network: 'vpc-a',
    address: '10.0.0.7',
    networkResolution: 'reported',
    asset: {
      serviceName: 'checkout',
      serviceVersion: null,
      deploymentId: 'd-1',
      instanceId: 'i-1',
    },
    kind: 'state',
    timeMs: T0,
    intervalMs: MIN,
    peer: '127.0.0.1:5000',
    credential: null,
    ...overrides,
  };
}

function sighting(
  firstMs: number,
  lastMs: number,
  overrides: Partial<TelemetrySighting> = {},
): TelemetrySighting {
  const { kind: _kind, timeMs: _time, intervalMs: _interval, ...owner } = event();
  return { ...owner, firstMs, lastMs, graceMs: 2 * MIN, ...overrides };
}

describe.each(STORE_FACTORIES)('$name store', (factory) => {
  let dir: string;
  let store: LeaseStore;

  beforeEach(async () => {
    dir = makeTempDir('store-');
    store = await factory.open(dir);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns written events with absent values as null', async () => {
    await store.write({ events: [event()], sightings: [] });

    const claims = await store.readAddress('10.0.0.7');

    expect(claims.events).toEqual([event()]);
    expect(claims.sightings).toEqual([]);
  });

  it('stores a retried event once', async () => {
    await store.write({ events: [event()], sightings: [] });
    await store.write({ events: [event()], sightings: [] });

    expect((await store.readAddress('10.0.0.7')).events).toHaveLength(1);
  });

  it('filters by network', async () => {
    await store.write({ events: [event(), event({ network: 'vpc-b' })], sightings: [] });

    const claims = await store.readAddress('10.0.0.7', 'vpc-b');

    expect(claims.events.map((e) => e.network)).toEqual(['vpc-b']);
  });

  it('merges sightings of one owner within the grace', async () => {
    await store.write({ events: [], sightings: [sighting(T0, T0 + MIN)] });
    await store.write({ events: [], sightings: [sighting(T0 + 5 * MIN, T0 + 6 * MIN)] });
    await store.write({ events: [], sightings: [sighting(T0 + 2 * MIN, T0 + 4 * MIN)] });

    const { sightings } = await store.readAddress('10.0.0.7');

    expect(sightings).toHaveLength(1);
    expect(sightings[0]!.firstMs).toBe(T0);
    expect(sightings[0]!.lastMs).toBe(T0 + 6 * MIN);
  });

  it('keeps sightings of different reporters apart', async () => {
    await store.write({
      events: [],
      sightings: [sighting(T0, T0), sighting(T0, T0, { peer: '10.9.9.9:1' })],
    });

    expect((await store.readAddress('10.0.0.7')).sightings).toHaveLength(2);
  });

  it('pages keys in order', async () => {
    const addresses = ['10.0.0.1', '10.0.0.2', '10.0.0.3'];
    await store.write({
      events: addresses.map((address) => event({ address })),
      sightings: [sighting(T0, T0, { network: 'vpc-b' })],
    });

    const first = await store.listKeys({ limit: 2 });
    const rest = await store.listKeys({ limit: 10, after: first.at(-1) });

    expect(first).toEqual([
      { network: 'vpc-a', address: '10.0.0.1' },
      { network: 'vpc-a', address: '10.0.0.2' },
    ]);
    expect(rest).toEqual([
      { network: 'vpc-a', address: '10.0.0.3' },
      { network: 'vpc-b', address: '10.0.0.7' },
    ]);
    expect(await store.listKeys({ limit: 10, network: 'vpc-b' })).toHaveLength(1);
  });

  it('registers and closes ranges with validity periods', async () => {
    await store.addRange({ network: 'vpc-a', cidr: '10.0.0.0/16', fromMs: T0, untilMs: null });
    await store.addRange({
      network: 'vpc-a',
      cidr: '10.0.0.0/16',
      fromMs: T0 + MIN,
      untilMs: null,
    });

    const closed = await store.closeRange('vpc-a', '10.0.0.0/16', T0 + 2 * MIN);

    expect(closed).toBe(1);
    expect(await store.listRanges()).toEqual([
      { network: 'vpc-a', cidr: '10.0.0.0/16', fromMs: T0, untilMs: T0 + 2 * MIN },
    ]);
  });

  it('prunes claims older than the cutoff', async () => {
    await store.write({
      events: [event({ timeMs: T0 }), event({ timeMs: T0 + 10 * MIN })],
      sightings: [
        sighting(T0, T0),
        sighting(T0 + 10 * MIN, T0 + 10 * MIN, { address: '10.0.0.8' }),
      ],
    });
    await store.addRange({ network: 'old', cidr: '10.0.0.0/8', fromMs: 0, untilMs: T0 });

    const result = await store.prune(T0 + 5 * MIN);

    expect(result).toEqual({ events: 1, sightings: 1, ranges: 1 });
    expect((await store.readAddress('10.0.0.7')).events.map((e) => e.timeMs)).toEqual([
      T0 + 10 * MIN,
    ]);
    expect((await store.readAddress('10.0.0.8')).sightings).toHaveLength(1);
  });

  it('keeps data across a reopen', async () => {
    await store.write({ events: [event()], sightings: [] });
    await store.close();

    store = await factory.open(dir);

    expect((await store.readAddress('10.0.0.7')).events).toHaveLength(1);
  });
});
