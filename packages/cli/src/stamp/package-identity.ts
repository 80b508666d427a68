import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT_FAILURE } from '../exit-codes.js';

/** The `name` and `version` fields of a package.json. */
export interface PackageIdentity {
  name?: string;
  version?: string;
}

function inputError(message: string): CliError {
  return new CliError(`provenance stamp: ${message}`, EXIT_FAILURE, 'PACKAGE_JSON');
}

function optionalString(
  manifest: Record<string, unknown>,
  field: 'name' | 'version',
  path: string,
): string | undefined {
  const value = manifest[field];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw inputError(
      `"${field}" in ${path} must be a non-empty string, found ${JSON.stringify(value)}; fix the file or pass --attribute service.${field}=VALUE`,
    );
  }
  return value.trim();
}

/**
 * Reads `name` and `version` from `<dir>/package.json`. Returns `undefined`
 * when the file does not exist. Throws a `CliError` (exit 1) naming the file
 * and the fix when it cannot be read, is not JSON, or has a non-string field.
 */
export async function readPackageIdentity(dir: string): Promise<PackageIdentity | undefined> {
  const path = join(dir, 'package.json');

  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return undefined;
    }
    throw inputError(
      `cannot read ${path} (${code ?? String(error)}); make it readable or pass --attribute service.name=NAME`,
    );
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw inputError(
      `${path} is not valid JSON (${(error as Error).message}); fix the file or pass --attribute service.name=NAME`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw inputError(
      `${path} is not a JSON object; fix the file or pass --attribute service.name=NAME`,
    );
  }

  const manifest = parsed as Record<string, unknown>;
  return {
    name: optionalString(manifest, 'name', path),
    version: optionalString(manifest, 'version', path),
  };
}
