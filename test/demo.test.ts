import { describe, expect, it } from 'vitest';
// @ts-expect-error The demo is plain JavaScript run by `pnpm demo`; it has no type declarations.
import { runDemo } from '../demo/run-demo.mjs';

interface DeliveryRow {
  signal: string;
  produced: number;
  received: number;
  lost: number;
}

interface CoverageRow {
  key: string;
  carrying: number;
  records: number;
}

interface WhoisQuestion {
  label: string;
  network?: string;
  verdict: { ok: boolean; problem?: string };
  answer?: { ambiguous: boolean; candidates: { network: string }[] };
}

interface DemoResult {
  ok: boolean;
  report: string;
  results: {
    delivery: DeliveryRow[];
    coverage: CoverageRow[];
    whois: WhoisQuestion[];
    invocations: { code: number | null; signal: string | null; ending: string }[];
    elapsedMs: number;
  };
}

describe('pnpm demo', () => {
  it('delivers, attributes and answers whois', { timeout: 120_000 }, async () => {
    const lines: string[] = [];
    const demo = (await runDemo({ log: (line: string) => lines.push(line) })) as DemoResult;
    const { results } = demo;

    expect(demo.report).toContain('PASS');
    expect(demo.ok).toBe(true);
    expect(lines.length).toBeGreaterThan(5);

    for (const row of results.delivery) {
      expect(row.produced, row.signal).toBeGreaterThan(0);
      expect(row.lost, row.signal).toBe(0);
    }

    expect(results.coverage.length).toBeGreaterThanOrEqual(12);
    for (const row of results.coverage) {
      expect(row.carrying, row.key).toBe(row.records);
    }

    const endings = results.invocations.map((invocation) => invocation.ending);
    expect(endings).toContain('exit');
    expect(endings).toContain('sigterm');
    for (const invocation of results.invocations) {
      if (invocation.ending === 'sigterm') {
        expect(invocation.signal).toBe('SIGTERM');
      } else {
        expect(invocation.code).toBe(0);
      }
    }

    const [blue, green, shared, nobody] = results.whois;
    expect(blue?.verdict.ok, blue?.verdict.problem).toBe(true);
    expect(blue?.answer?.candidates.every((candidate) => candidate.network === 'net-blue')).toBe(
      true,
    );
    expect(green?.verdict.ok, green?.verdict.problem).toBe(true);
    expect(green?.answer?.candidates.every((candidate) => candidate.network === 'net-green')).toBe(
      true,
    );
    expect(shared?.answer?.ambiguous).toBe(true);
    expect(new Set(shared?.answer?.candidates.map((candidate) => candidate.network))).toEqual(
      new Set(['net-blue', 'net-green']),
    );
    expect(nobody?.answer?.candidates).toEqual([]);
    expect(nobody?.answer?.ambiguous).toBe(false);

    expect(results.elapsedMs).toBeLessThan(60_000);
  });
});
