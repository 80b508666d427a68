import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(async () => {
  for (const path of created.splice(0)) {
    await rm(path, { recursive: true, force: true });
  }
});

/**
 * Creates a temporary directory to pass as the detectors' `root`, holding
 * `files` (absolute paths inside the root mapped to their content). Removed
 * after the test.
 */
export async function makeRoot(files: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'provenance-root-'));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}
