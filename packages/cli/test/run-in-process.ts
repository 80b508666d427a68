import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/main.js';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with the given environment and working directory. */
export async function runInProcess(
  argv: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** Creates a temporary directory with the given package.json, or none when `packageJson` is undefined. */
export async function packageDirectory(packageJson?: unknown): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'provenance-cli-'));
  if (packageJson !== undefined) {
    const text = typeof packageJson === 'string' ? packageJson : JSON.stringify(packageJson);
    await writeFile(join(directory, 'package.json'), text);
  }
  return directory;
}
