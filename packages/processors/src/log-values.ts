/**
 * Log value and logger types, declared here because no package types them on both lines:
 * OpenTelemetry JS 2.x has them in `@opentelemetry/api-logs` and 3.x in `@opentelemetry/api`
 * 1.10. The loggers of both lines fit {@link EventLogger}.
 */

/** A log attribute or body value: a scalar, bytes, or a list or map of such values. */
export type LogValue =
  | string
  | number
  | boolean
  | Uint8Array
  | LogValue[]
  | LogValueMap
  | null
  | undefined;

/** A map of log values, such as log record attributes or an entity identifier. */
export interface LogValueMap {
  [key: string]: LogValue;
}

/** The part of an OpenTelemetry `Logger` that emits an event with attributes. */
export interface EventLogger {
  emit(record: { eventName?: string; attributes?: LogValueMap }): void;
}
