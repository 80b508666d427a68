import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

/** Reads a recorded CI environment, the whole environment of one job, from the CLI's fixtures. */
export async function recordedEnvironment(fixture: string): Promise<Record<string, string>> {
  const path = join(REPOSITORY, 'packages', 'cli', 'test', 'fixtures', 'ci', fixture);
  const parsed = JSON.parse(await readFile(path, 'utf8')) as { env: Record<string, string> };
  return parsed.env;
}

/**
 * Creates the working directory a CI job has after checkout and `npm ci`: a fresh directory outside any git
 * repository with the service's package.json and entry file, and node_modules holding
 * @otel-provenance/cli (linked to this repository's build) with its `provenance` bin.
 */
export async function prepareCheckout(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'provenance-ci-'));
  const packageJson = {
    name: 'checkout-service',
    version: '2.14.0',
    type: 'module',
    devDependencies: { '@otel-provenance/cli': '^0.1.0' },
  };
  await writeFile(join(directory, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  await writeFile(join(directory, 'server.mjs'), "console.log('ready');\n");

  const scope = join(directory, 'node_modules', '@otel-provenance');
  await mkdir(scope, { recursive: true });
  await symlink(join(REPOSITORY, 'packages', 'cli'), join(scope, 'cli'), 'dir');
  await mkdir(join(directory, 'node_modules', '.bin'));
  await symlink(
    join(REPOSITORY, 'packages', 'cli', 'bin', 'provenance.cjs'),
    join(directory, 'node_modules', '.bin', 'provenance'),
  );
  return directory;
}

/** The outcome of one CI step. */
export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one shell step with `bash -e`, as GitHub Actions runs `run:` on Linux and GitLab runs
 * `script:` lines, in `cwd` with exactly `env` plus PATH (for node and npx) and HOME.
 * npm's update check is switched off so the step makes no request.
 */
export function runStep(
  script: string,
  cwd: string,
  env: Record<string, string>,
): Promise<StepResult> {
  const fullEnv = {
    ...env,
    PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: cwd,
    npm_config_update_notifier: 'false',
    npm_config_offline: 'true',
  };
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-e', '-c', script],
      { cwd, env: fullEnv, encoding: 'utf8', timeout: 60_000 },
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
