import { spawn } from 'node:child_process';

/**
 * Runs a program to completion and resolves with its exit code, signal and
 * captured output. Never rejects for a non-zero exit: callers decide what a
 * failure means. A run that exceeds `timeoutMs` is killed with SIGKILL and
 * resolves with `timedOut: true`. A program that cannot be started resolves
 * with `code: null` and the spawn error in `stderr`.
 *
 * @param {string} file
 * @param {readonly string[]} args
 * @param {{ cwd: string, env: Record<string, string>, timeoutMs: number }} options
 * @returns {Promise<{ code: number | null, signal: string | null, stdout: string, stderr: string, timedOut: boolean, durationMs: number }>}
 */
export function runCommand(file, args, { cwd, env, timeoutMs }) {
  const started = Date.now();

  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    let timedOut = false;

    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);

    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));

    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({
        code: null,
        signal: null,
        stdout: '',
        stderr: `could not start ${file}: ${error.message}`,
        timedOut,
        durationMs: Date.now() - started,
      });
    });

    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
        durationMs: Date.now() - started,
      });
    });
  });
}

/**
 * Formats the end of a command's output for an error message, so a failure in
 * CI shows what the program printed without flooding the log.
 *
 * @param {{ stdout: string, stderr: string }} result
 * @param {number} [maxChars]
 */
export function outputTail(result, maxChars = 2000) {
  const text = `${result.stdout}\n${result.stderr}`.trim();
  return text.length > maxChars ? `...${text.slice(-maxChars)}` : text;
}
