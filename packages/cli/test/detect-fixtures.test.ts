import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from './support/fixture-server.js';
import { runCli } from './support/run-cli.js';

interface RuntimeCase {
  source: string;
  description: string;
  env: Record<string, string>;
  expected: { present: Record<string, unknown>; absent: string[] };
}

const FIXTURES = fileURLToPath(new URL('./fixtures/runtime/', import.meta.url));

const cases = readdirSync(FIXTURES)
  .sort()
  .map((name) => {
    const folder = join(FIXTURES, name);
    const fixture = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as RuntimeCase;
    return { name, folder, fixture };
  });

// Puts the loopback server's URL wherever a case says {{METADATA_URL}}, and
// points every instance metadata service at it too, so no case can send a
// request to a real metadata address whatever its variables say.
function withServerUrl(env: Record<string, string>, url: string): Record<string, string> {
  const substituted = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value.replaceAll('{{METADATA_URL}}', url)]),
  );
  return {
    AWS_EC2_METADATA_SERVICE_ENDPOINT: url,
    GCE_METADATA_HOST: new URL(url).host,
    PROVENANCE_AZURE_IMDS_ENDPOINT: url,
    ...substituted,
  };
}

function emptyStrings(value: unknown): boolean {
  if (value === '') return true;
  return Array.isArray(value) && value.some((item) => item === '');
}

let emptyRoot: string;
let workDir: string;

beforeAll(async () => {
  emptyRoot = await mkdtemp(join(tmpdir(), 'provenance-detect-root-'));
  workDir = await mkdtemp(join(tmpdir(), 'provenance-detect-cwd-'));
});

afterAll(async () => {
  await rm(emptyRoot, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

async function detect(folder: string, fixture: RuntimeCase, extraArgs: string[] = []) {
  const httpFolder = join(folder, 'http');
  const server = await startFixtureServer(existsSync(httpFolder) ? httpFolder : undefined);
  try {
    const root = existsSync(join(folder, 'root')) ? join(folder, 'root') : emptyRoot;
    const env = withServerUrl(fixture.env, server.url);
    const result = await runCli(['detect', '--root', root, ...extraArgs], env, workDir);
    return { ...result, requests: [...server.requests] };
  } finally {
    await server.close();
  }
}

describe('provenance detect on the shared runtime fixtures', () => {
  it.each(cases)('reports $name', async ({ folder, fixture }) => {
    const result = await detect(folder, fixture);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      attributes: Record<string, unknown>;
      sources: Record<string, string>;
    };
    for (const [key, value] of Object.entries(fixture.expected.present)) {
      expect(report.attributes[key], key).toStrictEqual(value);
    }
    for (const key of fixture.expected.absent) {
      expect(report.attributes, key).not.toHaveProperty(key);
    }
    expect(Object.keys(report.sources).sort()).toEqual(Object.keys(report.attributes).sort());
    expect(Object.values(report.attributes).filter(emptyStrings)).toEqual([]);
  });

  it.each(cases)('makes no request for $name with --no-network', async ({ folder, fixture }) => {
    const result = await detect(folder, fixture, ['--no-network']);

    expect(result.code).toBe(0);
    expect(result.requests).toEqual([]);
  });
});
