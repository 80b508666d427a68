import type { Manifest } from './manifest.js';
import { validateManifest } from './validate-manifest.js';
import { writeFileAtomic } from './write-manifest.js';

/** Serialises a manifest as pretty JSON with a trailing newline. */
export function formatManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Validates a manifest and writes it atomically. Throws an `Error` naming the
 * invalid fields instead of writing a manifest no runtime could read.
 */
export async function writeManifest(path: string, manifest: Manifest): Promise<void> {
  const result = validateManifest(manifest);
  if (!result.ok) {
    throw new Error(
      `refusing to write an invalid manifest to ${path}: ${result.errors.join('; ')}`,
    );
  }
  await writeFileAtomic(path, formatManifest(result.manifest));
}
