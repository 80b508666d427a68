import pg from 'pg';
import { normalizeAddress, parseCidr } from '../leases/ip-address.js';
import type { Observations } from '../leases/lease-types.js';
import type { NetworkRange } from '../leases/network-range.js';
import type { AddressClaims, LeaseKeyCursor, LeaseStore, PruneResult } from './lease-store.js';
import { describePostgresUrl, isRetryableTransactionError } from './postgres-connection.js';
import { migratePostgres } from './postgres-migrate.js';
import { msFromTime, timeFromMs } from './postgres-time.js';
import { writeObservations } from './postgres-write.js';
import { type EventRow, eventFromRow, type SightingRow, sightingFromRow } from './sqlite-rows.js';

/** Options of the shared PostgreSQL store. */
export interface PostgresStoreOptions {
  /**
   * A `postgres://` URL. Its `options` parameter may set `search_path`
   * (`?options=-c%20search_path%3Dprovenance`) to keep the tables in their own
   * schema, which is created when missing.
   */
  connectionString: string;
  /** The maximum number of connections the store opens at once. Default 10. */
  maxConnections?: number;
  /** How long to wait for a connection before a write or query fails, in milliseconds. Default 5000. */
  connectTimeoutMs?: number;
}

const MAX_TRANSACTION_ATTEMPTS = 5;

const OWNER_COLUMNS = `network, host(address) AS address, network_resolution, service_name,
  service_version, deployment_id, instance_id, peer, credential`;

/**
 * Opens a PostgreSQL timeline store and creates or migrates its schema.
 * Rejects when the server cannot be reached, the credentials are wrong, or
 * the database has a newer schema version. The message names the server and
 * database, never the password.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<LeaseStore> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  // A connection that breaks while idle (the server restarted) is dropped
  // from the pool, and the next query opens a new one. Without a listener the
  // pool's 'error' event would end the process.
  pool.on('error', ignoreError);

  try {
    const client = await pool.connect();
    client.on('error', ignoreError);
    try {
      await migratePostgres(client);
    } finally {
      client.off('error', ignoreError);
      client.release();
    }
  } catch (error) {
    await pool.end();
    const where = describePostgresUrl(options.connectionString);
    throw new Error(`could not open the PostgreSQL store at ${where}: ${String(error)}`, {
      cause: error,
    });
  }
  return new PostgresStore(pool);
}

class PostgresStore implements LeaseStore {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;
  #closed = false;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  // Runs `work` in a transaction with synchronous commit, so a resolved
  // promise means the commit is on disk. Deadlocks and serialization failures
  // are retried; any other error discards the connection and rejects.
  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.#pool.connect();
      client.on('error', ignoreError);
      try {
        await client.query('BEGIN; SET LOCAL synchronous_commit TO on');
        const result = await work(client);
        await client.query('COMMIT');
        client.off('error', ignoreError);
        client.release();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        client.off('error', ignoreError);
        client.release(true);
        if (!isRetryableTransactionError(error) || attempt >= MAX_TRANSACTION_ATTEMPTS) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  async write(observations: Observations): Promise<void> {
    if (observations.events.length === 0 && observations.sightings.length === 0) {
      return;
    }
    await this.#transaction((client) => writeObservations(client, observations));
  }

  async readAddress(address: string, network?: string): Promise<AddressClaims> {
    const filter =
      network === undefined ? 'address = $1::inet' : 'address = $1::inet AND network = $2';
    const params = network === undefined ? [address] : [address, network];
    // Two connections at once, so a whois waits for one round trip instead of two.
    const [events, sightings] = await Promise.all([
      this.#pool.query<EventRow>(
        `SELECT ${OWNER_COLUMNS}, kind, ${msFromTime('at')} AS time_ms, interval_ms::float8 AS interval_ms
       FROM entity_events WHERE ${filter} ORDER BY id`,
        params,
      ),
      this.#pool.query<SightingRow>(
        `SELECT ${OWNER_COLUMNS}, id::float8 AS id, ${msFromTime('lower(seen)')} AS first_ms,
         ${msFromTime('upper(seen)')} AS last_ms, grace_ms::float8 AS grace_ms
       FROM telemetry_sightings WHERE ${filter} ORDER BY id`,
        params,
      ),
    ]);
    return {
      events: events.rows.map((row) => eventFromRow(withCanonicalAddress(row))),
      sightings: sightings.rows.map((row) => sightingFromRow(withCanonicalAddress(row))),
    };
  }

  async listKeys(options: {
    after?: LeaseKeyCursor;
    limit: number;
    network?: string;
  }): Promise<LeaseKeyCursor[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (options.after) {
      params.push(options.after.network, options.after.address);
      conditions.push(`(network, address) > ($${params.length - 1}, $${params.length}::inet)`);
    }
    if (options.network !== undefined) {
      params.push(options.network);
      conditions.push(`network = $${params.length}`);
    }
    params.push(options.limit);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const { rows } = await this.#pool.query<LeaseKeyCursor>(
      `SELECT network, host(address) AS address FROM address_keys ${where}
       ORDER BY network, address LIMIT $${params.length}`,
      params,
    );
    return rows.map(withCanonicalAddress);
  }

  async addRange(range: NetworkRange): Promise<void> {
    await this.#pool.query(
      `INSERT INTO network_ranges (network, cidr, valid_from, valid_until)
       VALUES ($1, $2::cidr, ${timeFromMs('$3')}, ${timeFromMs('$4')})
       ON CONFLICT (network, cidr) WHERE valid_until IS NULL DO NOTHING`,
      [range.network, range.cidr, range.fromMs, range.untilMs],
    );
  }

  async closeRange(network: string, cidr: string, untilMs: number): Promise<number> {
    const result = await this.#pool.query(
      `UPDATE network_ranges SET valid_until = ${timeFromMs('$3')}
       WHERE network = $1 AND cidr = $2::cidr AND valid_until IS NULL`,
      [network, cidr, untilMs],
    );
    return result.rowCount ?? 0;
  }

  async listRanges(): Promise<NetworkRange[]> {
    const { rows } = await this.#pool.query<{
      network: string;
      cidr: string;
      from_ms: number;
      until_ms: number | null;
    }>(
      `SELECT network, cidr::text AS cidr, ${msFromTime('valid_from')} AS from_ms,
         ${msFromTime('valid_until')} AS until_ms
       FROM network_ranges ORDER BY network, cidr, valid_from`,
    );
    return rows.map((row) => ({
      network: row.network,
      cidr: parseCidr(row.cidr)?.canonical ?? row.cidr,
      fromMs: row.from_ms,
      untilMs: row.until_ms,
    }));
  }

  async prune(beforeMs: number): Promise<PruneResult> {
    return this.#transaction(async (client) => {
      const cutoff = timeFromMs('$1');
      const events = await client.query(`DELETE FROM entity_events WHERE at < ${cutoff}`, [
        beforeMs,
      ]);
      const sightings = await client.query(
        `DELETE FROM telemetry_sightings WHERE upper(seen) < ${cutoff}
           AND upper(seen) + grace_ms * interval '1 millisecond' < ${cutoff}`,
        [beforeMs],
      );
      const ranges = await client.query(
        `DELETE FROM network_ranges WHERE valid_until < ${cutoff}`,
        [beforeMs],
      );
      // Keys locked by a writer are skipped, and the next prune removes them if they stay empty.
      await client.query(`DELETE FROM address_keys WHERE (network, address) IN (
          SELECT network, address FROM address_keys k
          WHERE NOT EXISTS (SELECT 1 FROM entity_events e
              WHERE e.address = k.address AND e.network = k.network)
            AND NOT EXISTS (SELECT 1 FROM telemetry_sightings s
              WHERE s.address = k.address AND s.network = k.network)
          FOR UPDATE SKIP LOCKED)`);
      return {
        events: events.rowCount ?? 0,
        sightings: sightings.rowCount ?? 0,
        ranges: ranges.rowCount ?? 0,
      };
    });
  }

  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      await this.#pool.end();
    }
  }
}

// A connection that breaks between two queries of a transaction emits 'error'
// on its client, and an 'error' event without a listener ends the process. The
// next query on that client rejects, and the transaction reports that error.
function ignoreError(): void {}

// Rows must carry the text form that `normalizeAddress` returns, which keys
// every lookup. PostgreSQL's inet output can differ: it prints IPv4-mapped
// addresses in dotted IPv6 form.
// NOTE: rows written before the receiver normalised IPv4-mapped addresses to
// IPv4 keep the IPv6 inet, so a lookup of the IPv4 address does not find them.
// No migration rewrites them, and the SQLite store has the same gap.
function withCanonicalAddress<T extends { address: string }>(row: T): T {
  return { ...row, address: normalizeAddress(row.address) ?? row.address };
}
