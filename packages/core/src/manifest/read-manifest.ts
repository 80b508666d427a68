import { readFile } from 'node:fs/promises';
import type { Manifest } from './manifest.js';
import { validateManifest } from './validate-manifest.js';

export type ReadManifestResult =
  | { status: 'ok'; manifest: Manifest }
  | { status: 'missing' }
  | { status: 'invalid'; error: string };

/**
 * Reads and validates a manifest file. A missing file is `missing`, not an
 * error, because most runtimes have none; unreadable, malformed or invalid
 * content is `invalid` with a message that names the path and the problem.
 * Never throws.
 */
export async function readManifest(path: string): Promise<ReadManifestResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { status: 'missing' };
    }
    return { status: 'invalid', error: `${path}: cannot be read (${code ?? String(error)})` };
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { status: 'invalid', error: `${path}: not valid JSON (${(error as Error).message})` };
  }

  const result = validateManifest(parsed);
  if (!result.ok) {
    return { status: 'invalid', error: `${path}: ${result.errors.join('; ')}` };
  }
  return { status: 'ok', manifest: result.manifest };
}
