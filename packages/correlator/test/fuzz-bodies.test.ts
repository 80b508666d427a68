import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otlpRoot } from '../src/otlp/otlp-schema.js';
import { type Harness, startHarness } from './support/harness.js';
import {
  entityEvent,
  logsRequest,
  type TestAsset,
  tracesRequest,
} from './support/otlp-builders.js';
import { STORE_FACTORIES } from './support/store-factories.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const ASSET: TestAsset = {
  serviceName: 'fuzz',
  instanceId: 'i-1',
  ip: '10.0.0.9',
  network: 'vpc-f',
};
const MAX_BODY = 64 * 1024;
const SIGNALS = ['traces', 'logs', 'metrics'] as const;

const validTraces = tracesRequest(ASSET, [T0, T0 + 1000]);
const validLogs = logsRequest(ASSET, [entityEvent('state', ASSET, T0)]);
const traceType = otlpRoot.lookupType('otlp.ExportTraceServiceRequest');
const validTraceBytes = traceType.encode(traceType.fromObject(validTraces)).finish();

// Replaces the value at one path inside `value` with `replacement`.
function replaceAt(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) {
    return replacement;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) {
    return replacement;
  }
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...value };
  (copy as Record<string, unknown>)[key] = replaceAt(child, path.slice(1), replacement);
  return copy;
}

describe.each(STORE_FACTORIES)('fuzzed bodies against the $name store', (factory) => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(factory, {
      maxBodyBytes: MAX_BODY,
      maxDecompressedBytes: MAX_BODY,
    });
  });

  afterAll(async () => {
    // The server still serves a valid request after every fuzzed one.
    const health = await fetch(`${harness.url}/health`);
    const valid = await fetch(`${harness.url}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validLogs),
    });
    expect(health.status).toBe(200);
    expect(valid.status).toBe(200);
    expect(harness.logs.filter((entry) => entry.level === 'error')).toEqual([]);
    await harness.close();
  });

  async function post(signal: string, contentType: string, body: Uint8Array | string) {
    const response = await fetch(`${harness.url}/v1/${signal}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  it('answers random bytes as protobuf with 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SIGNALS),
        fc.uint8Array({ maxLength: 512 }),
        async (signal, bytes) => {
          expect([200, 400]).toContain(await post(signal, 'application/x-protobuf', bytes));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers truncated protobuf with 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: validTraceBytes.length - 1 }), async (cut) => {
        expect([200, 400]).toContain(
          await post('traces', 'application/x-protobuf', validTraceBytes.slice(0, cut)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('answers random and truncated JSON with 200 or 400', async () => {
    const text = JSON.stringify(validTraces);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
          fc.nat({ max: text.length - 1 }).map((cut) => text.slice(0, cut)),
        ),
        fc.constantFrom(...SIGNALS),
        async (body, signal) => {
          expect([200, 400]).toContain(await post(signal, 'application/json', body));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers wrongly typed fields with 200 or 400', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 8 }), { maxLength: 12 }),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null)),
        async (path, replacement) => {
          const body = JSON.stringify(replaceAt(validLogs, path, replacement));
          const status = await post('logs', 'application/json', body);
          seen.add(status);
          expect([200, 400]).toContain(status);
        },
      ),
      { numRuns: 150 },
    );
    // Both outcomes occur, so the property exercised the rejection path too.
    expect([...seen].sort()).toEqual([200, 400]);
  });

  it('answers oversized bodies with 413', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: MAX_BODY + 1, max: 4 * MAX_BODY }), async (size) => {
        expect(await post('traces', 'application/x-protobuf', new Uint8Array(size))).toBe(413);
      }),
      { numRuns: 20 },
    );
  });
});
