import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package folder: children run here so `@otel-provenance/node/register` resolves. */
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Returns the absolute path of a fixture file. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** How a child process ended, what it printed, and how long it lived. */
export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  /** Each stdout line that parsed as JSON. */
  lines: Record<string, unknown>[];
}

/** Options of {@link runChild}. */
export interface RunChildOptions {
  args: string[];
  env?: Record<string, string>;
  /** Sends `signal` after this many ms, or when `killWhen` matches a stdout line. */
  killAfterMs?: number;
  /** The signal sent; default SIGTERM. */
  signal?: NodeJS.Signals;
  killWhen?: (line: Record<string, unknown>) => boolean;
  /** Kills the child with SIGKILL past this bound, so a hung child cannot hang the suite. */
  hardLimitMs?: number;
}

/** Starts `node ARGS` in the package folder with a clean environment plus `env`. */
export function runChild(options: RunChildOptions): Promise<ChildResult> {
  const started = Date.now();
  const child = spawn(process.execPath, options.args, {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env.PATH ?? '', OTEL_LOG_LEVEL: 'WARN', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const lines: Record<string, unknown>[] = [];
  let sentTerm = false;
  const term = () => {
    if (!sentTerm) {
      sentTerm = true;
      child.kill(options.signal ?? 'SIGTERM');
    }
  };

  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const complete = stdout.split('\n').slice(lines.length, -1);
    for (const text of complete) {
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // Not a JSON line; it is kept in stdout only.
      }
      lines.push(parsed);
      if (options.killWhen?.(parsed)) {
        term();
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });

  const killTimer =
    options.killAfterMs === undefined ? undefined : setTimeout(term, options.killAfterMs);
  const hardTimer = setTimeout(() => child.kill('SIGKILL'), options.hardLimitMs ?? 20_000);

  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      clearTimeout(hardTimer);
      resolve({ code, signal, stdout, stderr, elapsedMs: Date.now() - started, lines });
    });
  });
}
