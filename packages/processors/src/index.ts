export {
  ATTR_ENTITY_DELETE_REASON,
  ATTR_ENTITY_DESCRIPTION,
  ATTR_ENTITY_ID,
  ATTR_ENTITY_REPORT_INTERVAL,
  ATTR_ENTITY_TYPE,
  ATTR_EVENT_NAME,
  ENTITY_DELETE_EVENT,
  ENTITY_STATE_EVENT,
  entityDeleteAttributes,
  entityId,
  entityStateAttributes,
  SERVICE_INSTANCE_ENTITY,
} from './entity-events.js';
export type { EntityReporterOptions } from './entity-reporter.js';
export { EntityReporter } from './entity-reporter.js';
export type { Invocation, InvocationOptions } from './invocation.js';
export { beginInvocation, getInvocation, setInvocation } from './invocation.js';
export { ProvenanceLogRecordProcessor } from './log-record-processor.js';
export type { EventLogger, LogValue, LogValueMap } from './log-values.js';
export type {
  ParsedRecordAttributes,
  RecordAttributesOption,
  RecordAttributesPreset,
} from './record-keys.js';
export { parseRecordAttributes, resolveRecordKeys } from './record-keys.js';
export type { ProvenanceProcessorOptions } from './span-processor.js';
export { ProvenanceSpanProcessor } from './span-processor.js';
