import type { Attributes } from '@opentelemetry/api';
import type { LogValue, LogValueMap } from './log-values.js';

// Event and attribute names of the OpenTelemetry entity-events specification (status:
// development): specification/entities/entity-events.md.
export const ENTITY_STATE_EVENT = 'entity.state';
export const ENTITY_DELETE_EVENT = 'entity.delete';
export const ATTR_ENTITY_TYPE = 'entity.type';
export const ATTR_ENTITY_ID = 'entity.id';
export const ATTR_ENTITY_DESCRIPTION = 'entity.description';
/**
 * Seconds between state events, as an integer; 0 means no periodic events
 * follow. The entity-events specification defines the attribute as int64 seconds.
 */
export const ATTR_ENTITY_REPORT_INTERVAL = 'entity.report.interval';
export const ATTR_ENTITY_DELETE_REASON = 'entity.delete.reason';
// The event name is also set as this attribute for receivers that predate the EventName field.
export const ATTR_EVENT_NAME = 'event.name';

export const SERVICE_INSTANCE_ENTITY = 'service.instance';

// The identifying keys of a `service.instance` entity, as the specification's example uses them.
const ID_KEYS = ['service.name', 'service.namespace', 'service.instance.id'];

// Descriptive keys: the rest of the identity, and what the correlator needs to tell which
// asset held which address in which network.
const DESCRIPTION_KEYS = [
  'service.version',
  'deployment.id',
  'deployment.environment.name',
  'provenance.deployment.id.source',
  'provenance.network.id',
  'provenance.network.kind',
  'provenance.dns.name',
  'provenance.host_network',
  'host.ip',
  'host.name',
  'k8s.pod.ip',
  'k8s.pod.name',
  'k8s.namespace.name',
  'k8s.cluster.name',
  'container.id',
  'cloud.provider',
  'cloud.platform',
  'cloud.region',
  'cloud.account.id',
  'faas.name',
  'faas.version',
  'faas.instance',
];

/** Returns the `entity.id` map, or undefined when the resource has no `service.instance.id`. */
export function entityId(resource: Attributes): LogValueMap | undefined {
  if (typeof resource['service.instance.id'] !== 'string') {
    return undefined;
  }
  return pick(resource, ID_KEYS);
}

/** Builds the attributes of an `entity.state` event for a service instance. */
export function entityStateAttributes(
  resource: Attributes,
  id: LogValueMap,
  intervalSeconds: number,
): LogValueMap {
  return {
    [ATTR_EVENT_NAME]: ENTITY_STATE_EVENT,
    [ATTR_ENTITY_TYPE]: SERVICE_INSTANCE_ENTITY,
    [ATTR_ENTITY_ID]: id,
    [ATTR_ENTITY_DESCRIPTION]: pick(resource, DESCRIPTION_KEYS),
    [ATTR_ENTITY_REPORT_INTERVAL]: Math.max(0, Math.round(intervalSeconds)),
  };
}

/** Builds the attributes of an `entity.delete` event for a service instance. */
export function entityDeleteAttributes(id: LogValueMap, reason: string): LogValueMap {
  return {
    [ATTR_EVENT_NAME]: ENTITY_DELETE_EVENT,
    [ATTR_ENTITY_TYPE]: SERVICE_INSTANCE_ENTITY,
    [ATTR_ENTITY_ID]: id,
    [ATTR_ENTITY_DELETE_REASON]: reason,
  };
}

function pick(resource: Attributes, keys: readonly string[]): LogValueMap {
  const picked: LogValueMap = {};
  for (const key of keys) {
    const value = resource[key];
    if (value !== undefined && value !== null) {
      picked[key] = value as LogValue;
    }
  }
  return picked;
}
