// Types of matrix.mjs for the TypeScript tests.
export interface MatrixRun {
  id: string;
  line: string;
  setName: string;
  runtimeLabel: string;
  versions: Record<string, string>;
  logsApi: string;
  packages: string[] | undefined;
  typescript: string;
  typesNode: string;
}

export function expandRuns(matrix: unknown): MatrixRun[];
