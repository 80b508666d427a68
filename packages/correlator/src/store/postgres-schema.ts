/**
 * The PostgreSQL schema, one entry per version. The table
 * `provenance_schema_version` stores the version a database has, and opening
 * a store runs the migrations after it. Tables live in the first schema of the
 * connection's `search_path`.
 *
 * Addresses are `inet` and registered ranges `cidr`, so keys sort by address
 * value and the server validates every address. A telemetry sighting's first
 * and last record times are one `tstzrange`. Indexes stay on short columns
 * because a btree entry is limited to about 2.7 kB and asset values may be up
 * to 1,024 characters each. So the uniqueness of an entity event is a SHA-256
 * digest computed by the store, not an index over every column.
 *
 * `address_keys` has one row per (network, address). Every write locks the
 * rows of the keys it touches, which serializes writers of the same address
 * across receivers (see the README section on concurrency), and the lease
 * listing pages over its primary key.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE address_keys (
    network text COLLATE "C" NOT NULL,
    address inet NOT NULL,
    PRIMARY KEY (network, address)
  );

  CREATE TABLE entity_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_digest bytea NOT NULL UNIQUE,
    network text COLLATE "C" NOT NULL,
    address inet NOT NULL,
    network_resolution text NOT NULL,
    service_name text NOT NULL,
    service_version text NOT NULL,
    deployment_id text NOT NULL,
    instance_id text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('state', 'delete')),
    at timestamptz NOT NULL,
    interval_ms bigint NOT NULL,
    peer text NOT NULL,
    credential text NOT NULL
  );
  CREATE INDEX entity_events_by_address ON entity_events (address, network);
  CREATE INDEX entity_events_by_time ON entity_events (at);

  CREATE TABLE telemetry_sightings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network text COLLATE "C" NOT NULL,
    address inet NOT NULL,
    network_resolution text NOT NULL,
    service_name text NOT NULL,
    service_version text NOT NULL,
    deployment_id text NOT NULL,
    instance_id text NOT NULL,
    seen tstzrange NOT NULL CHECK (NOT isempty(seen)),
    grace_ms bigint NOT NULL CHECK (grace_ms >= 0),
    peer text NOT NULL,
    credential text NOT NULL
  );
  CREATE INDEX telemetry_sightings_by_address ON telemetry_sightings (address, network);
  CREATE INDEX telemetry_sightings_by_last ON telemetry_sightings (upper(seen));

  CREATE TABLE network_ranges (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network text COLLATE "C" NOT NULL,
    cidr cidr NOT NULL,
    valid_from timestamptz NOT NULL,
    valid_until timestamptz
  );
  CREATE UNIQUE INDEX network_ranges_open ON network_ranges (network, cidr)
    WHERE valid_until IS NULL;
  `,
];
