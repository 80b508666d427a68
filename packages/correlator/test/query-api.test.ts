import { afterEach, describe, expect, it } from 'vitest';
import type { RangeJson } from '../src/leases/range-json.js';
import type { WhoisAnswer } from '../src/leases/whois.js';
import type { LeasePage } from '../src/query/timeline-queries.js';
import { type Harness, startHarness } from './support/harness.js';
import { postJson, type TestAsset, tracesRequest } from './support/otlp-builders.js';
import { type QueryErrorBody, readJson } from './support/read-json.js';
import { STORE_FACTORIES } from './support/store-factories.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(STORE_FACTORIES)('query API with $name store', (factory) => {
  let harness: Harness;

  afterEach(async () => {
    await harness.close();
  });

  async function get<T>(path: string) {
    const response = await fetch(`${harness.url}${path}`);
    return { status: response.status, body: await readJson<T>(response) };
  }

  async function addRanges(network: string, cidrs: string[], fromMs: number) {
    const response = await postJson(harness.url, '/api/v1/networks', {
      network,
      cidrs,
      from: iso(fromMs),
    });
    expect(response.status).toBe(201);
  }

  it('attributes an address without a network id to its registered range', async () => {
    harness = await startHarness(factory);
    await addRanges('vpc-a', ['10.0.0.0/16'], T0 - MIN);
    const asset: TestAsset = { serviceName: 'checkout', instanceId: 'i-1', ip: '10.0.3.4' };

    await postJson(harness.url, '/v1/traces', tracesRequest(asset, [T0]));
    const { body } = await get<WhoisAnswer>(`/api/v1/whois?ip=10.0.3.4&at=${iso(T0)}`);

    expect(body.candidates).toHaveLength(1);
    expect(body.candidates[0]?.network).toBe('vpc-a');
    expect(body.candidates[0]?.networkResolution).toBe('range');
    expect(body.ambiguous).toBe(false);
  });

  it('marks an address in overlapping ranges ambiguous and lists the overlap', async () => {
    harness = await startHarness(factory);
    await addRanges('vpc-a', ['10.0.0.0/16'], T0 - MIN);
    await addRanges('vpc-b', ['10.0.3.0/24'], T0 - MIN);

    await postJson(
      harness.url,
      '/v1/traces',
      tracesRequest({ serviceName: 's', instanceId: 'i-1', ip: '10.0.3.4' }, [T0]),
    );
    const whois = await get<WhoisAnswer>(`/api/v1/whois?ip=10.0.3.4&at=${iso(T0)}`);
    const overlaps = await get<{ overlaps: { a: RangeJson; b: RangeJson }[] }>(
      '/api/v1/networks/overlaps',
    );

    expect(whois.body.candidates.map((c) => c.network).sort()).toEqual(['vpc-a', 'vpc-b']);
    expect(whois.body.ambiguous).toBe(true);
    expect(overlaps.body.overlaps).toHaveLength(1);
  });

  it('keeps past answers when a range is removed', async () => {
    harness = await startHarness(factory);
    await addRanges('vpc-a', ['10.0.0.0/16'], T0 - MIN);
    await postJson(
      harness.url,
      '/v1/traces',
      tracesRequest({ serviceName: 's', instanceId: 'i-1', ip: '10.0.3.4' }, [T0]),
    );

    const removed = await postJson(harness.url, '/api/v1/networks/remove', {
      network: 'vpc-a',
      cidrs: ['10.0.0.0/16'],
    });
    const ranges = await get<{ ranges: RangeJson[] }>('/api/v1/networks');
    const whois = await get<WhoisAnswer>(`/api/v1/whois?ip=10.0.3.4&at=${iso(T0)}`);

    expect(await removed.json()).toEqual({ removed: 1 });
    expect(ranges.body.ranges[0]?.until).not.toBeNull();
    expect(whois.body.candidates[0]?.network).toBe('vpc-a');
  });

  it('finds an IPv4 lease by its IPv4-mapped address', async () => {
    harness = await startHarness(factory);
    await addRanges('vpc-a', ['::ffff:10.0.0.0/112'], T0 - MIN);
    await postJson(
      harness.url,
      '/v1/traces',
      tracesRequest({ serviceName: 's', instanceId: 'i-1', ip: '::ffff:10.0.3.4' }, [T0]),
    );

    const mapped = await get<WhoisAnswer>(`/api/v1/whois?ip=::ffff:10.0.3.4&at=${iso(T0)}`);
    const plain = await get<WhoisAnswer>(`/api/v1/whois?ip=10.0.3.4&at=${iso(T0)}`);
    const ranges = await get<{ ranges: RangeJson[] }>('/api/v1/networks');

    expect(mapped.status).toBe(200);
    expect(mapped.body.ip).toBe('10.0.3.4');
    expect(mapped.body.candidates).toHaveLength(1);
    expect(mapped.body.candidates[0]?.network).toBe('vpc-a');
    expect(mapped.body.candidates[0]?.networkResolution).toBe('range');
    expect(plain.body.candidates).toEqual(mapped.body.candidates);
    expect(ranges.body.ranges.map((range) => range.cidr)).toEqual(['10.0.0.0/16']);
  });

  it('gives an address outside every range the unknown network', async () => {
    harness = await startHarness(factory);

    await postJson(
      harness.url,
      '/v1/traces',
      tracesRequest({ serviceName: 's', instanceId: 'i-1', ip: '192.0.2.1' }, [T0]),
    );
    const { body } = await get<WhoisAnswer>(`/api/v1/whois?ip=192.0.2.1&at=${iso(T0)}`);

    expect(body.candidates[0]?.network).toBe('unknown');
    expect(body.candidates[0]?.networkResolution).toBe('unknown');
  });

  it('pages leases with a cursor until the last page', async () => {
    harness = await startHarness(factory);
    for (let i = 1; i <= 5; i++) {
      await postJson(
        harness.url,
        '/v1/traces',
        tracesRequest(
          { serviceName: 's', instanceId: `i-${i}`, ip: `10.0.0.${i}`, network: 'vpc-a' },
          [T0],
        ),
      );
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const { status, body } = await get<LeasePage>(`/api/v1/leases?limit=2${query}`);
      expect(status).toBe(200);
      seen.push(...body.leases.map((lease) => lease.address));
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);

    expect(seen).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5']);
    expect(pages).toBe(3);
  });

  it.each([
    ['/api/v1/whois', 'missing query parameter "ip"'],
    ['/api/v1/whois?ip=nope', 'invalid IP address "nope"'],
    ['/api/v1/whois?ip=10.0.0.1&at=yesterday', 'invalid at "yesterday"'],
    ['/api/v1/whois?ip=10.0.0.1&at=2026-01-31T12:00:00', 'invalid at "2026-01-31T12:00:00"'],
    ['/api/v1/leases?limit=0', 'invalid limit 0'],
    ['/api/v1/leases?cursor=zzz', 'invalid cursor "zzz"'],
  ])('answers 400 for %s', async (path, message) => {
    harness = await startHarness(factory);

    const { status, body } = await get<QueryErrorBody>(path);

    expect(status).toBe(400);
    expect(body.error).toContain(message);
  });

  it('answers 400 for an invalid range', async () => {
    harness = await startHarness(factory);

    const response = await postJson(harness.url, '/api/v1/networks', {
      network: 'vpc-a',
      cidrs: ['10.0.0.0/40'],
    });

    expect(response.status).toBe(400);
    expect((await readJson<QueryErrorBody>(response)).error).toContain('10.0.0.0/40');
  });
});
