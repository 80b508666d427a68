#!/usr/bin/env node
// Fails when a workspace package's OpenTelemetry peer ranges claim more or
// less than the version sets of test/compat/matrix.json test, when
// @opentelemetry/api is a regular dependency, or when a matrix line covers a
// package but not the workspace packages it depends on.
//
//   node scripts/check-peer-ranges.mjs [--root DIR]
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkLineClosure, checkManifest } from './lib/peer-range-rules.mjs';

const { values } = parseArgs({
  options: { root: { type: 'string', default: path.resolve(import.meta.dirname, '..') } },
});

const matrixPath = path.join(values.root, 'test', 'compat', 'matrix.json');
const matrix = JSON.parse(await readFile(matrixPath, 'utf8'));
const packagesDir = path.join(values.root, 'packages');
const problems = [];
const manifests = [];

for (const entry of await readdir(packagesDir, { withFileTypes: true })) {
  const manifestPath = path.join(packagesDir, entry.name, 'package.json');
  if (!entry.isDirectory() || !existsSync(manifestPath)) continue;

  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  if (manifest.private) continue;
  manifests.push(manifest);
  problems.push(...checkManifest(manifest, matrix));
}
problems.push(...checkLineClosure(matrix, manifests));

for (const problem of problems) process.stderr.write(`${problem}\n`);
process.stdout.write(
  `check-peer-ranges: ${manifests.length} packages checked against ${path.relative(values.root, matrixPath)}, ${problems.length} problems\n`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
