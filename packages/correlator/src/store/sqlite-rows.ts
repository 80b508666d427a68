import type {
  Asset,
  EntityEvent,
  NetworkResolution,
  TelemetrySighting,
} from '../leases/lease-types.js';

/** The asset and reporter columns shared by both claim tables. */
export interface OwnerRow {
  network: string;
  address: string;
  network_resolution: string;
  service_name: string;
  service_version: string;
  deployment_id: string;
  instance_id: string;
  peer: string;
  credential: string;
}

export interface EventRow extends OwnerRow {
  kind: 'state' | 'delete';
  time_ms: number;
  interval_ms: number;
}

export interface SightingRow extends OwnerRow {
  id: number;
  first_ms: number;
  last_ms: number;
  grace_ms: number;
}

/** Converts the owner of a claim to columns, absent values as ''. */
export function ownerColumns(claim: EntityEvent | TelemetrySighting): OwnerRow {
  return {
    network: claim.network,
    address: claim.address,
    network_resolution: claim.networkResolution,
    service_name: claim.asset.serviceName ?? '',
    service_version: claim.asset.serviceVersion ?? '',
    deployment_id: claim.asset.deploymentId ?? '',
    instance_id: claim.asset.instanceId ?? '',
    peer: claim.peer,
    credential: claim.credential ?? '',
  };
}

function ownerFromRow(row: OwnerRow) {
  const asset: Asset = {
    serviceName: row.service_name || null,
    serviceVersion: row.service_version || null,
    deploymentId: row.deployment_id || null,
    instanceId: row.instance_id || null,
  };
  return {
    network: row.network,
    address: row.address,
    networkResolution: row.network_resolution as NetworkResolution,
    asset,
    peer: row.peer,
    credential: row.credential || null,
  };
}

export function eventFromRow(row: EventRow): EntityEvent {
  return { ...ownerFromRow(row), kind: row.kind, timeMs: row.time_ms, intervalMs: row.interval_ms };
}

export function sightingFromRow(row: SightingRow): TelemetrySighting {
  return {
    ...ownerFromRow(row),
    firstMs: row.first_ms,
    lastMs: row.last_ms,
    graceMs: row.grace_ms,
  };
}
