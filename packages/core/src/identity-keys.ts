import {
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import { ATTR_PROVENANCE_NETWORK_ID } from './provenance-keys.js';
import { ATTR_DEPLOYMENT_ID } from './semconv.js';

/** The keys `provenance check` requires on every record unless told otherwise. */
export const REQUIRED_IDENTITY_KEYS: readonly string[] = [
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
  ATTR_DEPLOYMENT_ID,
  ATTR_SERVICE_INSTANCE_ID,
];

/** The `compact` preset: the identity copied onto each span and log record. */
export const COMPACT_RECORD_KEYS: readonly string[] = [
  ...REQUIRED_IDENTITY_KEYS,
  ATTR_PROVENANCE_NETWORK_ID,
];
