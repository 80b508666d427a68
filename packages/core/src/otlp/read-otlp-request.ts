import { decodeKeyValues } from './any-value.js';
import {
  type OtlpRecord,
  type OtlpRequest,
  type OtlpResourceGroup,
  OtlpShapeError,
  type OtlpSignal,
} from './otlp-types.js';

type JsonObject = Record<string, unknown>;

/** The top-level key of each signal's export request in OTLP/JSON. */
export const OTLP_REQUEST_KEYS: Readonly<Record<OtlpSignal, string>> = {
  traces: 'resourceSpans',
  logs: 'resourceLogs',
  metrics: 'resourceMetrics',
};

const METRIC_DATA_KEYS = ['gauge', 'sum', 'histogram', 'exponentialHistogram', 'summary'] as const;

/** Returns the signal whose top-level key `body` carries, or `undefined` when it has none. */
export function detectOtlpSignal(body: unknown): OtlpSignal | undefined {
  if (!isObject(body)) {
    return undefined;
  }
  const signals = Object.keys(OTLP_REQUEST_KEYS) as OtlpSignal[];
  return signals.find((signal) => OTLP_REQUEST_KEYS[signal] in body);
}

/**
 * Reads an export request of `signal` that follows the OTLP/JSON field names
 * (lowerCamelCase), from `JSON.parse` or from protobufjs `toObject`. Unknown
 * fields are ignored, as OTLP/JSON requires, so a body with other key names
 * reads as zero records. Throws `OtlpShapeError` naming the field when a known
 * field has the wrong type.
 */
export function readOtlpRequest(body: unknown, signal: OtlpSignal): OtlpRequest {
  if (!isObject(body)) {
    throw new OtlpShapeError('request', 'must be a JSON object');
  }

  const topKey = OTLP_REQUEST_KEYS[signal];
  const resources = arrayAt(body, topKey, topKey).map((entry, index) =>
    readResourceGroup(entry, signal, `${topKey}[${index}]`),
  );
  const recordCount = resources.reduce((sum, group) => sum + group.records.length, 0);
  return { signal, resources, recordCount };
}

function readResourceGroup(entry: unknown, signal: OtlpSignal, path: string): OtlpResourceGroup {
  const group = objectAt(entry, path);
  const resource = group.resource === undefined ? {} : objectAt(group.resource, `${path}.resource`);
  const attributes = decodeKeyValues(resource.attributes, `${path}.resource.attributes`);

  const records: OtlpRecord[] = [];
  if (signal === 'traces') {
    forEachScopeItem(group, path, 'scopeSpans', 'spans', (item, itemPath) => {
      records.push(readRecord(item, itemPath, 'startTimeUnixNano'));
    });
  } else if (signal === 'logs') {
    forEachScopeItem(group, path, 'scopeLogs', 'logRecords', (item, itemPath) => {
      records.push(readRecord(item, itemPath, 'timeUnixNano'));
    });
  } else {
    forEachScopeItem(group, path, 'scopeMetrics', 'metrics', (item, itemPath) => {
      records.push(...readDataPoints(item, itemPath));
    });
  }
  return { attributes, records };
}

function forEachScopeItem(
  group: JsonObject,
  path: string,
  scopeKey: string,
  itemKey: string,
  visit: (item: JsonObject, itemPath: string) => void,
): void {
  arrayAt(group, scopeKey, `${path}.${scopeKey}`).forEach((scope, scopeIndex) => {
    const scopePath = `${path}.${scopeKey}[${scopeIndex}]`;
    const scopeObject = objectAt(scope, scopePath);
    arrayAt(scopeObject, itemKey, `${scopePath}.${itemKey}`).forEach((item, itemIndex) => {
      const itemPath = `${scopePath}.${itemKey}[${itemIndex}]`;
      visit(objectAt(item, itemPath), itemPath);
    });
  });
}

function readDataPoints(metric: JsonObject, path: string): OtlpRecord[] {
  const records: OtlpRecord[] = [];
  for (const dataKey of METRIC_DATA_KEYS) {
    if (metric[dataKey] === undefined || metric[dataKey] === null) {
      continue;
    }
    const data = objectAt(metric[dataKey], `${path}.${dataKey}`);
    const pointsPath = `${path}.${dataKey}.dataPoints`;
    arrayAt(data, 'dataPoints', pointsPath).forEach((point, index) => {
      const pointPath = `${pointsPath}[${index}]`;
      records.push(readRecord(objectAt(point, pointPath), pointPath, 'timeUnixNano'));
    });
  }
  return records;
}

function readRecord(item: JsonObject, path: string, timeKey: string): OtlpRecord {
  const eventName = item.eventName;
  if (eventName !== undefined && typeof eventName !== 'string') {
    throw new OtlpShapeError(`${path}.eventName`, 'must be a string');
  }
  return {
    attributes: decodeKeyValues(item.attributes, `${path}.attributes`),
    timeUnixNano: readUnixNano(item[timeKey], `${path}.${timeKey}`),
    observedTimeUnixNano: readUnixNano(item.observedTimeUnixNano, `${path}.observedTimeUnixNano`),
    eventName: eventName === '' ? undefined : eventName,
  };
}

/** Reads a fixed64 timestamp written as a decimal string or a JSON integer; unset is 0n. */
export function readUnixNano(value: unknown, path: string): bigint {
  if (value === undefined || value === null) {
    return 0n;
  }
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) {
    return BigInt(value);
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    return BigInt(value);
  }
  throw new OtlpShapeError(
    path,
    `must be nanoseconds since the epoch as a decimal string, got ${JSON.stringify(value)}`,
  );
}

function objectAt(value: unknown, path: string): JsonObject {
  if (!isObject(value)) {
    throw new OtlpShapeError(path, 'must be an object');
  }
  return value;
}

function arrayAt(container: JsonObject, key: string, path: string): unknown[] {
  const value = container[key];
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new OtlpShapeError(path, 'must be an array');
  }
  return value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
