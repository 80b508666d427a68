import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../src/manifest/manifest.js';
import { readManifest } from '../src/manifest/read-manifest.js';
import { formatManifest, writeManifest } from '../src/manifest/serialize-manifest.js';
import { validateManifest } from '../src/manifest/validate-manifest.js';

const valid: Manifest = {
  schemaVersion: 1,
  createdAt: '2026-12-04T09:41:15.123Z',
  attributes: {
    'service.name': 'checkout',
    'deployment.id': '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    'host.ip': ['10.0.0.1'],
    'faas.max_memory': 134217728,
    'provenance.host_network': false,
  },
};

function errorsOf(input: unknown): string[] {
  const result = validateManifest(input);
  return result.ok ? [] : result.errors;
}

describe('validateManifest', () => {
  it('accepts a schema version 1 manifest', () => {
    expect(validateManifest(valid)).toEqual({ ok: true, manifest: valid });
  });

  it('accepts a createdAt with an offset', () => {
    expect(validateManifest({ ...valid, createdAt: '2026-12-04T10:41:15+01:00' }).ok).toBe(true);
  });

  it.each([
    ['null', null, 'manifest: expected a JSON object'],
    ['an array', [], 'manifest: expected a JSON object'],
    [
      'a missing schemaVersion',
      { ...valid, schemaVersion: undefined },
      'schemaVersion: expected 1',
    ],
    [
      'a string schemaVersion',
      { ...valid, schemaVersion: '1' },
      'schemaVersion: expected 1, found "1"',
    ],
    [
      'a date without a time',
      { ...valid, createdAt: '2026-12-04' },
      'createdAt: expected an RFC 3339 date-time, found "2026-12-04"',
    ],
    [
      'a date without an offset',
      { ...valid, createdAt: '2026-12-04T09:41:15' },
      'createdAt: expected an RFC 3339 date-time',
    ],
    [
      'an impossible date',
      { ...valid, createdAt: '2026-13-40T09:41:15Z' },
      'createdAt: expected an RFC 3339 date-time',
    ],
    ['attributes as an array', { ...valid, attributes: [] }, 'attributes: expected an object'],
    [
      'an object attribute',
      { ...valid, attributes: { 'a.b': { c: 1 } } },
      'attributes.a.b: expected a string, a finite number, a boolean or an array of them',
    ],
    [
      'a null attribute',
      { ...valid, attributes: { 'a.b': null } },
      'attributes.a.b: expected a string',
    ],
    [
      'a mixed array',
      { ...valid, attributes: { 'a.b': ['x', {}] } },
      'attributes.a.b: expected a string',
    ],
    ['an empty key', { ...valid, attributes: { ' ': 'x' } }, 'attributes: expected non-empty keys'],
    [
      'a deployment.id that is no UUID',
      { ...valid, attributes: { 'deployment.id': 'build-42' } },
      'attributes.deployment.id: expected a UUID, found "build-42"',
    ],
    [
      'an unknown top-level field',
      { ...valid, signature: 'x' },
      'signature: unknown field in schema version 1',
    ],
  ])('names the field for %s', (_case, input, expected) => {
    const errors = errorsOf(input);

    expect(errors.some((error) => error.startsWith(expected))).toBe(true);
  });

  it('reports every invalid field at once', () => {
    const errors = errorsOf({
      schemaVersion: 1,
      createdAt: 'yesterday',
      attributes: 'x',
      extra: 1,
    });

    expect(errors).toHaveLength(3);
  });

  it('rejects a newer schema version naming that version', () => {
    const errors = errorsOf({
      ...valid,
      schemaVersion: 2,
      attributes: { 'a.b': 'c' },
      signature: 'x',
    });

    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('schemaVersion: 2 is newer than the supported version 1');
    expect(errors[0]).toContain('upgrade');
  });
});

describe('readManifest and writeManifest', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'provenance-manifest-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads back what it wrote', async () => {
    const path = join(directory, 'provenance.json');

    await writeManifest(path, valid);

    expect(await readFile(path, 'utf8')).toBe(formatManifest(valid));
    expect(await readManifest(path)).toEqual({ status: 'ok', manifest: valid });
  });

  it('leaves no temporary file behind', async () => {
    await writeManifest(join(directory, 'provenance.json'), valid);

    expect(await readdir(directory)).toEqual(['provenance.json']);
  });

  it('rejects an invalid manifest', async () => {
    const path = join(directory, 'provenance.json');
    const invalid = { ...valid, createdAt: 'now' } as Manifest;

    await expect(writeManifest(path, invalid)).rejects.toThrow(/createdAt: expected an RFC 3339/);
    expect(await readdir(directory)).toEqual([]);
  });

  it('keeps the old file when the write fails', async () => {
    const path = join(directory, 'provenance.json');
    await writeManifest(path, valid);

    await expect(
      writeManifest(join(directory, 'missing', 'provenance.json'), valid),
    ).rejects.toThrow();
    expect(await readManifest(path)).toEqual({ status: 'ok', manifest: valid });
  });

  it('reports a missing file as missing', async () => {
    expect(await readManifest(join(directory, 'none.json'))).toEqual({ status: 'missing' });
  });

  it('names the path of malformed JSON', async () => {
    const path = join(directory, 'provenance.json');
    await writeFile(path, '{"schemaVersion": 1,');

    const result = await readManifest(path);

    expect(result.status).toBe('invalid');
    expect(result).toHaveProperty(
      'error',
      expect.stringMatching(/provenance\.json: not valid JSON/),
    );
  });

  it('names the path and version of a newer manifest', async () => {
    const path = join(directory, 'provenance.json');
    await writeFile(path, JSON.stringify({ ...valid, schemaVersion: 3 }));

    const result = await readManifest(path);

    expect(result.status).toBe('invalid');
    expect(result).toHaveProperty(
      'error',
      expect.stringMatching(/provenance\.json: schemaVersion: 3 is newer/),
    );
  });

  it('reports a directory as unreadable', async () => {
    const result = await readManifest(directory);

    expect(result.status).toBe('invalid');
    expect(result).toHaveProperty('error', expect.stringContaining('cannot be read (EISDIR)'));
  });
});
