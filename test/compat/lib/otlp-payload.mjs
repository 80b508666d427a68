/**
 * Reading just enough of OTLP export requests to check a smoke run: which
 * records arrived and the string resource attributes around them. JSON
 * requests (OTLP/HTTP JSON encoding) are parsed; protobuf requests are
 * searched for the record name and read for `KeyValue` string attributes.
 */

const RESOURCE_LISTS = {
  traces: 'resourceSpans',
  logs: 'resourceLogs',
  metrics: 'resourceMetrics',
};
const SCOPE_LISTS = { traces: 'scopeSpans', logs: 'scopeLogs', metrics: 'scopeMetrics' };
const RECORD_LISTS = { traces: 'spans', logs: 'logRecords', metrics: 'metrics' };

/**
 * Finds the resource attributes of the first record of `signal` whose name
 * (span and metric name, log record string body) equals `recordName`, and
 * returns those of `keys` that the resource has. From a protobuf request only
 * string values are read. Returns `undefined` when no request of that signal
 * contains the record.
 *
 * @param {import('./otlp-receiver.mjs').ReceivedExport[]} received
 * @param {'traces' | 'logs' | 'metrics'} signal
 * @param {string} recordName
 * @param {readonly string[]} keys
 * @returns {Record<string, unknown> | undefined}
 */
export function findRecordResource(received, signal, recordName, keys) {
  for (const request of received) {
    if (request.signal !== signal) continue;

    const found = request.contentType.includes('json')
      ? findInJson(JSON.parse(request.body.toString('utf8')), signal, recordName, keys)
      : findInProtobuf(request.body, recordName, keys);
    if (found) return found;
  }
  return undefined;
}

function findInJson(payload, signal, recordName, keys) {
  for (const resourceEntry of payload[RESOURCE_LISTS[signal]] ?? []) {
    for (const scope of resourceEntry[SCOPE_LISTS[signal]] ?? []) {
      const records = scope[RECORD_LISTS[signal]] ?? [];
      if (records.some((record) => recordNameOf(signal, record) === recordName)) {
        const wanted = (resourceEntry.resource?.attributes ?? []).filter(({ key }) =>
          keys.includes(key),
        );
        return attributesToObject(wanted);
      }
    }
  }
  return undefined;
}

function recordNameOf(signal, record) {
  return signal === 'logs' ? record.body?.stringValue : record.name;
}

function attributesToObject(keyValues) {
  return Object.fromEntries(keyValues.map(({ key, value }) => [key, anyValueToJs(value)]));
}

function anyValueToJs(value) {
  if (value === undefined || value === null) return undefined;
  if ('stringValue' in value) return value.stringValue;
  if ('boolValue' in value) return value.boolValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('arrayValue' in value) return (value.arrayValue.values ?? []).map(anyValueToJs);
  return value;
}

// Protobuf: each request in these smoke runs carries one resource, so the
// string attributes anywhere in a body that names the record belong to it.
function findInProtobuf(body, recordName, keys) {
  if (!body.includes(Buffer.from(recordName, 'utf8'))) return undefined;

  const attributes = {};
  for (const key of keys) {
    const value = readStringAttribute(body, key);
    if (value !== undefined) attributes[key] = value;
  }
  return attributes;
}

// KeyValue { string key = 1; AnyValue value = 2 } and AnyValue { string string_value = 1 }:
// on the wire 0x0a <len> <key> 0x12 <len> 0x0a <len> <value>.
function readStringAttribute(body, key) {
  const keyBytes = Buffer.from(key, 'utf8');
  let at = body.indexOf(keyBytes);

  while (at !== -1) {
    const afterKey = at + keyBytes.length;
    if (body[afterKey] === 0x12) {
      const [, afterOuter] = readVarint(body, afterKey + 1);
      if (body[afterOuter] === 0x0a) {
        const [length, start] = readVarint(body, afterOuter + 1);
        return body.subarray(start, start + length).toString('utf8');
      }
    }
    at = body.indexOf(keyBytes, at + 1);
  }
  return undefined;
}

function readVarint(body, offset) {
  let value = 0;
  let shift = 0;
  let cursor = offset;
  while (cursor < body.length) {
    const byte = body[cursor];
    value += (byte & 0x7f) * 2 ** shift;
    cursor += 1;
    if ((byte & 0x80) === 0) break;
    shift += 7;
  }
  return [value, cursor];
}
