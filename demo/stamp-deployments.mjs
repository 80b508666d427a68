// Build step of the demo: one CI job per deployment runs `provenance stamp` in the recorded
// GitHub Actions environment and puts provenance.json into the artifact beside the function.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProvenance } from './provenance-cli.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPOSITORY_NODE_MODULES = join(HERE, '..', 'node_modules');

/** Reads the recorded environment of a GitHub Actions job. */
export function recordedGithubEnvironment() {
  const fixture = JSON.parse(
    readFileSync(join(HERE, 'fixtures', 'github-actions-run.json'), 'utf8'),
  );
  return fixture.env;
}

/**
 * Builds the artifact of `deployment` in `directory`: package.json, the function, and the
 * manifest that `provenance stamp` writes. The artifact's node_modules links to this
 * repository's, where the build put @otel-provenance/node. Throws with stamp's output when it
 * fails. Returns the manifest.
 */
export async function stampDeployment(deployment, directory, { home, path }) {
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'package.json'),
    `${JSON.stringify(deployment.packageJson, null, 2)}\n`,
  );
  copyFileSync(join(HERE, 'function', 'app.mjs'), join(directory, 'app.mjs'));

  const env = {
    ...recordedGithubEnvironment(),
    GITHUB_JOB: deployment.ciJob,
    PATH: path,
    HOME: home,
  };
  const result = await runProvenance(['stamp', '--out', 'provenance.json'], {
    cwd: directory,
    env,
  });
  if (result.code !== 0) {
    throw new Error(`provenance stamp failed with exit code ${result.code}:\n${result.stderr}`);
  }

  symlinkSync(REPOSITORY_NODE_MODULES, join(directory, 'node_modules'), 'dir');
  return JSON.parse(readFileSync(join(directory, 'provenance.json'), 'utf8'));
}
