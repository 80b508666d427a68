// Runs the real `provenance` command, as a user would, from the repository's build.
import { execFile, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `provenance` bin that `pnpm install` links at the repository root. */
export const PROVENANCE_BIN = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'node_modules',
  '@otel-provenance',
  'cli',
  'bin',
  'provenance.cjs',
);

/**
 * Runs `provenance ARGS...` and resolves with its exit code and output; never rejects on a
 * non-zero exit, so the caller decides what a failure means.
 */
export function runProvenance(args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [PROVENANCE_BIN, ...args],
      { cwd, env, encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: error ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/**
 * Starts `provenance serve --db FILE --listen 127.0.0.1:0` and resolves with its URL once it
 * listens. Rejects when it exits first or does not listen within `timeoutMs`, with its output.
 */
export function startServe({ database, cwd, env, timeoutMs = 20_000 }) {
  const child = spawn(
    process.execPath,
    [PROVENANCE_BIN, 'serve', '--db', database, '--listen', '127.0.0.1:0'],
    { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => {
    stderr += text;
  });
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`provenance serve did not listen within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (text) => {
      stdout += text;
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`provenance serve exited with ${code} before listening:\n${stderr}`));
    });
  });

  return listening.then((url) => ({
    url,
    log: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  }));
}
