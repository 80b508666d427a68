import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { WhoisAnswer } from '../src/leases/whois.js';
import { otlpRoot } from '../src/otlp/otlp-schema.js';
import { type Harness, startHarness } from './support/harness.js';
import {
  entityEvent,
  logsRequest,
  postJson,
  type TestAsset,
  tracesRequest,
} from './support/otlp-builders.js';
import { type OtlpStatusBody, type PartialSuccessBody, readJson } from './support/read-json.js';
import { STORE_FACTORIES } from './support/store-factories.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const ASSET: TestAsset = {
  serviceName: 'checkout',
  instanceId: 'i-1',
  ip: '10.0.0.7',
  network: 'vpc-a',
};

function decodeStatus(body: ArrayBuffer) {
  const status = otlpRoot.lookupType('otlp.Status');
  return status.toObject(status.decode(new Uint8Array(body))) as { code: number; message: string };
}

describe.each(STORE_FACTORIES)('receiver with $name store', (factory) => {
  let harness: Harness;

  afterEach(async () => {
    await harness.close();
  });

  it('answers the health endpoint without a token', async () => {
    harness = await startHarness(factory, { token: 's3cret' });

    const response = await fetch(`${harness.url}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', store: factory.name });
  });

  it('binds to loopback by default', async () => {
    harness = await startHarness(factory);

    expect(new URL(harness.url).hostname).toBe('127.0.0.1');
  });

  it('rejects a missing or wrong token with 401', async () => {
    harness = await startHarness(factory, { token: 's3cret' });

    const missing = await postJson(harness.url, '/v1/traces', tracesRequest(ASSET, [T0]));
    const wrong = await postJson(harness.url, '/v1/traces', {}, { authorization: 'Bearer nope' });
    const query = await fetch(`${harness.url}/api/v1/whois?ip=10.0.0.7`);

    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(query.status).toBe(401);
    expect(JSON.stringify(harness.logs)).not.toContain('nope');
  });

  it('records the credential fingerprint and peer, never the token', async () => {
    harness = await startHarness(factory, { token: 's3cret' });
    const auth = { authorization: 'Bearer s3cret' };

    const response = await postJson(harness.url, '/v1/traces', tracesRequest(ASSET, [T0]), auth);
    const whois = await readJson<WhoisAnswer>(
      await fetch(`${harness.url}/api/v1/whois?ip=10.0.0.7&at=${new Date(T0).toISOString()}`, {
        headers: auth,
      }),
    );

    expect(response.status).toBe(200);
    const [reporter] = whois.candidates[0]?.reportedBy ?? [];
    expect(reporter?.peer).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(reporter?.credential).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(JSON.stringify(whois)).not.toContain('s3cret');
    expect(JSON.stringify(harness.logs)).not.toContain('s3cret');
  });

  it('answers 415 for an unknown content type', async () => {
    harness = await startHarness(factory);

    const response = await fetch(`${harness.url}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });

    expect(response.status).toBe(415);
    expect((await readJson<OtlpStatusBody>(response)).message).toContain('text/plain');
    expect(
      harness.logs.some((entry) => entry.status === 415 && typeof entry.peer === 'string'),
    ).toBe(true);
  });

  it('answers 415 for an unknown content encoding', async () => {
    harness = await startHarness(factory);

    const response = await postJson(harness.url, '/v1/logs', {}, { 'content-encoding': 'br' });

    expect(response.status).toBe(415);
  });

  it('answers 400 with a google.rpc.Status for invalid protobuf', async () => {
    harness = await startHarness(factory);

    const response = await fetch(`${harness.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: new Uint8Array([0x0a, 0xff, 0xff, 0xff]),
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
    const status = decodeStatus(await response.arrayBuffer());
    expect(status.code).toBe(3);
    expect(status.message).toContain('invalid protobuf');
  });

  it('answers 400 naming the field of the wrong type', async () => {
    harness = await startHarness(factory);

    const response = await postJson(harness.url, '/v1/traces', {
      resourceSpans: [{ scopeSpans: 'x' }],
    });

    expect(response.status).toBe(400);
    expect((await readJson<OtlpStatusBody>(response)).message).toContain(
      'resourceSpans[0].scopeSpans must be an array',
    );
  });

  it('answers 400 for values nested too deep', async () => {
    harness = await startHarness(factory);
    const depth = 5000;
    const value = `${'{"kvlistValue":{"values":[{"key":"k","value":'.repeat(depth)}{"stringValue":"x"}${'}]}}'.repeat(depth)}`;
    const body = `{"resourceSpans":[{"resource":{"attributes":[{"key":"a","value":${value}}]}}]}`;

    const response = await fetch(`${harness.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

    expect(response.status).toBe(400);
    expect((await readJson<OtlpStatusBody>(response)).message).toContain(
      'nests values deeper than 64 levels',
    );
  });

  it('answers 413 for a body over the limit', async () => {
    harness = await startHarness(factory, { maxBodyBytes: 1024 });

    const response = await postJson(harness.url, '/v1/traces', { padding: 'x'.repeat(2048) });

    expect(response.status).toBe(413);
    expect((await readJson<OtlpStatusBody>(response)).message).toContain('1024');
  });

  it('answers 413 when gzip expands past the limit', async () => {
    harness = await startHarness(factory, { maxDecompressedBytes: 10_000 });
    const body = gzipSync(JSON.stringify({ padding: 'x'.repeat(100_000) }));

    const response = await fetch(`${harness.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });

    expect(body.length).toBeLessThan(10_000);
    expect(response.status).toBe(413);
    expect((await readJson<OtlpStatusBody>(response)).message).toContain('decompresses');
  });

  it('accepts a gzip body', async () => {
    harness = await startHarness(factory);

    const response = await fetch(`${harness.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(tracesRequest(ASSET, [T0]))),
    });

    expect(response.status).toBe(200);
    expect((await harness.store.readAddress('10.0.0.7')).sightings).toHaveLength(1);
  });

  it('answers 400 for invalid gzip', async () => {
    harness = await startHarness(factory);

    const response = await postJson(harness.url, '/v1/traces', {}, { 'content-encoding': 'gzip' });

    expect(response.status).toBe(400);
  });

  it('reports unusable lifecycle events as a partial success', async () => {
    harness = await startHarness(factory);
    const bad = entityEvent('state', ASSET, T0);
    bad.attributes[3] = { key: 'entity.report.interval', value: { stringValue: 'soon' } };

    const response = await postJson(
      harness.url,
      '/v1/logs',
      logsRequest(ASSET, [bad, entityEvent('state', ASSET, T0)]),
    );

    expect(response.status).toBe(200);
    const body = await readJson<PartialSuccessBody>(response);
    expect(body.partialSuccess?.rejectedLogRecords).toBe('1');
    expect(body.partialSuccess?.errorMessage).toContain('entity.report.interval');
    expect((await harness.store.readAddress('10.0.0.7')).events).toHaveLength(1);
  });

  it('answers 405 for GET on an OTLP path and 404 elsewhere', async () => {
    harness = await startHarness(factory);

    expect((await fetch(`${harness.url}/v1/traces`)).status).toBe(405);
    expect((await fetch(`${harness.url}/nope`)).status).toBe(404);
  });

  it('answers 503 and logs when the store fails', async () => {
    harness = await startHarness(factory);
    await harness.store.close();

    const response = await postJson(harness.url, '/v1/traces', tracesRequest(ASSET, [T0]));

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(
      harness.logs.some(
        (entry) => entry.message === 'store write failed' && typeof entry.error === 'string',
      ),
    ).toBe(true);
  });
});
