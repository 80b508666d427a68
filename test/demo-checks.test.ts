import { describe, expect, it } from 'vitest';
// @ts-expect-error The demo is plain JavaScript run by `pnpm demo`; it has no type declarations.
import { deliveryRows, heldMoment, judgeWhois } from '../demo/checks.mjs';

function counts(startedAt: number, lastAt: number) {
  return { startedAt, lastAt, spans: 0, logRecords: 0, metricSeries: [] };
}

function candidate(network: string, service: string, source: string) {
  return {
    network,
    'service.name': service,
    'service.version': '1.0.0',
    'deployment.id': `dep-${service}`,
    'service.instance.id': `inst-${service}`,
    source,
  };
}

const BLUE = { network: 'net-blue', serviceName: 'checkout', deploymentId: 'dep-checkout' };
const GREEN = { network: 'net-green', serviceName: 'ledger', deploymentId: 'dep-ledger' };

describe('heldMoment', () => {
  it('picks the longest overlap', () => {
    const moment = heldMoment([
      [counts(100, 200), counts(300, 400)],
      [counts(150, 180), counts(310, 390)],
    ]);

    expect(moment).toEqual({ atMs: 350, allRunning: true });
  });

  it('falls back without overlap', () => {
    const moment = heldMoment([[counts(100, 200)], [counts(300, 400)]]);

    expect(moment).toEqual({ atMs: 400, allRunning: false });
  });

  it('skips invocations without counts', () => {
    const moment = heldMoment([[undefined, counts(100, 200)], [counts(120, 140)]]);

    expect(moment).toEqual({ atMs: 130, allRunning: true });
  });
});

describe('judgeWhois', () => {
  it('accepts one owner per network', () => {
    const answer = {
      ambiguous: false,
      candidates: [
        candidate('net-blue', 'checkout', 'telemetry'),
        candidate('net-blue', 'checkout', 'entity'),
      ],
    };

    expect(judgeWhois(answer, [BLUE])).toEqual({ ok: true });
  });

  it('rejects a missing owner', () => {
    const answer = { ambiguous: false, candidates: [candidate('net-blue', 'checkout', 'entity')] };

    expect(judgeWhois(answer, [BLUE, GREEN]).ok).toBe(false);
  });

  it('rejects two owners not marked ambiguous', () => {
    const answer = {
      ambiguous: false,
      candidates: [
        candidate('net-blue', 'checkout', 'entity'),
        candidate('net-green', 'ledger', 'entity'),
      ],
    };

    expect(judgeWhois(answer, [BLUE, GREEN])).toEqual({ ok: false, problem: 'ambiguous is false' });
  });

  it('requires an entity lease by default', () => {
    const answer = {
      ambiguous: false,
      candidates: [candidate('net-blue', 'checkout', 'telemetry')],
    };

    expect(judgeWhois(answer, [BLUE]).ok).toBe(false);
    expect(judgeWhois(answer, [BLUE], { requireEntity: false }).ok).toBe(true);
  });

  it('accepts no candidates when none expected', () => {
    expect(judgeWhois({ ambiguous: false, candidates: [] }, [])).toEqual({ ok: true });
  });
});

describe('deliveryRows', () => {
  it('counts entity events per process', () => {
    const rows = deliveryRows(
      { spans: 4, logRecords: 2, metricPoints: 2, processes: 3 },
      { spans: 4, logRecords: 1, metricPoints: 2, entityEvents: 6 },
    );

    expect(rows.map((row: { lost: number }) => row.lost)).toEqual([0, 1, 0, 0]);
  });
});
