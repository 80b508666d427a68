import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envDetector } from '@opentelemetry/resources';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { packageDirectory, runInProcess } from './run-in-process.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/ci/', import.meta.url));
const DEPLOYMENT_ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const directories: string[] = [];

interface Scenario {
  env: Record<string, string>;
  packageJson: unknown;
  args: string[];
}

const fixtureScenarios = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const ciCase = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
    const scenario: Scenario = {
      env: ciCase.env,
      packageJson: ciCase.packageJson,
      args: ciCase.args ?? [],
    };
    return [file.replace(/\.json$/, ''), scenario] as const;
  });

const awkwardScenario: Scenario = {
  env: {},
  packageJson: { name: '@example/shop, eu=1', version: '1.0.0+build.7' },
  args: [
    '--attribute',
    'note= spaces, commas = equals; % percent ',
    '--attribute',
    'unicode=Grüße 🚀',
    '--attribute',
    'odd%key,x=a=b',
    '--environment',
    'prod eu',
  ],
};

// Parses a value with the OpenTelemetry SDK's own env detector.
function parseWithSdk(value: string): Record<string, unknown> {
  vi.stubEnv('OTEL_RESOURCE_ATTRIBUTES', value);
  vi.stubEnv('OTEL_SERVICE_NAME', '');
  try {
    return { ...envDetector.detect().attributes };
  } finally {
    vi.unstubAllEnvs();
  }
}

async function stamp(scenario: Scenario, format: string) {
  const cwd = await packageDirectory(scenario.packageJson);
  directories.push(cwd);
  const argv = ['stamp', '--format', format, '--deployment-id', DEPLOYMENT_ID, ...scenario.args];
  return runInProcess(argv, scenario.env, cwd);
}

afterAll(async () => {
  await Promise.all(
    directories.map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

describe('stamp --format env through the SDK env detector', () => {
  it.each([...fixtureScenarios, ['awkward characters', awkwardScenario] as const])(
    'equals the manifest for %s',
    async (_name, scenario) => {
      const json = await stamp(scenario, 'json');
      const env = await stamp(scenario, 'env');
      const manifest = JSON.parse(json.stdout);

      const line = env.stdout.trimEnd();
      expect(line.startsWith('OTEL_RESOURCE_ATTRIBUTES=')).toBe(true);
      expect(env.stderr).toBe('');
      expect(parseWithSdk(line.slice('OTEL_RESOURCE_ATTRIBUTES='.length))).toEqual(
        manifest.attributes,
      );
    },
  );

  it('keeps every other attribute when one is too long', async () => {
    const scenario: Scenario = {
      ...awkwardScenario,
      args: ['--attribute', `long=${'y'.repeat(256)}`],
    };

    const json = await stamp(scenario, 'json');
    const env = await stamp(scenario, 'env');
    const { long: _long, ...rest } = JSON.parse(json.stdout).attributes;

    expect(parseWithSdk(env.stdout.trimEnd().slice('OTEL_RESOURCE_ATTRIBUTES='.length))).toEqual(
      rest,
    );
    expect(env.stderr).toContain('"long"');
  });
});
