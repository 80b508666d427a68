import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { detectProvenance, type FetchLike } from '../../src/index.js';

/** Creates a temporary root holding `files` (absolute path → content). */
export function makeRoot(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'provenance-platform-root-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export interface DetectInput {
  env: Record<string, string>;
  root?: string;
  fetch?: FetchLike;
  budgetMs?: number;
  detectNetwork?: boolean;
}

/** Runs the whole detector set with no host interfaces, as `provenance detect` would. */
export function detectWith(input: DetectInput) {
  const root = input.root ?? makeRoot();
  return detectProvenance({
    env: input.env,
    root,
    cwd: '/app',
    entryPoint: false,
    networkInterfaces: () => ({}),
    fetch: input.fetch,
    budgetMs: input.budgetMs,
    detectNetwork: input.detectNetwork,
  });
}
