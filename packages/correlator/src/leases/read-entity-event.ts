import type { OtlpRecord, OtlpValue } from '@otel-provenance/core';

/** The parts of an `entity.state` or `entity.delete` log record the timeline uses. */
export interface EntityEventRecord {
  kind: 'state' | 'delete';
  /** The `service.instance.id` the event names, when `entity.id` gives one. */
  instanceId: string | undefined;
  /** `entity.report.interval` converted to milliseconds, when given and above 0. */
  intervalMs: number | undefined;
  timeMs: number;
  /** Attributes from `entity.id` and `entity.description` maps, used where the resource lacks them. */
  describedAttributes: Record<string, OtlpValue>;
}

/** A lifecycle event that cannot be used; `reason` names the attribute and the fix. */
export interface InvalidEntityEvent {
  invalid: string;
}

const EVENT_KINDS: Readonly<Record<string, 'state' | 'delete'>> = {
  'entity.state': 'state',
  'entity.delete': 'delete',
};

/**
 * Reads a lifecycle event from a log record named `entity.state` or
 * `entity.delete` (by `eventName` or the `event.name` attribute) whose
 * `entity.type` is `service.instance`. Returns `undefined` for any other record.
 * The time is the record's timestamp, or its observed timestamp when that is 0.
 */
export function readEntityEvent(
  record: OtlpRecord,
): EntityEventRecord | InvalidEntityEvent | undefined {
  const name = record.eventName ?? record.attributes['event.name'];
  const kind = typeof name === 'string' ? EVENT_KINDS[name] : undefined;
  if (kind === undefined || record.attributes['entity.type'] !== 'service.instance') {
    return undefined;
  }

  const nanos = record.timeUnixNano !== 0n ? record.timeUnixNano : record.observedTimeUnixNano;
  if (nanos === 0n) {
    return { invalid: `${name} event has neither timeUnixNano nor observedTimeUnixNano` };
  }

  const interval = record.attributes['entity.report.interval'];
  let intervalMs: number | undefined;
  if (interval !== undefined) {
    const parsed = typeof interval === 'string' ? Number(interval) : interval;
    if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed) || parsed < 0) {
      return {
        invalid: `${name} event has entity.report.interval ${JSON.stringify(interval)}; expected a non-negative integer of seconds`,
      };
    }
    // NOTE: 0 announces that no periodic state events follow. The lease then
    // gets the default interval's grace, like an event without the attribute.
    // The entity-events specification gives the interval in seconds.
    intervalMs = parsed > 0 ? parsed * 1000 : undefined;
  }

  return {
    kind,
    instanceId: readEntityId(record.attributes['entity.id']),
    intervalMs,
    timeMs: Number(nanos / 1_000_000n),
    describedAttributes: {
      ...asMap(record.attributes['entity.description']),
      ...asMap(record.attributes['entity.id']),
    },
  };
}

function asMap(value: OtlpValue): Record<string, OtlpValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

function readEntityId(value: OtlpValue): string | undefined {
  if (typeof value === 'string' && value !== '') {
    return value;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const id = value['service.instance.id'];
    return typeof id === 'string' && id !== '' ? id : undefined;
  }
  return undefined;
}
