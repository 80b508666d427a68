import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process.js';

describe('provenance', () => {
  it('prints usage to stderr without a command', async () => {
    const result = await runInProcess([], {}, process.cwd());

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: provenance <command>');
  });

  it('prints help to stdout on --help', async () => {
    const result = await runInProcess(['--help'], {}, process.cwd());

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: provenance <command>');
    expect(result.stderr).toBe('');
  });

  it('exits 2 naming an unknown command', async () => {
    const result = await runInProcess(['stmap'], {}, process.cwd());

    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'provenance: unknown command "stmap"; run `provenance --help` for the list',
    );
  });
});
