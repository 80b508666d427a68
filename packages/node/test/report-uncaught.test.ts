import { describe, expect, it } from 'vitest';
import { formatUncaught } from '../src/report-uncaught.js';

describe('formatUncaught', () => {
  it('starts with the stack and ends with the Node version', () => {
    const error = new Error('boom');

    const lines = formatUncaught(error, false).trimEnd().split('\n');

    expect(lines[0]).toBe('Error: boom');
    expect(lines[1]).toMatch(/^ {4}at .*report-uncaught\.test\.ts:\d+:\d+/);
    expect(lines.at(-2)).toBe('');
    expect(lines.at(-1)).toBe(`Node.js ${process.version}`);
  });

  it('shows the cause and own properties', () => {
    const error = Object.assign(new Error('outer', { cause: new Error('inner') }), {
      code: 'E_OUTER',
    });

    const text = formatUncaught(error, false);

    expect(text).toContain('[cause]: Error: inner');
    expect(text).toContain("code: 'E_OUTER'");
  });

  it('ignores a custom inspect function', () => {
    const error = Object.assign(new Error('real message'), {
      [Symbol.for('nodejs.util.inspect.custom')]: () => 'disguised',
    });

    expect(formatUncaught(error, false)).toContain('Error: real message');
  });

  it('formats a thrown value that is not an error', () => {
    expect(formatUncaught({ reason: 'plain object' }, false)).toContain("reason: 'plain object'");
  });
});
