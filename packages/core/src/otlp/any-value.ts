import { OtlpShapeError, type OtlpValue } from './otlp-types.js';

type JsonObject = Record<string, unknown>;

/** The deepest nesting of array and key-value list values that is read. */
export const MAX_VALUE_DEPTH = 64;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts an OTLP/JSON `AnyValue` (or the object protobufjs builds for one with
 * `longs: String, bytes: String`) to a plain value. 64-bit integers that do not
 * fit a double stay decimal strings; bytes stay base64. An empty `AnyValue` is
 * `undefined`. Throws `OtlpShapeError` naming `path` when a field has the wrong type.
 */
export function decodeAnyValue(value: unknown, path: string, depth = 0): OtlpValue {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (depth > MAX_VALUE_DEPTH) {
    throw new OtlpShapeError(path, `nests values deeper than ${MAX_VALUE_DEPTH} levels`);
  }
  if (!isObject(value)) {
    throw new OtlpShapeError(path, 'must be an AnyValue object');
  }

  if ('stringValue' in value) {
    return expectType(value.stringValue, 'string', `${path}.stringValue`) as string;
  }
  if ('boolValue' in value) {
    return expectType(value.boolValue, 'boolean', `${path}.boolValue`) as boolean;
  }
  if ('intValue' in value) {
    return decodeInt(value.intValue, `${path}.intValue`);
  }
  if ('doubleValue' in value) {
    return decodeDouble(value.doubleValue, `${path}.doubleValue`);
  }
  if ('bytesValue' in value) {
    return expectType(value.bytesValue, 'string', `${path}.bytesValue`) as string;
  }
  if ('arrayValue' in value) {
    const values = listOf(value.arrayValue, `${path}.arrayValue`);
    return values.map((item, index) =>
      decodeAnyValue(item, `${path}.arrayValue.values[${index}]`, depth + 1),
    );
  }
  if ('kvlistValue' in value) {
    const entries = listOf(value.kvlistValue, `${path}.kvlistValue`);
    return decodeKeyValues(entries, `${path}.kvlistValue`, depth + 1);
  }
  return undefined;
}

/** Converts a list of OTLP `KeyValue`s to an object; a repeated key keeps its last value. */
export function decodeKeyValues(list: unknown, path: string, depth = 0): Record<string, OtlpValue> {
  const result: Record<string, OtlpValue> = {};
  if (list === undefined || list === null) {
    return result;
  }
  if (!Array.isArray(list)) {
    throw new OtlpShapeError(path, 'must be an array of KeyValue');
  }

  list.forEach((entry, index) => {
    const entryPath = `${path}[${index}]`;
    if (!isObject(entry)) {
      throw new OtlpShapeError(entryPath, 'must be a KeyValue object');
    }
    const key = expectType(entry.key ?? '', 'string', `${entryPath}.key`) as string;
    result[key] = decodeAnyValue(entry.value, `${entryPath}.value`, depth);
  });
  return result;
}

function listOf(container: unknown, path: string): unknown[] {
  if (container === undefined || container === null) {
    return [];
  }
  if (!isObject(container)) {
    throw new OtlpShapeError(path, 'must be an object with a "values" array');
  }
  const values = container.values ?? [];
  if (!Array.isArray(values)) {
    throw new OtlpShapeError(`${path}.values`, 'must be an array');
  }
  return values;
}

function expectType(value: unknown, type: 'string' | 'boolean', path: string): unknown {
  if (typeof value !== type) {
    throw new OtlpShapeError(path, `must be a ${type}, got ${JSON.stringify(value) ?? 'nothing'}`);
  }
  return value;
}

function decodeInt(value: unknown, path: string): number | string {
  if (typeof value === 'number' && Number.isInteger(value)) {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const parsed = Number(value);
    return Number.isSafeInteger(parsed) ? parsed : value;
  }
  throw new OtlpShapeError(
    path,
    `must be an integer or a decimal string, got ${JSON.stringify(value)}`,
  );
}

function decodeDouble(value: unknown, path: string): number {
  if (typeof value === 'number') {
    return value;
  }
  // OTLP/JSON follows the proto3 mapping, which writes NaN and infinities as strings.
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') {
    return Number(value);
  }
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  throw new OtlpShapeError(path, `must be a number, got ${JSON.stringify(value)}`);
}
