#!/usr/bin/env node
// Fails when a workspace package's OpenTelemetry peer ranges claim more or
// less than the version sets of test/compat/matrix.json test, or when
// @opentelemetry/api is a regular dependency.
//
//   node scripts/check-peer-ranges.mjs [--root DIR]
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkManifest } from './lib/peer-range-rules.mjs';

const { values } = parseArgs({
  options: { root: { type: 'string', default: path.resolve(import.meta.dirname, '..') } },
});

const matrixPath = path.join(values.root, 'test', 'compat', 'matrix.json');
const matrix = JSON.parse(await readFile(matrixPath, 'utf8'));
const packagesDir = path.join(values.root, 'packages');
const problems = [];
let checked = 0;

for (const entry of await readdir(packagesDir, { withFileTypes: true })) {
  const manifestPath = path.join(packagesDir, entry.name, 'package.json');
  if (!entry.isDirectory() || !existsSync(manifestPath)) continue;

  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  if (manifest.private) continue;
  checked += 1;
  problems.push(...checkManifest(manifest, matrix));
}

for (const problem of problems) process.stderr.write(`${problem}\n`);
process.stdout.write(
  `check-peer-ranges: ${checked} packages checked against ${path.relative(values.root, matrixPath)}, ${problems.length} problems\n`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
