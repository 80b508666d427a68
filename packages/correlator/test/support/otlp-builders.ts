// Builders of OTLP/JSON request bodies for tests: resources with identity and
// addresses, entity lifecycle events, and ordinary spans.

export interface TestAsset {
  serviceName: string;
  serviceVersion?: string;
  deploymentId?: string;
  instanceId: string;
  ip: string;
  network?: string;
}

type KeyValue = { key: string; value: Record<string, unknown> };

function text(key: string, value: string): KeyValue {
  return { key, value: { stringValue: value } };
}

/** Builds the resource attributes an instrumented asset reports. */
export function resourceOf(asset: TestAsset): { attributes: KeyValue[] } {
  const attributes = [
    text('service.name', asset.serviceName),
    text('service.version', asset.serviceVersion ?? '1.0.0'),
    text('deployment.id', asset.deploymentId ?? `deploy-${asset.serviceName}`),
    text('service.instance.id', asset.instanceId),
    { key: 'host.ip', value: { arrayValue: { values: [{ stringValue: asset.ip }] } } },
  ];
  if (asset.network !== undefined) {
    attributes.push(text('provenance.network.id', asset.network));
  }
  return { attributes };
}

/** Milliseconds to the nanosecond decimal string OTLP/JSON uses. */
export function nanos(ms: number): string {
  return (BigInt(ms) * 1_000_000n).toString();
}

/** Builds an `entity.state` or `entity.delete` log record for `asset` at `timeMs`. */
export function entityEvent(
  kind: 'state' | 'delete',
  asset: TestAsset,
  timeMs: number,
  intervalMs = 60_000,
) {
  return {
    timeUnixNano: nanos(timeMs),
    eventName: `entity.${kind}`,
    attributes: [
      text('event.name', `entity.${kind}`),
      text('entity.type', 'service.instance'),
      text('entity.id', asset.instanceId),
      { key: 'entity.report.interval', value: { intValue: String(intervalMs / 1000) } },
    ],
  };
}

/** Builds an ExportLogsServiceRequest with `records` on the resource of `asset`. */
export function logsRequest(asset: TestAsset, records: unknown[]) {
  return {
    resourceLogs: [
      { resource: resourceOf(asset), scopeLogs: [{ scope: {}, logRecords: records }] },
    ],
  };
}

/** Builds an ExportTraceServiceRequest with one span per start time on the resource of `asset`. */
export function tracesRequest(asset: TestAsset, startTimesMs: number[]) {
  const spans = startTimesMs.map((ms, index) => ({
    traceId: '5b8efff798038103d269b633813fc60c',
    spanId: `eee19b7ec3c1b17${index % 10}`,
    name: 'work',
    kind: 2,
    startTimeUnixNano: nanos(ms),
    endTimeUnixNano: nanos(ms + 5),
  }));
  return { resourceSpans: [{ resource: resourceOf(asset), scopeSpans: [{ scope: {}, spans }] }] };
}

/** Posts an OTLP/JSON body and returns the response. */
export function postJson(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
