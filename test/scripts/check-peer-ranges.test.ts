import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatrixLine } from '../../scripts/lib/peer-range-rules.mjs';
import {
  checkLineClosure,
  checkManifest,
  releaseLine,
} from '../../scripts/lib/peer-range-rules.mjs';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/check-peer-ranges.mjs');

const MATRIX: { lines: MatrixLine[] } = {
  lines: [
    {
      name: '2.x',
      sets: {
        lowest: {
          '@opentelemetry/api': '1.9.0',
          '@opentelemetry/api-logs': '0.223.0',
          '@opentelemetry/resources': '2.12.0',
          '@opentelemetry/sdk-logs': '0.223.0',
        },
        newest: {
          '@opentelemetry/api': '1.9.1',
          '@opentelemetry/api-logs': '0.223.1',
          '@opentelemetry/resources': '2.12.1',
          '@opentelemetry/sdk-logs': '0.223.1',
        },
      },
    },
    {
      name: '3.x',
      packages: ['@otel-provenance/core', '@otel-provenance/detectors'],
      sets: {
        lowest: {
          '@opentelemetry/api': '1.10.0',
          '@opentelemetry/resources': '3.0.0',
          '@opentelemetry/sdk-logs': '3.0.0',
        },
        newest: {
          '@opentelemetry/api': '1.10.0',
          '@opentelemetry/resources': '3.1.1',
          '@opentelemetry/sdk-logs': '3.1.1',
        },
      },
    },
  ],
};

function peerProblems(name: string, range: string, packageName = '@otel-provenance/detectors') {
  return checkManifest({ name: packageName, peerDependencies: { [name]: range } }, MATRIX);
}

describe('releaseLine', () => {
  it.each([
    ['@opentelemetry/resources', '2.12.1', '2'],
    ['@opentelemetry/sdk-logs', '0.223.1', '0.223'],
    ['@opentelemetry/api', '1.10.0', '1.10'],
  ])('puts %s %s in line %s', (name, version, line) => {
    expect(releaseLine(name, version)).toBe(line);
  });
});

describe('checkManifest', () => {
  it.each([
    ['@opentelemetry/api', '>=1.9.0 <1.11.0'],
    ['@opentelemetry/resources', '^2.12.0 || ^3.0.0'],
    ['@opentelemetry/resources', '>=2.12.0 <4.0.0'],
    ['@opentelemetry/sdk-logs', '^0.223.0 || ^3.0.0'],
  ])('accepts %s "%s" matching the tests', (name, range) => {
    expect(peerProblems(name, range)).toEqual([]);
  });

  it.each([
    ['@opentelemetry/api', '>=1.9.0 <1.10.0', 'excludes 1.10.0, which 3.x lowest tests'],
    ['@opentelemetry/api', '^1.9.0', 'admits 1.11.0, a release line that no version set tests'],
    ['@opentelemetry/api', '>=1.8.0 <1.11.0', 'admits 1.8.0, a release line'],
    ['@opentelemetry/resources', '^2.12.0', 'excludes 3.1.1, which 3.x newest tests'],
    ['@opentelemetry/resources', '>=2.12.0 <5', 'admits 4.0.0, a release line'],
    ['@opentelemetry/resources', '^2.11.0 || ^3.0.0', 'admits 2.11.0, below 2.12.0'],
    ['@opentelemetry/resources', '^2.12.0 || ^3.0.0 || ^5.0.0', 'admits 5.0.0, a release line'],
    ['@opentelemetry/sdk-logs', '>=0.223.0 <4', 'admits 0.224.0, a release line'],
    ['@opentelemetry/sdk-logs', 'not-a-range', 'is not a valid semver range'],
  ])('rejects %s "%s"', (name, range, message) => {
    const problems = peerProblems(name, range);

    expect(problems.some((problem) => problem.includes(message))).toBe(true);
  });

  it('rejects a required peer absent from a set', () => {
    const problems = peerProblems('@opentelemetry/api-logs', '^0.223.0');

    expect(problems).toEqual([
      expect.stringContaining('is required but not pinned by 3.x lowest, 3.x newest'),
    ]);
  });

  it('accepts an optional peer absent from a set', () => {
    const manifest = {
      name: '@otel-provenance/detectors',
      peerDependencies: { '@opentelemetry/api-logs': '^0.223.0' },
      peerDependenciesMeta: { '@opentelemetry/api-logs': { optional: true } },
    };

    expect(checkManifest(manifest, MATRIX)).toEqual([]);
  });

  it('checks only lines that cover the package', () => {
    const problems = peerProblems('@opentelemetry/resources', '^2.12.0', '@otel-provenance/node');

    expect(problems).toEqual([]);
  });

  it('rejects a peer no set pins', () => {
    const problems = peerProblems('@opentelemetry/sdk-metrics', '^2.12.0');

    expect(problems).toEqual([expect.stringContaining('is tested by no version set')]);
  });

  it('ignores peers outside @opentelemetry', () => {
    expect(peerProblems('@otel-provenance/correlator', '^0.1.0')).toEqual([]);
  });

  it.each(['dependencies', 'optionalDependencies'])('rejects the API in %s', (field) => {
    const manifest = { name: '@otel-provenance/core', [field]: { '@opentelemetry/api': '^1.9.0' } };

    expect(checkManifest(manifest, MATRIX)).toEqual([
      expect.stringContaining(`@opentelemetry/api is in ${field}`),
    ]);
  });

  it('rejects a package no line covers', () => {
    const matrix = { lines: [{ ...MATRIX.lines[1]!, packages: [] }] };

    expect(checkManifest({ name: '@otel-provenance/cli' }, matrix)).toEqual([
      '@otel-provenance/cli: no line of test/compat/matrix.json covers it',
    ]);
  });
});

describe('check-peer-ranges script', () => {
  let root: string | undefined;

  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function workspaceWith(peerRange: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'check-peer-ranges-'));
    await mkdir(path.join(dir, 'test', 'compat'), { recursive: true });
    await mkdir(path.join(dir, 'packages', 'core'), { recursive: true });
    await writeFile(path.join(dir, 'test', 'compat', 'matrix.json'), JSON.stringify(MATRIX));
    const manifest = {
      name: '@otel-provenance/core',
      peerDependencies: { '@opentelemetry/api': peerRange },
    };
    await writeFile(path.join(dir, 'packages', 'core', 'package.json'), JSON.stringify(manifest));
    return dir;
  }

  it('exits 0 when ranges match', async () => {
    root = await workspaceWith('>=1.9.0 <1.11.0');

    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, '--root', root]);

    expect(stdout).toContain('1 packages checked');
    expect(stdout).toContain('0 problems');
  });

  it('exits 1 naming the range', async () => {
    root = await workspaceWith('>=1.9.0 <1.10.0');

    const run = promisify(execFile)(process.execPath, [SCRIPT, '--root', root]);

    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('peer @opentelemetry/api ">=1.9.0 <1.10.0" excludes 1.10.0'),
    });
  });
});

describe('checkLineClosure', () => {
  const manifests = [
    { name: '@otel-provenance/core' },
    {
      name: '@otel-provenance/cli',
      dependencies: { '@otel-provenance/core': '^0.1.0', semver: '^7.0.0' },
    },
  ];

  it('accepts a line listing dependencies', () => {
    const matrix = {
      lines: [{ name: '3.x', packages: ['@otel-provenance/cli', '@otel-provenance/core'] }],
    };

    expect(checkLineClosure(matrix, manifests)).toEqual([]);
  });

  it('rejects a missing workspace dependency', () => {
    const matrix = { lines: [{ name: '3.x', packages: ['@otel-provenance/cli'] }] };

    expect(checkLineClosure(matrix, manifests)).toEqual([
      'matrix line 3.x covers @otel-provenance/cli but not its dependency @otel-provenance/core; add it to "packages"',
    ]);
  });
});
