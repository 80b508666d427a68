import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = fileURLToPath(new URL('../../bin/provenance.cjs', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/index.cjs', import.meta.url));

/**
 * Runs the built `provenance` binary in a child process with exactly `env`
 * (nothing from this process's environment) and returns its exit status and
 * output. Fails at once when the CLI is not built.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<RunResult> {
  if (!existsSync(DIST)) {
    throw new Error(`${DIST} is missing; run \`pnpm build\` before these tests`);
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env, timeout: 20_000 },
      (error, stdout, stderr) => {
        // A child killed by a signal or the timeout has no numeric code; count it as 1.
        let code = 0;
        if (error) {
          code = typeof error.code === 'number' ? error.code : 1;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}
