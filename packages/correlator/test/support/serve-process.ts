import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', '..', 'cli', 'bin', 'provenance.cjs');

/** A `provenance serve` child process and everything it wrote. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Standard output and standard error so far, interleaved. */
  output(): string;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `provenance serve ARGS --listen 127.0.0.1:0` with `env` added to this
 * process's environment, and resolves once it prints its URL. Rejects with
 * the output when it exits first or does not listen within 20 seconds.
 */
export function startServe(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stderr!.on('data', (chunk) => {
    output += String(chunk);
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`provenance serve did not start within 20 s: ${output}`));
    }, 20_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`provenance serve exited with ${code}: ${output}`));
    };
    child.once('exit', onExit);

    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({
          child,
          url,
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) {
                done();
                return;
              }
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}
