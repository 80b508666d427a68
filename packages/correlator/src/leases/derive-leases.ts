import type { Asset, EntityEvent, Lease, Reporter, TelemetrySighting } from './lease-types.js';

interface OpenLease {
  first: EntityEvent | TelemetrySighting;
  fromMs: number;
  lastMs: number;
  graceMs: number;
  deletedAtMs: number | null;
  reporters: Map<string, Reporter>;
}

/**
 * Builds the leases of one or more addresses from their stored claims, by
 * record time only, so the result does not depend on the order claims arrived.
 *
 * Entity leases open at the first `entity.state` and extend at each later
 * state. They close at an `entity.delete`, or at the last state plus twice its
 * report interval. A state after that point opens a new lease. Telemetry leases span
 * the first to the last record, and sightings closer than the grace merge.
 * A lease whose grace end is after `nowMs` and that was not deleted is open
 * (`toMs` null).
 */
export function deriveLeases(
  events: readonly EntityEvent[],
  sightings: readonly TelemetrySighting[],
  nowMs: number,
): Lease[] {
  const leases: Lease[] = [];
  for (const group of groupBy(events).values()) {
    leases.push(...deriveEntityLeases(group, nowMs));
  }
  for (const group of groupBy(sightings).values()) {
    leases.push(...deriveTelemetryLeases(group, nowMs));
  }
  return leases.sort(compareLeases);
}

// A total order, so that the output does not depend on the order claims were stored in.
function compareLeases(a: Lease, b: Lease): number {
  return (
    a.fromMs - b.fromMs ||
    a.network.localeCompare(b.network) ||
    a.address.localeCompare(b.address) ||
    a.source.localeCompare(b.source) ||
    assetKey(a.asset).localeCompare(assetKey(b.asset))
  );
}

function deriveEntityLeases(events: EntityEvent[], nowMs: number): Lease[] {
  // A state and a delete with the same timestamp: the state counts first, so the delete closes it.
  const sorted = [...events].sort((a, b) => a.timeMs - b.timeMs || (a.kind === 'state' ? -1 : 1));
  const closed: OpenLease[] = [];
  let current: OpenLease | undefined;

  for (const event of sorted) {
    // Leases are half-open [from, to), so a state exactly at the grace end starts a new lease.
    const expired = current !== undefined && event.timeMs >= current.lastMs + current.graceMs;
    if (current && expired) {
      closed.push(current);
      current = undefined;
    }

    if (event.kind === 'delete') {
      if (current) {
        addReporter(current, event);
        current.deletedAtMs = event.timeMs;
        closed.push(current);
        current = undefined;
      }
      continue;
    }

    if (current) {
      current.lastMs = event.timeMs;
      current.graceMs = 2 * event.intervalMs;
      addReporter(current, event);
    } else {
      current = openLease(event, event.timeMs, event.timeMs, 2 * event.intervalMs);
    }
  }
  if (current) {
    closed.push(current);
  }
  return closed.map((lease) => toLease(lease, 'entity', nowMs));
}

function deriveTelemetryLeases(sightings: TelemetrySighting[], nowMs: number): Lease[] {
  const sorted = [...sightings].sort((a, b) => a.firstMs - b.firstMs);
  const merged: OpenLease[] = [];
  let current: OpenLease | undefined;

  for (const sighting of sorted) {
    if (
      current &&
      sighting.firstMs <= current.lastMs + Math.max(current.graceMs, sighting.graceMs)
    ) {
      current.graceMs = sighting.lastMs >= current.lastMs ? sighting.graceMs : current.graceMs;
      current.lastMs = Math.max(current.lastMs, sighting.lastMs);
      addReporter(current, sighting);
      continue;
    }
    if (current) {
      merged.push(current);
    }
    current = openLease(sighting, sighting.firstMs, sighting.lastMs, sighting.graceMs);
  }
  if (current) {
    merged.push(current);
  }
  return merged.map((lease) => toLease(lease, 'telemetry', nowMs));
}

function openLease(
  first: EntityEvent | TelemetrySighting,
  fromMs: number,
  lastMs: number,
  graceMs: number,
): OpenLease {
  const lease: OpenLease = {
    first,
    fromMs,
    lastMs,
    graceMs,
    deletedAtMs: null,
    reporters: new Map(),
  };
  addReporter(lease, first);
  return lease;
}

function addReporter(lease: OpenLease, reporter: Reporter): void {
  lease.reporters.set(`${reporter.peer}\u0000${reporter.credential}`, {
    peer: reporter.peer,
    credential: reporter.credential,
  });
}

function toLease(lease: OpenLease, source: Lease['source'], nowMs: number): Lease {
  const graceEnd = lease.lastMs + lease.graceMs;
  const toMs = lease.deletedAtMs ?? (graceEnd > nowMs ? null : graceEnd);
  return {
    network: lease.first.network,
    address: lease.first.address,
    networkResolution: lease.first.networkResolution,
    asset: lease.first.asset,
    source,
    fromMs: lease.fromMs,
    toMs,
    reporters: [...lease.reporters.values()],
  };
}

function assetKey(asset: Asset): string {
  return [asset.serviceName, asset.serviceVersion, asset.deploymentId, asset.instanceId].join(
    '\u0000',
  );
}

function groupBy<T extends EntityEvent | TelemetrySighting>(
  claims: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const claim of claims) {
    const key = `${claim.network}\u0000${claim.address}\u0000${assetKey(claim.asset)}`;
    const group = groups.get(key) ?? [];
    group.push(claim);
    groups.set(key, group);
  }
  return groups;
}
