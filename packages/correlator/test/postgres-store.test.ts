import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityEvent, TelemetrySighting } from '../src/leases/lease-types.js';
import { firstSchemaName } from '../src/store/postgres-migrate.js';
import { POSTGRES_MIGRATIONS } from '../src/store/postgres-schema.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { makeTempDir } from './support/harness.js';
import { postgresUrlFor } from './support/store-factories.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;

const OWNER = {
  network: 'vpc-a',
  address: '10.0.0.7',
  networkResolution: 'reported' as const,
  asset: {
    serviceName: 'checkout',
    serviceVersion: '1.0.0',
    deploymentId: 'd-1',
    instanceId: 'i-1',
  },
  peer: '127.0.0.1:5000',
  credential: null,
};

function sighting(firstMs: number, lastMs: number): TelemetrySighting {
  return { ...OWNER, firstMs, lastMs, graceMs: 2 * MIN };
}

function event(kind: 'state' | 'delete', timeMs: number, address = OWNER.address): EntityEvent {
  return { ...OWNER, address, kind, timeMs, intervalMs: MIN };
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('openPostgresStore', () => {
  let dir: string;
  let url: string;

  beforeEach(() => {
    dir = makeTempDir('postgres-');
    url = postgresUrlFor(dir);
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the schema from search_path at the current version', async () => {
    const store = await openPostgresStore({ connectionString: url });
    await store.close();

    const [row] = await query<{ schema: string; version: number }>(
      url,
      'SELECT current_schema() AS schema, (SELECT version FROM provenance_schema_version) AS version',
    );
    expect(row!.schema).toMatch(/^store_[0-9a-f]{16}$/);
    expect(row!.version).toBe(POSTGRES_MIGRATIONS.length);
  });

  it('uses inet, cidr and tstzrange columns', async () => {
    const store = await openPostgresStore({ connectionString: url });
    await store.close();

    const rows = await query<{ table_name: string; column_name: string; udt_name: string }>(
      url,
      `SELECT table_name, column_name, udt_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name IN ('address', 'cidr', 'seen')
       ORDER BY table_name, column_name`,
    );
    expect(rows.map((row) => `${row.table_name}.${row.column_name}: ${row.udt_name}`)).toEqual([
      'address_keys.address: inet',
      'entity_events.address: inet',
      'network_ranges.cidr: cidr',
      'telemetry_sightings.address: inet',
      'telemetry_sightings.seen: tstzrange',
    ]);
  });

  it('serves whois lookups from the address indexes', async () => {
    const store = await openPostgresStore({ connectionString: url });
    await store.close();

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // With sequential scans priced out, a plan without the index means the index cannot serve the query.
    await client.query('SET enable_seqscan = off');
    const plans: string[] = [];
    for (const table of ['entity_events', 'telemetry_sightings']) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT * FROM ${table} WHERE address = $1::inet AND network = $2`,
        ['10.0.0.7', 'vpc-a'],
      );
      plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
    }
    await client.end();

    expect(plans[0]).toContain('entity_events_by_address');
    expect(plans[1]).toContain('telemetry_sightings_by_address');
  });

  it('rejects a database from a newer schema version', async () => {
    const store = await openPostgresStore({ connectionString: url });
    await store.close();
    await query(url, 'UPDATE provenance_schema_version SET version = $1', [
      POSTGRES_MIGRATIONS.length + 1,
    ]);

    await expect(openPostgresStore({ connectionString: url })).rejects.toThrow(
      'upgrade @otel-provenance/correlator',
    );
  });

  it('migrates once when receivers start together', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore({ connectionString: url })),
    );
    await Promise.all(stores.map((store) => store.close()));

    const rows = await query<{ version: number }>(
      url,
      'SELECT version FROM provenance_schema_version',
    );
    expect(rows).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
  });

  it('names the server but not the password on failure', async () => {
    const wrong = new URL(url);
    wrong.password = 'FAKE-wrong-password';

    const failure = openPostgresStore({ connectionString: wrong.toString() });

    await expect(failure).rejects.toThrow(`could not open the PostgreSQL store at postgres://`);
    await expect(failure).rejects.toThrow('password authentication failed');
    await expect(failure).rejects.not.toThrow('FAKE-wrong-password');
  });
});

describe('PostgreSQL store with concurrent writers', () => {
  let dir: string;

  beforeEach(() => {
    dir = makeTempDir('postgres-');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('merges touching sightings into one row', async () => {
    const url = postgresUrlFor(dir);
    const first = await openPostgresStore({ connectionString: url });
    const second = await openPostgresStore({ connectionString: url });

    // Each round, both stores extend the same lease at once.
    for (let round = 0; round < 20; round++) {
      const at = T0 + round * MIN;
      await Promise.all([
        first.write({ events: [], sightings: [sighting(at, at + 10_000)] }),
        second.write({ events: [], sightings: [sighting(at + 20_000, at + 30_000)] }),
      ]);
    }
    const { sightings } = await first.readAddress(OWNER.address);
    await first.close();
    await second.close();

    expect(sightings).toHaveLength(1);
    expect(sightings[0]!.firstMs).toBe(T0);
    expect(sightings[0]!.lastMs).toBe(T0 + 19 * MIN + 30_000);
  });

  it('stores each event once when both receivers retry it', async () => {
    const url = postgresUrlFor(dir);
    const first = await openPostgresStore({ connectionString: url });
    const second = await openPostgresStore({ connectionString: url });
    const events = [event('state', T0), event('state', T0 + MIN), event('delete', T0 + 2 * MIN)];

    await Promise.all([
      first.write({ events, sightings: [] }),
      second.write({ events: [...events].reverse(), sightings: [] }),
      first.write({ events: events.slice(1), sightings: [] }),
    ]);
    const claims = await second.readAddress(OWNER.address, OWNER.network);
    await first.close();
    await second.close();

    expect(claims.events.map((stored) => stored.timeMs).sort()).toEqual([
      T0,
      T0 + MIN,
      T0 + 2 * MIN,
    ]);
  });

  it('merges sightings of one owner within one write like SQLite', async () => {
    const other = { ...OWNER.asset, instanceId: 'i-2' };
    const write = {
      events: [],
      sightings: [
        sighting(T0, T0 + MIN),
        { ...sighting(T0, T0), asset: other },
        sighting(T0 + 2 * MIN, T0 + 3 * MIN),
        sighting(T0 + 30 * MIN, T0 + 31 * MIN),
        { ...sighting(T0 + MIN, T0 + 2 * MIN), graceMs: 5 * MIN },
      ],
    };
    const postgres = await openPostgresStore({ connectionString: postgresUrlFor(dir) });
    const sqlite = await openSqliteStore({ path: `${dir}/timeline.db` });
    await postgres.write(write);
    await sqlite.write(write);

    const byTime = (a: TelemetrySighting, b: TelemetrySighting) =>
      a.firstMs - b.firstMs || a.lastMs - b.lastMs;
    const stored = (await postgres.readAddress(OWNER.address)).sightings.sort(byTime);
    const expected = (await sqlite.readAddress(OWNER.address)).sightings.sort(byTime);
    await postgres.close();
    await sqlite.close();

    expect(stored).toHaveLength(3);
    expect(stored).toEqual(expected);
  });

  // The receiver normalises addresses before writing, so only rows written
  // before IPv4-mapped addresses were normalised hold this form.
  it('returns IPv4-mapped IPv6 addresses as IPv4', async () => {
    const store = await openPostgresStore({ connectionString: postgresUrlFor(dir) });
    await store.write({ events: [event('state', T0, '::ffff:a00:7')], sightings: [] });

    const claims = await store.readAddress('::ffff:a00:7');
    const keys = await store.listKeys({ limit: 10 });
    await store.close();

    expect(claims.events.map((stored) => stored.address)).toEqual(['10.0.0.7']);
    expect(keys).toEqual([{ network: 'vpc-a', address: '10.0.0.7' }]);
  });
});

describe('firstSchemaName', () => {
  it.each([
    ['"$user", public', 'public'],
    ['provenance', 'provenance'],
    ['Provenance, public', 'provenance'],
    ['"Mixed Case"', 'Mixed Case'],
    ['"$user"', undefined],
    ['', undefined],
  ])('reads %j as %j', (searchPath, expected) => {
    expect(firstSchemaName(searchPath)).toBe(expected);
  });
});
