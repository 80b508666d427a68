import { checkDetect, checkStamp, listCliCommands } from './cli-checks.mjs';
import { createConsumer } from './consumer-project.mjs';
import { checkInstalledTree, listInstalledPackages } from './installed-tree.mjs';
import { runSmoke } from './smoke-run.mjs';
import { runTypeCheck, typeCheckFiles } from './type-check.mjs';

// The correlator is an optional peer of the CLI: a consumer that installs
// everything else must never get it, nor the SQLite it compiles.
const LEFT_OUT_OF_CONSUMER = ['@otel-provenance/correlator'];
const FORBIDDEN_IN_CONSUMER = ['@otel-provenance/correlator', 'better-sqlite3'];

const NODE_PACKAGE = '@otel-provenance/node';
const CLI_PACKAGE = '@otel-provenance/cli';

/**
 * Runs every check of one matrix entry and records each outcome in `log`.
 * The checks are the install from tarballs, the installed tree (versions
 * under test, one `@opentelemetry/api`, nothing compiled), the published type
 * declarations against the installed OpenTelemetry types, `provenance --help`,
 * `stamp` and `detect` from the installed bin, and the two smoke apps.
 * A check whose package or command is not in this workspace yet is recorded
 * as skipped with the reason. Never throws.
 *
 * @param {import('./matrix.mjs').MatrixRun} run
 * @param {{ runtime: import('./node-runtimes.mjs').Runtime, packed: Map<string, { tarball: string }>, workDir: string, npm: import('./node-runtimes.mjs').NpmRunner, env: Record<string, string>, log: import('./result-log.mjs').ResultLog }} options
 */
export async function runMatrixEntry(run, { runtime, packed, workDir, npm, env, log }) {
  const tarballs = new Map(
    [...packed]
      .filter(([name]) => !LEFT_OUT_OF_CONSUMER.includes(name))
      .filter(([name]) => run.packages === undefined || run.packages.includes(name))
      .map(([name, { tarball }]) => [name, tarball]),
  );

  let consumer;
  try {
    consumer = await createConsumer({
      parentDir: workDir,
      name: run.id,
      tarballs,
      registryVersions: {
        ...run.versions,
        '@types/node': run.typesNode,
        typescript: run.typescript,
      },
      npm,
      runtime,
      env,
    });
    log.pass(`${run.id} npm install`, `${Math.round(consumer.installMs / 1000)} s`);
  } catch (error) {
    log.fail(`${run.id} npm install`, error);
    return;
  }

  const installed = await listInstalledPackages(consumer.dir);
  const problems = checkInstalledTree(installed, {
    projectDir: consumer.dir,
    expectedVersions: run.versions,
    forbidden: FORBIDDEN_IN_CONSUMER,
  });
  if (problems.length === 0) log.pass(`${run.id} installed tree`, `${installed.length} packages`);
  else log.fail(`${run.id} installed tree`, new Error(problems.join('\n')));

  const context = { consumerDir: consumer.dir, runtime, env };

  const typedFiles = typeCheckFiles(consumer.dir, tarballs.keys());
  try {
    await runTypeCheck(context, typedFiles);
    log.pass(`${run.id} tsc`, typedFiles.join(' '));
  } catch (error) {
    log.fail(`${run.id} tsc`, error);
  }
  const stamped = tarballs.has(CLI_PACKAGE) ? await runCliChecks(run, context, log) : undefined;

  for (const flavor of ['esm', 'cjs']) {
    const name = `${run.id} ${flavor} smoke`;
    if (!packed.has(NODE_PACKAGE)) {
      log.skip(name, `${NODE_PACKAGE} is not in this workspace yet`);
      continue;
    }
    if (!tarballs.has(NODE_PACKAGE)) {
      log.skip(name, `the ${run.line} line of matrix.json does not cover ${NODE_PACKAGE}`);
      continue;
    }
    try {
      const { durationMs } = await runSmoke({
        ...context,
        flavor,
        logsApi: run.logsApi,
        manifest: stamped,
      });
      log.pass(name, `${durationMs} ms`);
    } catch (error) {
      log.fail(name, error);
    }
  }
}

async function runCliChecks(run, context, log) {
  let commands;
  try {
    commands = await listCliCommands(context);
    log.pass(`${run.id} provenance --help`, commands.join(', ') || 'no commands yet');
  } catch (error) {
    log.fail(`${run.id} provenance --help`, error);
    return undefined;
  }

  let stamped;
  if (commands.includes('stamp')) {
    try {
      stamped = await checkStamp(context);
      log.pass(`${run.id} provenance stamp`);
    } catch (error) {
      log.fail(`${run.id} provenance stamp`, error);
    }
  } else {
    log.skip(`${run.id} provenance stamp`, 'the installed CLI has no stamp command yet');
  }

  if (commands.includes('detect')) {
    try {
      await checkDetect(context, stamped);
      log.pass(`${run.id} provenance detect`);
    } catch (error) {
      log.fail(`${run.id} provenance detect`, error);
    }
  } else {
    log.skip(`${run.id} provenance detect`, 'the installed CLI has no detect command yet');
  }
  return stamped;
}
