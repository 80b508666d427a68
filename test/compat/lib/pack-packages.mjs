import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { outputTail, runCommand } from './run-command.mjs';

/**
 * Lists the publishable workspace packages under `packages/`, with their
 * manifests. Private packages are left out because they are never installed
 * from the registry.
 *
 * @param {string} repoRoot
 * @returns {Promise<Array<{ dir: string, manifest: Record<string, any> }>>}
 */
export async function listWorkspacePackages(repoRoot) {
  const packagesDir = path.join(repoRoot, 'packages');
  const entries = await readdir(packagesDir, { withFileTypes: true });
  const packages = [];

  for (const entry of entries) {
    const manifestPath = path.join(packagesDir, entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(manifestPath)) continue;

    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    if (manifest.private) continue;
    packages.push({ dir: path.join(packagesDir, entry.name), manifest });
  }
  return packages.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/**
 * Packs every publishable workspace package with `pnpm pack`, which rewrites
 * `workspace:` and `catalog:` specifiers to real versions as a publish would.
 * Throws when a package has not been built (its tarball would ship without
 * `dist/`) or when `pnpm pack` fails, naming the package.
 *
 * @param {string} repoRoot
 * @param {string} destination folder for the tarballs; it should be empty
 * @param {Record<string, string>} env environment for pnpm
 * @returns {Promise<Map<string, { tarball: string, manifest: Record<string, any> }>>} by package name
 */
export async function packWorkspacePackages(repoRoot, destination, env) {
  const packed = new Map();

  for (const { dir, manifest } of await listWorkspacePackages(repoRoot)) {
    if (!existsSync(path.join(dir, 'dist'))) {
      throw new Error(
        `${manifest.name} is not built (${dir}/dist is missing); run \`pnpm build\` first`,
      );
    }

    const before = new Set(await readdir(destination));
    const result = await runCommand('pnpm', ['pack', '--pack-destination', destination], {
      cwd: dir,
      env,
      timeoutMs: 120_000,
    });
    if (result.code !== 0) {
      throw new Error(`pnpm pack failed for ${manifest.name}:\n${outputTail(result)}`);
    }

    const created = (await readdir(destination)).filter((name) => !before.has(name));
    const tarball = created.find((name) => name.endsWith('.tgz'));
    if (!tarball) {
      throw new Error(`pnpm pack wrote no tarball for ${manifest.name}:\n${outputTail(result)}`);
    }
    packed.set(manifest.name, { tarball: path.join(destination, tarball), manifest });
  }
  return packed;
}

/**
 * Reads `package/package.json` out of an npm tarball with the system `tar`.
 * Throws when tar fails or the file is not JSON, naming the tarball.
 *
 * @param {string} tarball
 * @param {Record<string, string>} env
 */
export async function readTarballManifest(tarball, env) {
  const result = await runCommand('tar', ['-xzOf', tarball, 'package/package.json'], {
    cwd: path.dirname(tarball),
    env,
    timeoutMs: 30_000,
  });
  if (result.code !== 0) {
    throw new Error(`could not read package/package.json from ${tarball}:\n${outputTail(result)}`);
  }
  return JSON.parse(result.stdout);
}
