import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface CiCase {
  source: string;
  description: string;
  args?: string[];
  env: Record<string, string>;
  packageJson: Record<string, unknown>;
  expected: {
    present: Record<string, string>;
    absent: string[];
    forbiddenSubstrings: string[];
  };
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const FIXTURES = fileURLToPath(new URL('./fixtures/ci/', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/provenance.cjs', import.meta.url));
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const cases = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map(
    (file) =>
      [
        file.replace(/\.json$/, ''),
        JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as CiCase,
      ] as const,
  );

function runCli(args: string[], env: Record<string, string>, cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env, timeout: 20_000 },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) {
          code = typeof error.code === 'number' ? error.code : 1;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function isInsideGit(cwd: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--is-inside-work-tree'], { cwd }, (error) => resolve(!error));
  });
}

describe('provenance stamp on CI fixtures', () => {
  const directories: string[] = [];

  beforeAll(async () => {
    const probe = await mkdtemp(join(tmpdir(), 'provenance-probe-'));
    directories.push(probe);
    expect(await isInsideGit(probe), `${tmpdir()} is inside a git checkout`).toBe(false);
  });

  afterAll(async () => {
    await Promise.all(
      directories.map((directory) => rm(directory, { recursive: true, force: true })),
    );
  });

  it('has fixtures to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
  });

  it.each(cases)('%s', async (_name, ciCase) => {
    const cwd = await mkdtemp(join(tmpdir(), 'provenance-stamp-'));
    directories.push(cwd);
    await writeFile(join(cwd, 'package.json'), JSON.stringify(ciCase.packageJson));
    const env = { ...ciCase.env, PATH: process.env.PATH ?? '', HOME: cwd };

    const result = await runCli(['stamp', '--format', 'json', ...(ciCase.args ?? [])], env, cwd);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const manifest = JSON.parse(result.stdout);
    expect(manifest.schemaVersion).toBe(1);
    const attributes: Record<string, unknown> = manifest.attributes;
    for (const [key, value] of Object.entries(ciCase.expected.present)) {
      expect(attributes[key], key).toBe(value);
    }
    for (const key of ciCase.expected.absent) {
      expect(attributes, key).not.toHaveProperty([key]);
    }
    expect(attributes['deployment.id']).toMatch(UUID_V7);
    for (const text of ciCase.expected.forbiddenSubstrings) {
      expect(result.stdout, text).not.toContain(text);
      expect(result.stderr, text).not.toContain(text);
    }
  });

  it.each(cases)('%s in the env and k8s forms', async (_name, ciCase) => {
    const cwd = await mkdtemp(join(tmpdir(), 'provenance-stamp-'));
    directories.push(cwd);
    await writeFile(join(cwd, 'package.json'), JSON.stringify(ciCase.packageJson));
    const env = { ...ciCase.env, PATH: process.env.PATH ?? '', HOME: cwd };

    const forms = await Promise.all(
      ['env', 'k8s'].map((format) =>
        runCli(['stamp', '--format', format, ...(ciCase.args ?? [])], env, cwd),
      ),
    );

    for (const result of forms) {
      expect(result.code).toBe(0);
      for (const text of ciCase.expected.forbiddenSubstrings) {
        expect(result.stdout, text).not.toContain(text);
        expect(result.stderr, text).not.toContain(text);
      }
    }
  });

  // Node 20.6 to 20.18 cannot require() ES modules; this flag gives the same behaviour on newer Node.
  it('runs without require(esm)', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'provenance-stamp-'));
    directories.push(cwd);
    await writeFile(
      join(cwd, 'package.json'),
      JSON.stringify({ name: 'cjs-check', version: '1.0.0' }),
    );

    const result = await new Promise<RunResult>((resolve) => {
      execFile(
        process.execPath,
        ['--no-experimental-require-module', BIN, 'stamp'],
        { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd }, timeout: 20_000 },
        (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr }),
      );
    });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).attributes['deployment.id']).toMatch(UUID_V7);
  });
});
