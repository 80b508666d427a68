import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const MATRIX_PATH = path.join(import.meta.dirname, '..', 'matrix.json');

/**
 * @typedef {{ id: string, line: string, setName: string, runtimeLabel: string, versions: Record<string, string>, logsApi: string, packages: string[] | undefined, typescript: string, typesNode: string }} MatrixRun
 */

/** Reads `test/compat/matrix.json`. Throws when it is missing or not JSON. */
export async function readMatrix(matrixPath = MATRIX_PATH) {
  return JSON.parse(await readFile(matrixPath, 'utf8'));
}

/**
 * Expands the matrix into one run per OpenTelemetry line, version set and
 * Node.js runtime, in file order. `packages`, when a line has it, lists the
 * workspace packages that line installs and tests; without it, all. Throws when a line names a runtime that the
 * matrix does not define.
 *
 * @returns {MatrixRun[]}
 */
export function expandRuns(matrix) {
  const runs = [];

  for (const line of matrix.lines) {
    for (const [setName, versions] of Object.entries(line.sets)) {
      for (const runtimeLabel of line.runtimes) {
        if (!matrix.runtimes[runtimeLabel]) {
          throw new Error(
            `matrix line ${line.name} names runtime "${runtimeLabel}", which is not in "runtimes"`,
          );
        }
        runs.push({
          id: `otel-${line.name}-${setName}-node${runtimeLabel}`,
          line: line.name,
          setName,
          runtimeLabel,
          versions,
          logsApi: line.logsApi,
          packages: line.packages,
          typescript: matrix.typescript,
          typesNode: matrix.runtimes[runtimeLabel].typesNode,
        });
      }
    }
  }
  return runs;
}
