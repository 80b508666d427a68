import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/harness.js';
import { entityEvent, logsRequest, postJson, type TestAsset } from './support/otlp-builders.js';
import { STORE_FACTORIES } from './support/store-factories.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;
const IP = '10.0.0.7';

// A and C use the address in vpc-a one after the other, C after A's delete.
// B uses the same address in vpc-b during both of their leases.
const A: TestAsset = { serviceName: 'checkout', instanceId: 'a-1', ip: IP, network: 'vpc-a' };
const B: TestAsset = { serviceName: 'billing', instanceId: 'b-1', ip: IP, network: 'vpc-b' };
const C: TestAsset = { serviceName: 'search', instanceId: 'c-1', ip: IP, network: 'vpc-a' };

const requests = [
  logsRequest(A, [entityEvent('state', A, T0), entityEvent('state', A, T0 + MIN)]),
  logsRequest(A, [entityEvent('delete', A, T0 + 3 * MIN)]),
  logsRequest(
    B,
    [1, 2, 3, 4, 5].map((m) => entityEvent('state', B, T0 + m * MIN)),
  ),
  logsRequest(B, [entityEvent('delete', B, T0 + 6 * MIN)]),
  logsRequest(C, [entityEvent('state', C, T0 + 4 * MIN), entityEvent('state', C, T0 + 5 * MIN)]),
];

interface Candidate {
  network: string;
  'service.instance.id': string;
  from: string;
  to: string | null;
  source: string;
}

describe.each(STORE_FACTORIES)('whois on a shared address with $name store', (factory) => {
  let harness: Harness;

  async function whois(atMs: number, network?: string) {
    const params = new URLSearchParams({ ip: IP, at: new Date(atMs).toISOString() });
    if (network) {
      params.set('network', network);
    }
    const response = await fetch(`${harness.url}/api/v1/whois?${params}`);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { candidates: Candidate[]; ambiguous: boolean };
    const owners = answer.candidates.map((c) => `${c.network}/${c['service.instance.id']}`).sort();
    return { ...answer, owners };
  }

  beforeAll(async () => {
    harness = await startHarness(factory, { now: () => T0 + 60 * MIN });
    // Newest first: the timeline depends on record times, not arrival order.
    for (const body of [...requests].reverse()) {
      expect((await postJson(harness.url, '/v1/logs', body)).status).toBe(200);
    }
  });

  afterAll(async () => {
    await harness.close();
  });

  it('finds one owner before the overlap', async () => {
    const answer = await whois(T0 + 30_000);

    expect(answer.owners).toEqual(['vpc-a/a-1']);
    expect(answer.ambiguous).toBe(false);
  });

  it('returns both networks and ambiguity without --network', async () => {
    const answer = await whois(T0 + 2 * MIN);

    expect(answer.owners).toEqual(['vpc-a/a-1', 'vpc-b/b-1']);
    expect(answer.ambiguous).toBe(true);
  });

  it.each([
    ['vpc-a', ['vpc-a/a-1']],
    ['vpc-b', ['vpc-b/b-1']],
  ])('narrows to %s with a network', async (network, owners) => {
    const answer = await whois(T0 + 2 * MIN, network);

    expect(answer.owners).toEqual(owners);
    expect(answer.ambiguous).toBe(false);
  });

  it('finds no owner in vpc-a between the delete and the next state', async () => {
    expect((await whois(T0 + 3.5 * MIN, 'vpc-a')).owners).toEqual([]);
  });

  it('finds the third asset after the first one was deleted', async () => {
    const inA = await whois(T0 + 4.5 * MIN, 'vpc-a');
    const everywhere = await whois(T0 + 4.5 * MIN);

    expect(inA.owners).toEqual(['vpc-a/c-1']);
    expect(everywhere.owners).toEqual(['vpc-a/c-1', 'vpc-b/b-1']);
    expect(everywhere.ambiguous).toBe(true);
  });

  it('reports the lease intervals and their source', async () => {
    const first = (await whois(T0 + 30_000)).candidates[0]!;
    const third = (await whois(T0 + 4.5 * MIN, 'vpc-a')).candidates[0]!;

    expect(first.from).toBe(new Date(T0).toISOString());
    expect(first.to).toBe(new Date(T0 + 3 * MIN).toISOString());
    expect(first.source).toBe('entity');
    expect(third.to).toBe(new Date(T0 + 7 * MIN).toISOString());
  });

  it.each([
    ['before every lease', T0 - MIN],
    ['after every lease', T0 + 10 * MIN],
  ])('finds nobody %s', async (_label, atMs) => {
    const answer = await whois(atMs);

    expect(answer.owners).toEqual([]);
    expect(answer.ambiguous).toBe(false);
  });
});
