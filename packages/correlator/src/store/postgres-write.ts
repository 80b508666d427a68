import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { EntityEvent, Observations, TelemetrySighting } from '../leases/lease-types.js';
import { mergeSightings } from './postgres-sightings.js';
import { timeFromMs } from './postgres-time.js';
import { ownerColumns } from './sqlite-rows.js';

const LOCK_KEYS = `INSERT INTO address_keys (network, address)
  SELECT * FROM unnest($1::text[], $2::inet[])
  ON CONFLICT (network, address) DO UPDATE SET network = EXCLUDED.network`;

const INSERT_EVENTS = `INSERT INTO entity_events (claim_digest, network, address, network_resolution,
    service_name, service_version, deployment_id, instance_id, kind, at, interval_ms, peer, credential)
  SELECT decode(digest, 'hex'), network, address, resolution, service_name, service_version,
    deployment_id, instance_id, kind, ${timeFromMs('time_ms')}, interval_ms, peer, credential
  FROM unnest($1::text[], $2::text[], $3::inet[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::float8[], $11::bigint[], $12::text[], $13::text[])
    AS e(digest, network, address, resolution, service_name, service_version, deployment_id,
      instance_id, kind, time_ms, interval_ms, peer, credential)
  ON CONFLICT (claim_digest) DO NOTHING`;

/**
 * Writes one request's observations inside the caller's transaction. It first
 * locks the `address_keys` row of every (network, address) it touches, in one
 * sorted order, so that writers take these locks in the same order and do not
 * deadlock on them (the store retries a deadlock that happens anyway). A
 * second receiver writing the same address waits until this transaction ends.
 */
export async function writeObservations(
  client: pg.ClientBase,
  observations: Observations,
): Promise<void> {
  const keys = sortedKeys([...observations.events, ...observations.sightings]);
  if (keys.length === 0) {
    return;
  }
  await client.query(LOCK_KEYS, [keys.map((key) => key.network), keys.map((key) => key.address)]);

  if (observations.events.length > 0) {
    await client.query(INSERT_EVENTS, eventColumns(observations.events));
  }
  if (observations.sightings.length > 0) {
    await mergeSightings(client, observations.sightings);
  }
}

function sortedKeys(claims: readonly (EntityEvent | TelemetrySighting)[]) {
  const keys = new Map<string, { network: string; address: string }>();
  for (const claim of claims) {
    keys.set(`${claim.network}\u0000${claim.address}`, {
      network: claim.network,
      address: claim.address,
    });
  }
  const sorted = [...keys.keys()].sort();
  return sorted.map((id) => keys.get(id)!);
}

// The digest covers the same columns as the SQLite store's UNIQUE constraint,
// so a retried request stores each event once in either store.
function eventColumns(events: readonly EntityEvent[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 13 }, () => []);
  for (const event of events) {
    const owner = ownerColumns(event);
    const values = [
      owner.network,
      owner.address,
      owner.network_resolution,
      owner.service_name,
      owner.service_version,
      owner.deployment_id,
      owner.instance_id,
      event.kind,
      event.timeMs,
      event.intervalMs,
      owner.peer,
      owner.credential,
    ];
    const identity = [...values.slice(0, 2), ...values.slice(3)];
    const digest = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
    [digest, ...values].forEach((value, index) => {
      columns[index]!.push(value);
    });
  }
  return columns;
}
