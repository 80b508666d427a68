import { existsSync } from 'node:fs';
import path from 'node:path';
import { outputTail, runCommand } from './run-command.mjs';

/**
 * Lists the type-check files in the consumer's `types/` folder for the
 * installed packages of ours: `<name>.mts` (resolved through the `import`
 * condition) and `<name>.cts` (through `require`) per package, where
 * `<name>` is the package name without the scope.
 *
 * @param {string} consumerDir
 * @param {Iterable<string>} packageNames
 */
export function typeCheckFiles(consumerDir, packageNames) {
  const files = [];
  for (const name of packageNames) {
    const base = name.split('/').pop();
    for (const extension of ['.mts', '.cts']) {
      const file = path.join('types', `${base}${extension}`);
      if (existsSync(path.join(consumerDir, file))) files.push(file);
    }
  }
  return files;
}

/**
 * Runs the consumer's TypeScript compiler on `files` with `skipLibCheck` off,
 * so our published declarations are checked against the installed
 * OpenTelemetry types, not only used. Throws with the compiler output when a
 * file does not type-check.
 *
 * @param {{ consumerDir: string, runtime: import('./node-runtimes.mjs').Runtime, env: Record<string, string> }} context
 * @param {string[]} files
 */
export async function runTypeCheck({ consumerDir, runtime, env }, files) {
  const tsc = path.join(consumerDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [
    tsc,
    '--noEmit',
    '--strict',
    '--skipLibCheck',
    'false',
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--target',
    'es2022',
    '--types',
    'node',
    ...files,
  ];

  const result = await runCommand(runtime.nodeBin, args, {
    cwd: consumerDir,
    env,
    timeoutMs: 120_000,
  });
  if (result.code !== 0) {
    throw new Error(`tsc ${files.join(' ')} failed:\n${outputTail(result)}`);
  }
}
