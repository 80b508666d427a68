// Ingest rate of the correlator: one operation is one OTLP/HTTP request of
// SPANS_PER_REQUEST spans (RESOURCES resources, each with its own address),
// sent over loopback and acknowledged after the SQLite commit. The baseline is
// a node:http server that only reads the body and responds with 200.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { startCorrelator } from '../packages/correlator/src/http/server.js';
import { otlpRoot } from '../packages/correlator/src/otlp/otlp-schema.js';
import { openSqliteStore } from '../packages/correlator/src/store/sqlite-store.js';

const RESOURCES = 10;
const SPANS_PER_RESOURCE = 100;
export const SPANS_PER_REQUEST = RESOURCES * SPANS_PER_RESOURCE;

function buildRequest(offset: number) {
  const now = BigInt(Date.now()) * 1_000_000n;
  const resourceSpans = Array.from({ length: RESOURCES }, (_, r) => ({
    resource: {
      attributes: [
        { key: 'service.name', value: { stringValue: `svc-${r}` } },
        { key: 'service.version', value: { stringValue: '1.0.0' } },
        { key: 'deployment.id', value: { stringValue: 'dep-1' } },
        { key: 'service.instance.id', value: { stringValue: `inst-${offset}-${r}` } },
        {
          key: 'host.ip',
          value: { arrayValue: { values: [{ stringValue: `10.${offset % 200}.${r}.7` }] } },
        },
        { key: 'provenance.network.id', value: { stringValue: 'vpc-bench' } },
      ],
    },
    scopeSpans: [
      {
        spans: Array.from({ length: SPANS_PER_RESOURCE }, (_, s) => ({
          startTimeUnixNano: (now + BigInt(s) * 1_000_000n).toString(),
          attributes: [{ key: 'http.route', value: { stringValue: '/checkout' } }],
        })),
      },
    ],
  }));
  return { resourceSpans };
}

const requestType = otlpRoot.lookupType('otlp.ExportTraceServiceRequest');
const protobufBodies = Array.from({ length: 50 }, (_, i) =>
  requestType.encode(requestType.fromObject(buildRequest(i))).finish(),
);
const jsonBodies = Array.from({ length: 50 }, (_, i) => JSON.stringify(buildRequest(i)));

const store = await openSqliteStore({
  path: join(mkdtempSync(join(tmpdir(), 'bench-ingest-')), 'timeline.db'),
});
const correlator = await startCorrelator({ store, port: 0, log: () => {} });

const noop = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/x-protobuf' });
    response.end();
  });
});
await new Promise<void>((resolve) => noop.listen(0, '127.0.0.1', resolve));
const noopUrl = `http://127.0.0.1:${(noop.address() as AddressInfo).port}`;

async function send(url: string, contentType: string, body: Uint8Array | string) {
  const response = await fetch(`${url}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(`export failed with status ${response.status}`);
  }
}

let counter = 0;
// Long runs, because the machine is shared and single requests vary.
const OPTIONS = { time: 5000, warmupTime: 1000 };

describe(`ingest: one request of ${SPANS_PER_REQUEST} spans`, () => {
  afterAll(async () => {
    await correlator.close();
    await store.close();
    noop.close();
  });

  bench(
    'no-op receiver (reads the body, responds 200)',
    async () => {
      await send(
        noopUrl,
        'application/x-protobuf',
        protobufBodies[counter++ % protobufBodies.length]!,
      );
    },
    OPTIONS,
  );

  bench(
    'correlator, protobuf, SQLite commit',
    async () => {
      await send(
        correlator.url,
        'application/x-protobuf',
        protobufBodies[counter++ % protobufBodies.length]!,
      );
    },
    OPTIONS,
  );

  bench(
    'correlator, JSON, SQLite commit',
    async () => {
      await send(correlator.url, 'application/json', jsonBodies[counter++ % jsonBodies.length]!);
    },
    OPTIONS,
  );
});
