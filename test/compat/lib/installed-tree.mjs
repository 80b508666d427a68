import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

/**
 * @typedef {{ name: string, version: string, dir: string, installScripts: string[], hasBindingGyp: boolean }} InstalledPackage
 */

/**
 * Lists every package installed under `projectDir/node_modules`, nested
 * `node_modules` folders included, as npm laid them out.
 *
 * @param {string} projectDir
 * @returns {Promise<InstalledPackage[]>}
 */
export async function listInstalledPackages(projectDir) {
  const found = [];
  await collect(path.join(projectDir, 'node_modules'), found);
  return found;
}

async function collect(nodeModulesDir, found) {
  if (!existsSync(nodeModulesDir)) return;

  for (const entry of await readdir(nodeModulesDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;

    const entryDir = path.join(nodeModulesDir, entry.name);
    if (entry.name.startsWith('@')) {
      for (const scoped of await readdir(entryDir, { withFileTypes: true })) {
        if (scoped.isDirectory()) await collectPackage(path.join(entryDir, scoped.name), found);
      }
    } else {
      await collectPackage(entryDir, found);
    }
  }
}

async function collectPackage(dir, found) {
  const manifestPath = path.join(dir, 'package.json');
  if (!existsSync(manifestPath)) return;

  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const scripts = manifest.scripts ?? {};
  found.push({
    name: manifest.name,
    version: manifest.version,
    dir,
    installScripts: INSTALL_SCRIPTS.filter((name) => typeof scripts[name] === 'string'),
    hasBindingGyp: existsSync(path.join(dir, 'binding.gyp')),
  });
  await collect(path.join(dir, 'node_modules'), found);
}

/**
 * Checks an installed tree against the versions under test and returns one
 * message per problem; an empty list means the tree is as expected. Problems:
 * - a package of the set at another version at the top of `node_modules`
 *   (nested copies of other versions are allowed, because npm nests what an
 *   exporter's exact dependency pins);
 * - more than one copy of `@opentelemetry/api`, because each copy keeps its
 *   own global providers and spans from one are invisible to the other;
 * - a package listed in `forbidden` present anywhere;
 * - any package that would compile or run code on install.
 *
 * @param {InstalledPackage[]} installed
 * @param {{ projectDir: string, expectedVersions: Record<string, string>, forbidden: string[] }} rules
 * @returns {string[]}
 */
export function checkInstalledTree(installed, { projectDir, expectedVersions, forbidden }) {
  const problems = [];

  for (const [name, version] of Object.entries(expectedVersions)) {
    const topLevel = installed.find((pkg) => pkg.dir === topLevelDir(projectDir, name));
    if (topLevel?.version !== version) {
      problems.push(
        `${name}: expected ${version} in node_modules, found ${topLevel?.version ?? 'nothing'}`,
      );
    }
  }

  const apiCopies = installed.filter((pkg) => pkg.name === '@opentelemetry/api');
  if (apiCopies.length > 1) {
    problems.push(
      `@opentelemetry/api is installed ${apiCopies.length} times: ${apiCopies.map((pkg) => pkg.dir).join(', ')}`,
    );
  }

  for (const name of forbidden) {
    const present = installed.filter((pkg) => pkg.name === name);
    if (present.length > 0) {
      problems.push(
        `${name} must not be installed, found at ${present.map((pkg) => pkg.dir).join(', ')}`,
      );
    }
  }

  for (const pkg of installed) {
    if (pkg.installScripts.length > 0 || pkg.hasBindingGyp) {
      const what = [...pkg.installScripts, ...(pkg.hasBindingGyp ? ['binding.gyp'] : [])];
      problems.push(
        `${pkg.name}@${pkg.version} runs or compiles code on install (${what.join(', ')})`,
      );
    }
  }
  return problems;
}

function topLevelDir(projectDir, name) {
  return path.join(projectDir, 'node_modules', ...name.split('/'));
}
