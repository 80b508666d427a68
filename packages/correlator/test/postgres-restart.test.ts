import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../src/http/log.js';
import { type RunningCorrelator, startCorrelator } from '../src/http/server.js';
import type { LeaseStore } from '../src/store/lease-store.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { postJson, tracesRequest } from './support/otlp-builders.js';
import {
  createTestDatabase,
  startTestPostgres,
  type TestPostgres,
} from './support/test-postgres.js';

// Recent record times, so the default retention keeps them.
const T0 = Date.now() - 60_000;
const REQUESTS = 60;
const MAX_ATTEMPTS = 400;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL restart during ingest', () => {
  // Its own server, because crashing the run's shared server would break other files.
  let server: TestPostgres;
  let store: LeaseStore;
  let correlator: RunningCorrelator;
  const logs: LogEntry[] = [];

  beforeAll(async () => {
    server = await startTestPostgres({}, { ownServer: true });
    const url = await createTestDatabase(server.url, 'restart');
    store = await openPostgresStore({ connectionString: url, connectTimeoutMs: 2000 });
    correlator = await startCorrelator({ store, port: 0, log: (entry) => logs.push(entry) });
  });

  afterAll(async () => {
    await correlator?.close();
    await store?.close();
    await server?.stop();
  });

  it('answers 503 during the outage and loses nothing acknowledged', async () => {
    const acknowledged: string[] = [];
    const unavailable: (string | null)[] = [];

    // Sends like an OTLP exporter: one request at a time, each retried after a 503.
    const sender = (async () => {
      for (let i = 0; i < REQUESTS; i++) {
        const ip = `10.60.0.${i + 1}`;
        const asset = { serviceName: 'restart', instanceId: `i-${i}`, ip, network: 'vpc-r' };
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          const response = await postJson(correlator.url, '/v1/traces', tracesRequest(asset, [T0]));
          await response.arrayBuffer();
          if (response.status === 200) {
            acknowledged.push(ip);
            break;
          }
          expect(response.status).toBe(503);
          unavailable.push(response.headers.get('retry-after'));
          await sleep(25);
        }
      }
    })();

    while (acknowledged.length < 10) {
      await sleep(5);
    }
    await server.crash();
    while (unavailable.length < 3) {
      await sleep(5);
    }
    await server.restart();
    await sender;

    expect(unavailable.length).toBeGreaterThanOrEqual(3);
    expect(new Set(unavailable)).toEqual(new Set(['5']));
    expect(acknowledged).toHaveLength(REQUESTS);
    const failures = logs.filter((entry) => entry.message === 'store write failed');
    expect(failures).toHaveLength(1);
    expect(logs.filter((entry) => entry.message === 'store recovered')).toHaveLength(1);

    const at = new Date(T0).toISOString();
    const missing: string[] = [];
    for (const ip of acknowledged) {
      const response = await fetch(
        `${correlator.url}/api/v1/whois?ip=${ip}&network=vpc-r&at=${at}`,
      );
      const answer = (await response.json()) as { candidates: unknown[] };
      if (answer.candidates.length !== 1) {
        missing.push(ip);
      }
    }
    expect(missing).toEqual([]);
  });
});
