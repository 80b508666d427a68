import { describe, expect, it } from 'vitest';
import { withinBudget } from '../src/within-budget.js';

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
