import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from './support/harness.js';
import {
  entityEvent,
  logsRequest,
  postJson,
  type TestAsset,
  tracesRequest,
} from './support/otlp-builders.js';
import { type ServeProcess, startServe } from './support/serve-process.js';
import { postgresUrlFor } from './support/store-factories.js';

const NETWORK = 'vpc-shared';
const MIN = 60_000;
// Two hours ago: inside the default retention, and every lease has ended by now.
const T0 = Date.now() - 2 * 60 * MIN;
const ADDRESSES = Array.from({ length: 10 }, (_, i) => `10.20.0.${i + 1}`);
const ASSETS_PER_ADDRESS = 3;

interface Export {
  path: string;
  body: unknown;
}

// Each address is held by three assets in turn. The first sends state, state,
// delete, then a state after its delete (a new lease); the second is deleted;
// the third just stops reporting. Telemetry runs beside the events.
function exportsOf(address: string, index: number): Export[] {
  const exports: Export[] = [];
  for (let k = 0; k < ASSETS_PER_ADDRESS; k++) {
    const asset: TestAsset = {
      serviceName: `svc-${k}`,
      instanceId: `i-${index}-${k}`,
      ip: address,
      network: NETWORK,
    };
    const start = T0 + k * 10 * MIN;
    const times: [number, 'state' | 'delete'][] = [
      [start, 'state'],
      [start + MIN, 'state'],
    ];
    if (k < 2) {
      times.push([start + 2 * MIN, 'delete']);
    }
    if (k === 0) {
      times.push([start + 3 * MIN, 'state']);
    }
    for (const [time, kind] of times) {
      exports.push({
        path: '/v1/logs',
        body: logsRequest(asset, [entityEvent(kind, asset, time)]),
      });
    }
    exports.push({ path: '/v1/traces', body: tracesRequest(asset, [start + 10_000]) });
    exports.push({ path: '/v1/traces', body: tracesRequest(asset, [start + 70_000]) });
  }
  return exports;
}

// A seeded shuffle, so a failure can be replayed.
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

async function send(url: string, item: Export): Promise<void> {
  const response = await postJson(url, item.path, item.body);
  expect(response.status, `${item.path} to ${url}`).toBe(200);
}

// Reporters name the TCP peer, whose port differs between receivers.
function withoutReporters(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, inner) =>
    key === 'reporters' || key === 'reportedBy' ? undefined : inner,
  );
}

async function timeline(url: string): Promise<string[]> {
  const response = await fetch(`${url}/api/v1/leases?network=${NETWORK}&limit=1000`);
  const page = (await response.json()) as { leases: unknown[]; nextCursor: string | null };
  expect(page.nextCursor).toBeNull();
  return page.leases.map((lease) => JSON.stringify(withoutReporters(lease))).sort();
}

async function whois(url: string, ip: string, atMs: number): Promise<unknown> {
  const at = new Date(atMs).toISOString();
  const response = await fetch(`${url}/api/v1/whois?ip=${ip}&network=${NETWORK}&at=${at}`);
  return withoutReporters(await response.json());
}

describe('two receivers sharing one PostgreSQL store', () => {
  const sharedDir = makeTempDir('shared-');
  const singleDir = makeTempDir('single-');
  const sharedUrl = postgresUrlFor(sharedDir);
  const password = decodeURIComponent(new URL(sharedUrl).password);
  let first: ServeProcess;
  let second: ServeProcess;
  let single: ServeProcess;

  beforeAll(async () => {
    [first, second, single] = await Promise.all([
      startServe(['--postgres', sharedUrl]),
      startServe([], { PROVENANCE_POSTGRES_URL: sharedUrl }),
      startServe(['--postgres', postgresUrlFor(singleDir)]),
    ]);
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop(), single?.stop()]);
    rmSync(sharedDir, { recursive: true, force: true });
    rmSync(singleDir, { recursive: true, force: true });
  });

  it('builds the timeline of a single receiver', async () => {
    const exports = ADDRESSES.flatMap(exportsOf);
    for (const item of exports) {
      await send(single.url, item);
    }

    // Eight senders at once, alternating receivers, in a shuffled order, so
    // states and deletes of one address reach both receivers concurrently.
    const queue = shuffled(exports, 7);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < queue.length) {
          const index = next++;
          await send(index % 2 === 0 ? first.url : second.url, queue[index]!);
        }
      }),
    );

    const expected = await timeline(single.url);
    // Per address: four entity leases (the first asset has two) and one telemetry lease per asset.
    expect(expected.length).toBe(ADDRESSES.length * (4 + ASSETS_PER_ADDRESS));
    expect(await timeline(first.url)).toEqual(expected);
    expect(await timeline(second.url)).toEqual(expected);
  });

  it('answers whois like a single receiver', async () => {
    const offsets = [30_000, 2.5 * MIN, 3.5 * MIN, 11 * MIN, 12.5 * MIN, 21 * MIN, 40 * MIN];
    for (const ip of ADDRESSES) {
      for (const offset of offsets) {
        const expected = await whois(single.url, ip, T0 + offset);
        expect(await whois(first.url, ip, T0 + offset), `${ip} at +${offset} ms`).toEqual(expected);
        expect(await whois(second.url, ip, T0 + offset), `${ip} at +${offset} ms`).toEqual(
          expected,
        );
      }
    }
    const answer = (await whois(first.url, ADDRESSES[0]!, T0 + 30_000)) as {
      candidates: { 'service.instance.id': string; source: string }[];
    };
    expect(answer.candidates.map((candidate) => candidate.source).sort()).toEqual([
      'entity',
      'telemetry',
    ]);
    expect(answer.candidates[0]!['service.instance.id']).toBe('i-0-0');
  });

  it('keeps the password out of the output', () => {
    expect(password).not.toBe('');
    expect(first.output()).toContain('the --postgres URL contains a password');
    expect(first.output()).not.toContain(password);
    expect(second.output()).not.toContain(password);
    expect(second.output()).not.toContain('contains a password');
  });
});
