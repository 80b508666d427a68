import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outputTail } from './run-command.mjs';

const CONSUMER_TEMPLATE_DIR = path.join(import.meta.dirname, '..', 'consumer');

/**
 * Builds the `package.json` of a consumer project: our tarballs as `file:`
 * dependencies, also pinned through `overrides` so that a tarball's own
 * dependency on another of ours resolves to the tarball too and npm never
 * requests an `@otel-provenance/*` name from the registry. The registry
 * packages under test (OpenTelemetry, TypeScript, `@types/node`) are added at
 * exact versions.
 *
 * @param {Map<string, string>} tarballs tarball path by package name
 * @param {Record<string, string>} registryVersions exact version by package name
 */
export function consumerManifest(tarballs, registryVersions) {
  const dependencies = {};
  const overrides = {};

  for (const [name, tarball] of tarballs) {
    dependencies[name] = `file:${tarball}`;
    overrides[name] = `$${name}`;
  }
  for (const [name, version] of Object.entries(registryVersions)) {
    dependencies[name] = version;
  }

  return {
    name: 'otel-provenance-compat-consumer',
    version: '0.0.0',
    private: true,
    description: 'Throwaway consumer project made by test/compat; safe to delete',
    dependencies: sortKeys(dependencies),
    overrides: sortKeys(overrides),
  };
}

/**
 * Creates a consumer project in a new folder under `parentDir` (which must be
 * outside the workspace, so no workspace `node_modules` can leak in), copies
 * the smoke apps into it and installs everything with npm.
 * Throws with npm's output when the install fails.
 *
 * @param {{ parentDir: string, name: string, tarballs: Map<string, string>, registryVersions: Record<string, string>, npm: import('./node-runtimes.mjs').NpmRunner, runtime: import('./node-runtimes.mjs').Runtime, env: Record<string, string> }} options
 * @returns {Promise<{ dir: string, installMs: number }>}
 */
export async function createConsumer(options) {
  const { parentDir, name, tarballs, registryVersions, npm, runtime, env } = options;
  const dir = await mkdtemp(path.join(parentDir, `${name}-`));

  const manifest = consumerManifest(tarballs, registryVersions);
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await cp(CONSUMER_TEMPLATE_DIR, dir, { recursive: true });

  const result = await npm.run(['install', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: dir,
    env,
    runtime,
    timeoutMs: 300_000,
  });
  if (result.code !== 0) {
    throw new Error(
      `npm install failed in ${dir} on Node.js ${runtime.version}:\n${outputTail(result)}`,
    );
  }
  return { dir, installMs: result.durationMs };
}

function sortKeys(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
