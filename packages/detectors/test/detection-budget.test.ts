import { describe, expect, it } from 'vitest';
import { createDetectionContext } from '../src/detection-context.js';
import { withinBudget } from '../src/within-budget.js';
import { captureDiag } from './support/capture-diag.js';

describe('withinBudget', () => {
  it('settles with the value when it is in time', async () => {
    expect(await withinBudget(Promise.resolve('read'), 1000, 'fallback')).toBe('read');
  });

  it('settles with the fallback when the budget runs out', async () => {
    const never = new Promise<string>(() => {});

    expect(await withinBudget(never, 20, 'fallback')).toBe('fallback');
  });

  it('settles with the fallback when the promise rejects', async () => {
    expect(await withinBudget(Promise.reject(new Error('EIO')), 1000, 'fallback')).toBe('fallback');
  });
});

describe('createDetectionContext budget', () => {
  const diag = captureDiag();

  it.each([
    [250, {}, 250],
    [undefined, { PROVENANCE_DETECT_BUDGET_MS: '40' }, 40],
    [120_000, {}, 60_000],
  ])('uses %s with %j as %s ms', (budgetMs, env, expected) => {
    expect(createDetectionContext({ budgetMs, env }).budgetMs).toBe(expected);
  });

  it.each([Number.NaN, -5, 0, Number.POSITIVE_INFINITY])('rejects %s and warns', (budgetMs) => {
    const context = createDetectionContext({ budgetMs, env: {} });

    expect(context.budgetMs).toBe(1000);
    expect(diag.warn[0]).toContain(`budgetMs ${budgetMs} is invalid`);
  });
});
