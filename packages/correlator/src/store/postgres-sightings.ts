import type pg from 'pg';
import type { TelemetrySighting } from '../leases/lease-types.js';
import { timeFromMs } from './postgres-time.js';
import { ownerColumns } from './sqlite-rows.js';

// For each input sighting, deletes the stored sightings of the same owner that
// lie within the grace of it and inserts their union, all in one statement.
// The grace of the latest sighting wins, the new one on a tie, as in the
// SQLite store. The owners of one statement's inputs must be distinct, so
// that a stored row matches at most one input.
const MERGE_SIGHTINGS = `WITH input AS (
    SELECT * FROM unnest($1::text[], $2::inet[], $3::text[], $4::text[], $5::text[], $6::text[],
      $7::text[], $8::text[], $9::text[], $10::float8[], $11::float8[], $12::bigint[])
      WITH ORDINALITY AS i(network, address, resolution, service_name, service_version,
        deployment_id, instance_id, peer, credential, first_ms, last_ms, grace_ms, ord)
  ), touching AS (
    DELETE FROM telemetry_sightings t USING input i
    WHERE t.address = i.address AND t.network = i.network AND t.instance_id = i.instance_id
      AND t.service_name = i.service_name AND t.service_version = i.service_version
      AND t.deployment_id = i.deployment_id AND t.peer = i.peer AND t.credential = i.credential
      AND lower(t.seen) <= ${timeFromMs('(i.last_ms + i.grace_ms)')}
      AND upper(t.seen) + t.grace_ms * interval '1 millisecond' >= ${timeFromMs('i.first_ms')}
    RETURNING i.ord, lower(t.seen) AS first_at, upper(t.seen) AS last_at, t.grace_ms, 0 AS is_new
  ), candidates AS (
    SELECT ord, first_at, last_at, grace_ms, is_new FROM touching
    UNION ALL
    SELECT ord, ${timeFromMs('first_ms')}, ${timeFromMs('last_ms')}, grace_ms, 1 FROM input
  ), merged AS (
    SELECT ord, min(first_at) AS first_at, max(last_at) AS last_at FROM candidates GROUP BY ord
  )
  INSERT INTO telemetry_sightings (network, address, network_resolution, service_name,
    service_version, deployment_id, instance_id, seen, grace_ms, peer, credential)
  SELECT i.network, i.address, i.resolution, i.service_name, i.service_version, i.deployment_id,
    i.instance_id, tstzrange(m.first_at, m.last_at, '[]'),
    (SELECT c.grace_ms FROM candidates c WHERE c.ord = i.ord
      ORDER BY c.last_at DESC, c.is_new DESC LIMIT 1),
    i.peer, i.credential
  FROM input i JOIN merged m ON m.ord = i.ord`;

/**
 * Merges sightings into the stored ones of the same owner, one statement per
 * round. Each round takes at most one sighting per owner, in request order,
 * so a second sighting of an owner merges with the row the first one left,
 * as it would in the SQLite store. Usually one round is enough.
 */
export async function mergeSightings(
  client: pg.ClientBase,
  sightings: readonly TelemetrySighting[],
): Promise<void> {
  for (const round of roundsOfDistinctOwners(sightings)) {
    await client.query(MERGE_SIGHTINGS, columnsOf(round));
  }
}

function roundsOfDistinctOwners(sightings: readonly TelemetrySighting[]): TelemetrySighting[][] {
  const rounds: TelemetrySighting[][] = [];
  const seen = new Map<string, number>();
  for (const sighting of sightings) {
    const owner = JSON.stringify(Object.values(ownerColumns(sighting)));
    const round = seen.get(owner) ?? 0;
    seen.set(owner, round + 1);
    rounds[round] ??= [];
    rounds[round].push(sighting);
  }
  return rounds;
}

function columnsOf(sightings: readonly TelemetrySighting[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 12 }, () => []);
  for (const sighting of sightings) {
    const owner = ownerColumns(sighting);
    const values = [
      owner.network,
      owner.address,
      owner.network_resolution,
      owner.service_name,
      owner.service_version,
      owner.deployment_id,
      owner.instance_id,
      owner.peer,
      owner.credential,
      sighting.firstMs,
      sighting.lastMs,
      sighting.graceMs,
    ];
    values.forEach((value, index) => {
      columns[index]!.push(value);
    });
  }
  return columns;
}
