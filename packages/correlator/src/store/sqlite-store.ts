import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Observations, TelemetrySighting } from '../leases/lease-types.js';
import type { NetworkRange } from '../leases/network-range.js';
import type { AddressClaims, LeaseKeyCursor, LeaseStore, PruneResult } from './lease-store.js';
import { migrate } from './sqlite-migrate.js';
import {
  type EventRow,
  eventFromRow,
  ownerColumns,
  type SightingRow,
  sightingFromRow,
} from './sqlite-rows.js';

/** Options of the embedded SQLite store. */
export interface SqliteStoreOptions {
  /** The database file, created with its folder on first start. */
  path: string;
  /** How long a write waits for another process's lock, in milliseconds. Default 5000. */
  busyTimeoutMs?: number;
}

const OWNER_MATCH = `network = @network AND address = @address AND instance_id = @instance_id
  AND service_name = @service_name AND service_version = @service_version
  AND deployment_id = @deployment_id AND peer = @peer AND credential = @credential`;

/**
 * Opens (and creates or migrates) a SQLite timeline store. The database runs
 * in WAL mode with `synchronous = FULL`, so a write that returned survives a
 * crash of the process or the machine. Throws when the file cannot be opened
 * or was written by a newer schema version.
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<LeaseStore> {
  mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db, options.path);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db);
}

class SqliteStore implements LeaseStore {
  readonly kind = 'sqlite';
  readonly #db: Database.Database;
  readonly #insertEvent: Database.Statement;
  readonly #findSightings: Database.Statement;
  readonly #deleteSighting: Database.Statement;
  readonly #insertSighting: Database.Statement;
  readonly #writeAll: (observations: Observations) => void;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#insertEvent = db.prepare(`INSERT OR IGNORE INTO entity_events
      (network, address, network_resolution, service_name, service_version, deployment_id, instance_id,
       kind, time_ms, interval_ms, peer, credential)
      VALUES (@network, @address, @network_resolution, @service_name, @service_version, @deployment_id,
       @instance_id, @kind, @time_ms, @interval_ms, @peer, @credential)`);
    this.#findSightings = db.prepare(`SELECT * FROM telemetry_sightings WHERE ${OWNER_MATCH}
      AND first_ms <= @last_ms + @grace_ms AND last_ms + grace_ms >= @first_ms`);
    this.#deleteSighting = db.prepare('DELETE FROM telemetry_sightings WHERE id = ?');
    this.#insertSighting = db.prepare(`INSERT INTO telemetry_sightings
      (network, address, network_resolution, service_name, service_version, deployment_id, instance_id,
       first_ms, last_ms, grace_ms, peer, credential)
      VALUES (@network, @address, @network_resolution, @service_name, @service_version, @deployment_id,
       @instance_id, @first_ms, @last_ms, @grace_ms, @peer, @credential)`);
    this.#writeAll = db.transaction((observations: Observations) => {
      for (const event of observations.events) {
        this.#insertEvent.run({
          ...ownerColumns(event),
          kind: event.kind,
          time_ms: event.timeMs,
          interval_ms: event.intervalMs,
        });
      }
      for (const sighting of observations.sightings) {
        this.#mergeSighting(sighting);
      }
    });
  }

  // Sightings of one owner that lie within the grace of each other become one
  // row, so the table grows with leases rather than with requests.
  #mergeSighting(sighting: TelemetrySighting): void {
    const row = {
      ...ownerColumns(sighting),
      first_ms: sighting.firstMs,
      last_ms: sighting.lastMs,
      grace_ms: sighting.graceMs,
    };
    const touching = this.#findSightings.all(row) as SightingRow[];
    for (const existing of touching) {
      row.first_ms = Math.min(row.first_ms, existing.first_ms);
      if (existing.last_ms > row.last_ms) {
        row.last_ms = existing.last_ms;
        row.grace_ms = existing.grace_ms;
      }
      this.#deleteSighting.run(existing.id);
    }
    this.#insertSighting.run(row);
  }

  async write(observations: Observations): Promise<void> {
    this.#writeAll(observations);
  }

  async readAddress(address: string, network?: string): Promise<AddressClaims> {
    const filter = network === undefined ? 'address = ?' : 'address = ? AND network = ?';
    const params = network === undefined ? [address] : [address, network];
    const events = this.#db
      .prepare(`SELECT * FROM entity_events WHERE ${filter}`)
      .all(...params) as EventRow[];
    const sightings = this.#db
      .prepare(`SELECT * FROM telemetry_sightings WHERE ${filter}`)
      .all(...params) as SightingRow[];
    return { events: events.map(eventFromRow), sightings: sightings.map(sightingFromRow) };
  }

  async listKeys(options: {
    after?: LeaseKeyCursor;
    limit: number;
    network?: string;
  }): Promise<LeaseKeyCursor[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (options.after) {
      conditions.push('(network, address) > (?, ?)');
      params.push(options.after.network, options.after.address);
    }
    if (options.network !== undefined) {
      conditions.push('network = ?');
      params.push(options.network);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const sql = `SELECT network, address FROM (
        SELECT network, address FROM entity_events UNION SELECT network, address FROM telemetry_sightings
      ) ${where} ORDER BY network, address LIMIT ?`;
    return this.#db.prepare(sql).all(...params, options.limit) as LeaseKeyCursor[];
  }

  async addRange(range: NetworkRange): Promise<void> {
    this.#db.transaction(() => {
      const open = this.#db
        .prepare('SELECT 1 FROM network_ranges WHERE network = ? AND cidr = ? AND until_ms IS NULL')
        .get(range.network, range.cidr);
      if (!open) {
        this.#db
          .prepare(
            'INSERT INTO network_ranges (network, cidr, from_ms, until_ms) VALUES (?, ?, ?, ?)',
          )
          .run(range.network, range.cidr, range.fromMs, range.untilMs);
      }
    })();
  }

  async closeRange(network: string, cidr: string, untilMs: number): Promise<number> {
    return this.#db
      .prepare(
        'UPDATE network_ranges SET until_ms = ? WHERE network = ? AND cidr = ? AND until_ms IS NULL',
      )
      .run(untilMs, network, cidr).changes;
  }

  async listRanges(): Promise<NetworkRange[]> {
    const rows = this.#db
      .prepare(
        'SELECT network, cidr, from_ms, until_ms FROM network_ranges ORDER BY network, cidr, from_ms',
      )
      .all() as { network: string; cidr: string; from_ms: number; until_ms: number | null }[];
    return rows.map((row) => ({
      network: row.network,
      cidr: row.cidr,
      fromMs: row.from_ms,
      untilMs: row.until_ms,
    }));
  }

  async prune(beforeMs: number): Promise<PruneResult> {
    return this.#db.transaction(() => ({
      events: this.#db.prepare('DELETE FROM entity_events WHERE time_ms < ?').run(beforeMs).changes,
      sightings: this.#db
        .prepare('DELETE FROM telemetry_sightings WHERE last_ms + grace_ms < ?')
        .run(beforeMs).changes,
      ranges: this.#db.prepare('DELETE FROM network_ranges WHERE until_ms < ?').run(beforeMs)
        .changes,
    }))();
  }

  async close(): Promise<void> {
    if (this.#db.open) {
      this.#db.close();
    }
  }
}
