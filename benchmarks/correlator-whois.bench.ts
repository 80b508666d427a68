// whois latency on a large generated timeline. ADDRESSES addresses are each
// used in two networks (the overlapping-range case), and in each network by
// LEASES_PER_ADDRESS successive assets (state, state, delete per lease), plus
// one telemetry sighting per address and network. The baseline derives the
// leases of one address from claims already in memory, so the ratio shows
// what the store lookup and the HTTP round trip add.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { startCorrelator } from '../packages/correlator/src/http/server.js';
import { deriveLeases } from '../packages/correlator/src/leases/derive-leases.js';
import type {
  EntityEvent,
  TelemetrySighting,
} from '../packages/correlator/src/leases/lease-types.js';
import { createTimelineQueries } from '../packages/correlator/src/query/timeline-queries.js';
import { openSqliteStore } from '../packages/correlator/src/store/sqlite-store.js';

const ADDRESSES = 50_000;
const NETWORKS = ['vpc-a', 'vpc-b'];
const LEASES_PER_ADDRESS = 3;
const T0 = Date.now() - 24 * 60 * 60 * 1000;
const MIN = 60_000;

function addressOf(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

function claimsOf(index: number): { events: EntityEvent[]; sightings: TelemetrySighting[] } {
  const events: EntityEvent[] = [];
  const sightings: TelemetrySighting[] = [];
  for (const network of NETWORKS) {
    const key = {
      network,
      address: addressOf(index),
      networkResolution: 'reported' as const,
      peer: '127.0.0.1:1',
      credential: null,
    };
    for (let lease = 0; lease < LEASES_PER_ADDRESS; lease++) {
      const asset = {
        serviceName: `svc-${lease}`,
        serviceVersion: '1.0.0',
        deploymentId: 'dep',
        instanceId: `${network}-${index}-${lease}`,
      };
      const start = T0 + lease * 10 * MIN;
      events.push({ ...key, asset, kind: 'state', timeMs: start, intervalMs: MIN });
      events.push({ ...key, asset, kind: 'state', timeMs: start + MIN, intervalMs: MIN });
      events.push({ ...key, asset, kind: 'delete', timeMs: start + 2 * MIN, intervalMs: MIN });
    }
    const asset = {
      serviceName: 'svc-0',
      serviceVersion: '1.0.0',
      deploymentId: 'dep',
      instanceId: `${network}-${index}-0`,
    };
    sightings.push({ ...key, asset, firstMs: T0, lastMs: T0 + MIN, graceMs: 2 * MIN });
  }
  return { events, sightings };
}

const store = await openSqliteStore({
  path: join(mkdtempSync(join(tmpdir(), 'bench-whois-')), 'timeline.db'),
});
for (let start = 0; start < ADDRESSES; start += 1000) {
  const batch = { events: [] as EntityEvent[], sightings: [] as TelemetrySighting[] };
  for (let index = start; index < start + 1000; index++) {
    const claims = claimsOf(index);
    batch.events.push(...claims.events);
    batch.sightings.push(...claims.sightings);
  }
  await store.write(batch);
}
const EVENTS = ADDRESSES * NETWORKS.length * LEASES_PER_ADDRESS * 3;
const SIGHTINGS = ADDRESSES * NETWORKS.length;

const queries = createTimelineQueries(store);
const correlator = await startCorrelator({ store, port: 0, log: () => {} });
const inMemory = claimsOf(12_345);
let counter = 0;

function nextQuery() {
  const index = (counter++ * 7919) % ADDRESSES;
  return { ip: addressOf(index), atMs: T0 + 10 * MIN + 30_000 };
}

const OPTIONS = { time: 3000, warmupTime: 500 };

describe(`whois on ${EVENTS} entity events and ${SIGHTINGS} sightings (${ADDRESSES} addresses x ${NETWORKS.length} networks)`, () => {
  afterAll(async () => {
    await correlator.close();
    await store.close();
  });

  bench(
    'derive leases of one address from claims in memory',
    () => {
      deriveLeases(inMemory.events, inMemory.sightings, Date.now());
    },
    OPTIONS,
  );

  bench(
    'whois from the SQLite store',
    async () => {
      const query = nextQuery();
      const answer = await queries.whois(query);
      if (answer.candidates.length !== 2) {
        throw new Error(`expected 2 candidates for ${query.ip}, got ${answer.candidates.length}`);
      }
    },
    OPTIONS,
  );

  bench(
    'whois over the HTTP query API',
    async () => {
      const { ip, atMs } = nextQuery();
      const response = await fetch(
        `${correlator.url}/api/v1/whois?ip=${ip}&at=${new Date(atMs).toISOString()}`,
      );
      await response.json();
    },
    OPTIONS,
  );
});
