import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI_ROOT = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(CLI_ROOT, 'package.json'), 'utf8'));

describe('CLI package', () => {
  it('lists the correlator only as an optional peer', () => {
    expect(Object.keys(manifest.dependencies)).not.toContain('@otel-provenance/correlator');
    expect(Object.keys(manifest.dependencies)).not.toContain('better-sqlite3');
    expect(manifest.peerDependencies['@otel-provenance/correlator']).toBeDefined();
    expect(manifest.peerDependenciesMeta['@otel-provenance/correlator']).toEqual({
      optional: true,
    });
  });

  it.each(['index.cjs', 'index.mjs'])('loads the correlator lazily in dist/%s', (file) => {
    const built = readFileSync(join(CLI_ROOT, 'dist', file), 'utf8');

    expect(built).not.toMatch(/require\(["']@otel-provenance\/correlator["']\)/);
    expect(built).not.toMatch(/from ["']@otel-provenance\/correlator["']/);
    expect(built).not.toContain('better-sqlite3');
  });
});
