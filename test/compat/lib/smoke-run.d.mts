// Types of smoke-run.mjs for the TypeScript tests.
export function runSmoke(options: {
  consumerDir: string;
  runtime: { nodeBin: string };
  env: Record<string, string>;
  flavor: 'esm' | 'cjs';
  logsApi: string;
  manifest?: { manifestPath: string; manifest: { attributes: Record<string, unknown> } };
}): Promise<{ durationMs: number }>;
