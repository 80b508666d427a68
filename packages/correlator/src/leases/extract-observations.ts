import type { OtlpRequest } from '@otel-provenance/core';
import type { AddressKey, Observations, Reporter } from './lease-types.js';
import { type NetworkRange, resolveNetworks } from './network-range.js';
import { readEntityEvent } from './read-entity-event.js';
import { readResourceIdentity } from './read-identity.js';

/** Request metadata and settings that extraction needs besides the body. */
export interface ExtractContext {
  reporter: Reporter;
  ranges: readonly NetworkRange[];
  /** `entity.report.interval` assumed when an event has none, in milliseconds. */
  defaultReportIntervalMs: number;
}

/** The observations of one request, and the lifecycle events that could not be used. */
export interface Extraction {
  observations: Observations;
  rejectedCount: number;
  rejectedReasons: string[];
}

/**
 * Turns a decoded request into timeline observations: each lifecycle event
 * becomes one entity event per address, and the other records of a resource
 * become one telemetry sighting per address spanning their first to last
 * timestamp. Records without a timestamp are not evidence of a lease and are
 * skipped; a lifecycle event that cannot be used is counted as rejected.
 */
export function extractObservations(request: OtlpRequest, context: ExtractContext): Extraction {
  const observations: Observations = { events: [], sightings: [] };
  const rejectedReasons: string[] = [];
  const graceMs = 2 * context.defaultReportIntervalMs;

  for (const group of request.resources) {
    const identity = readResourceIdentity(group.attributes);
    let firstMs = Number.POSITIVE_INFINITY;
    let lastMs = Number.NEGATIVE_INFINITY;

    for (const record of group.records) {
      const event = request.signal === 'logs' ? readEntityEvent(record) : undefined;
      if (event && 'invalid' in event) {
        rejectedReasons.push(event.invalid);
        continue;
      }
      if (event) {
        // The resource wins; the event's own maps fill what the resource lacks.
        const described = readResourceIdentity({
          ...event.describedAttributes,
          ...group.attributes,
        });
        const asset = {
          ...described.asset,
          instanceId: event.instanceId ?? described.asset.instanceId,
        };
        const intervalMs = event.intervalMs ?? context.defaultReportIntervalMs;
        for (const key of keysOf(
          described.addresses,
          described.network,
          event.timeMs,
          context.ranges,
        )) {
          observations.events.push({
            ...key,
            ...context.reporter,
            asset,
            kind: event.kind,
            timeMs: event.timeMs,
            intervalMs,
          });
        }
        continue;
      }

      const nanos = record.timeUnixNano !== 0n ? record.timeUnixNano : record.observedTimeUnixNano;
      if (nanos !== 0n) {
        const ms = Number(nanos / 1_000_000n);
        firstMs = Math.min(firstMs, ms);
        lastMs = Math.max(lastMs, ms);
      }
    }

    if (firstMs <= lastMs) {
      for (const key of keysOf(identity.addresses, identity.network, firstMs, context.ranges)) {
        observations.sightings.push({
          ...key,
          ...context.reporter,
          asset: identity.asset,
          firstMs,
          lastMs,
          graceMs,
        });
      }
    }
  }

  return { observations, rejectedCount: rejectedReasons.length, rejectedReasons };
}

function keysOf(
  addresses: readonly string[],
  network: string | undefined,
  timeMs: number,
  ranges: readonly NetworkRange[],
): AddressKey[] {
  return addresses.flatMap((address) => {
    if (network !== undefined) {
      return [{ network, address, networkResolution: 'reported' as const }];
    }
    return resolveNetworks(address, timeMs, ranges).map((resolved) => ({
      network: resolved.network,
      address,
      networkResolution: resolved.resolution,
    }));
  });
}
