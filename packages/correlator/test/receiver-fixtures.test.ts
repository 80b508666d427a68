import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectOtlpSignal, OTLP_REQUEST_KEYS, splitJsonValues } from '@otel-provenance/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhoisAnswer } from '../src/leases/whois.js';
import { type Harness, startHarness } from './support/harness.js';
import { type PartialSuccessBody, readJson } from './support/read-json.js';
import { STORE_FACTORIES } from './support/store-factories.js';

// Copies of the OTLP/JSON files other SDKs and the Collector wrote; SOURCES.md there names each origin.
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/otlp/', import.meta.url));
const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));

describe.each(STORE_FACTORIES)(
  'receiver with $name store: shared OTLP/JSON fixtures',
  (factory) => {
    let harness: Harness;

    beforeAll(async () => {
      harness = await startHarness(factory);
    });

    afterAll(async () => {
      await harness.close();
    });

    // JSON Lines and concatenated bodies hold one request per JSON value, each sent on its own.
    it.each(files)('accepts each request in %s', async (file) => {
      const chunks = splitJsonValues(readFileSync(join(FIXTURES, file), 'utf8'));
      expect(chunks.length).toBeGreaterThan(0);

      for (const chunk of chunks) {
        const value = JSON.parse(chunk.text) as Record<string, unknown>;
        const signal = detectOtlpSignal(value) ?? 'logs';
        const response = await fetch(`${harness.url}/v1/${signal}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: chunk.text,
        });

        expect(response.status, `${file} line ${chunk.line}`).toBe(200);
        const answer = await readJson<PartialSuccessBody>(response);
        if (file.startsWith('fluent-bit')) {
          // Proto field names are unknown OTLP/JSON fields: accepted, nothing read, sender warned.
          expect(answer.partialSuccess?.errorMessage).toContain(
            '"resource_logs" is a protobuf field name',
          );
          expect(answer.partialSuccess?.rejectedLogRecords).toBeUndefined();
        } else {
          expect(answer).toEqual({});
        }
      }
    });

    it('records a lease from a fixture given an address and a network', async () => {
      const body = JSON.parse(
        readFileSync(join(FIXTURES, 'opentelemetry-proto-trace.json'), 'utf8'),
      );
      const resource = body[OTLP_REQUEST_KEYS.traces][0].resource;
      resource.attributes.push(
        { key: 'host.ip', value: { arrayValue: { values: [{ stringValue: '192.0.2.10' }] } } },
        { key: 'provenance.network.id', value: { stringValue: 'vpc-fixture' } },
      );
      const span = body.resourceSpans[0].scopeSpans[0].spans[0];

      const response = await fetch(`${harness.url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const at = new Date(Number(BigInt(span.startTimeUnixNano) / 1_000_000n)).toISOString();
      const whois = await readJson<WhoisAnswer>(
        await fetch(`${harness.url}/api/v1/whois?ip=192.0.2.10&at=${at}`),
      );

      expect(response.status).toBe(200);
      expect(whois.candidates).toHaveLength(1);
      expect(whois.candidates[0]?.network).toBe('vpc-fixture');
      expect(whois.candidates[0]?.['service.name']).toBe('my.service');
      expect(whois.candidates[0]?.source).toBe('telemetry');
    });
  },
);
