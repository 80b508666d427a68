/**
 * The SQLite schema, one entry per version. `PRAGMA user_version` stores the
 * version a database file has; opening a file runs the migrations after it.
 * Asset and credential columns store '' for "absent" so that UNIQUE constraints
 * treat a retried request as a duplicate (SQLite treats NULLs as distinct).
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE entity_events (
    id INTEGER PRIMARY KEY,
    network TEXT NOT NULL,
    address TEXT NOT NULL,
    network_resolution TEXT NOT NULL,
    service_name TEXT NOT NULL,
    service_version TEXT NOT NULL,
    deployment_id TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('state', 'delete')),
    time_ms INTEGER NOT NULL,
    interval_ms INTEGER NOT NULL,
    peer TEXT NOT NULL,
    credential TEXT NOT NULL,
    UNIQUE (network, address, service_name, service_version, deployment_id, instance_id,
            kind, time_ms, interval_ms, peer, credential)
  );
  CREATE INDEX entity_events_by_address ON entity_events (address, network);
  CREATE INDEX entity_events_by_time ON entity_events (time_ms);

  CREATE TABLE telemetry_sightings (
    id INTEGER PRIMARY KEY,
    network TEXT NOT NULL,
    address TEXT NOT NULL,
    network_resolution TEXT NOT NULL,
    service_name TEXT NOT NULL,
    service_version TEXT NOT NULL,
    deployment_id TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    first_ms INTEGER NOT NULL,
    last_ms INTEGER NOT NULL,
    grace_ms INTEGER NOT NULL,
    peer TEXT NOT NULL,
    credential TEXT NOT NULL
  );
  CREATE INDEX telemetry_sightings_by_owner ON telemetry_sightings
    (address, network, instance_id, service_name, service_version, deployment_id, peer, credential, first_ms);
  CREATE INDEX telemetry_sightings_by_last ON telemetry_sightings (last_ms);

  CREATE TABLE network_ranges (
    id INTEGER PRIMARY KEY,
    network TEXT NOT NULL,
    cidr TEXT NOT NULL,
    from_ms INTEGER NOT NULL,
    until_ms INTEGER
  );
  CREATE INDEX network_ranges_by_network ON network_ranges (network, cidr);
  `,
];
