import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { outputTail, runCommand } from './run-command.mjs';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Runs the `provenance` bin that npm linked into the consumer, on the runtime
 * under test (its folder comes first on PATH, so the launcher's
 * `#!/usr/bin/env node` picks it).
 *
 * @param {{ consumerDir: string, runtime: import('./node-runtimes.mjs').Runtime, env: Record<string, string> }} context
 * @param {string[]} args
 */
export function runInstalledCli({ consumerDir, runtime, env }, args) {
  const bin = path.join(consumerDir, 'node_modules', '.bin', 'provenance');
  const runEnv = { ...env, PATH: `${path.dirname(runtime.nodeBin)}${path.delimiter}${env.PATH}` };
  return runCommand(bin, args, { cwd: consumerDir, env: runEnv, timeoutMs: 60_000 });
}

/**
 * Lists the subcommands that `provenance --help` prints, so the matrix checks
 * every command the installed CLI has and reports the others as skipped.
 * Throws when the help does not run.
 */
export async function listCliCommands(context) {
  const result = await runInstalledCli(context, ['--help']);
  if (result.code !== 0) {
    throw new Error(`provenance --help exited with ${result.code}:\n${outputTail(result)}`);
  }

  const afterHeading = result.stdout.split('Commands:')[1] ?? '';
  return afterHeading
    .split('\n')
    .map((line) => /^ {2}([a-z][a-z-]*)\s/.exec(line)?.[1])
    .filter((name) => name !== undefined);
}

/**
 * Runs `provenance stamp` in the consumer (whose package.json names the
 * service) and returns the manifest it wrote. Throws naming what is wrong:
 * a non-zero exit, no manifest, or a `deployment.id` that is not a UUIDv7.
 */
export async function checkStamp(context) {
  const out = path.join(context.consumerDir, 'provenance.json');
  const result = await runInstalledCli(context, ['stamp', '--format', 'json', '--out', out]);
  if (result.code !== 0) {
    throw new Error(`provenance stamp exited with ${result.code}:\n${outputTail(result)}`);
  }
  if (!existsSync(out)) {
    throw new Error(`provenance stamp --out ${out} wrote no file:\n${outputTail(result)}`);
  }

  const manifest = JSON.parse(await readFile(out, 'utf8'));
  const deploymentId = manifest.attributes?.['deployment.id'];
  if (manifest.schemaVersion !== 1 || !UUID_V7.test(String(deploymentId))) {
    throw new Error(`provenance stamp wrote an unexpected manifest: ${JSON.stringify(manifest)}`);
  }
  return { manifestPath: out, manifest };
}

/**
 * Runs `provenance detect --no-network` with the stamped manifest and checks
 * that the manifest's `deployment.id` comes back with a source. Throws naming
 * the mismatch.
 *
 * @param {{ consumerDir: string, runtime: import('./node-runtimes.mjs').Runtime, env: Record<string, string> }} context
 * @param {{ manifestPath: string, manifest: { attributes: Record<string, unknown> } } | undefined} stamped
 */
export async function checkDetect(context, stamped) {
  const env = stamped ? { ...context.env, PROVENANCE_MANIFEST: stamped.manifestPath } : context.env;
  const result = await runInstalledCli({ ...context, env }, [
    'detect',
    '--format',
    'json',
    '--no-network',
  ]);
  if (result.code !== 0) {
    throw new Error(`provenance detect exited with ${result.code}:\n${outputTail(result)}`);
  }

  const report = JSON.parse(result.stdout);
  if (typeof report.attributes !== 'object' || typeof report.sources !== 'object') {
    throw new Error(`provenance detect printed no attributes and sources: ${result.stdout}`);
  }

  const expectedId = stamped?.manifest.attributes['deployment.id'];
  if (expectedId !== undefined && report.attributes['deployment.id'] !== expectedId) {
    throw new Error(
      `provenance detect reported deployment.id ${report.attributes['deployment.id']}, the manifest has ${expectedId}`,
    );
  }
  if (expectedId !== undefined && !report.sources['deployment.id']) {
    throw new Error('provenance detect gave no source for deployment.id');
  }
  return report;
}
