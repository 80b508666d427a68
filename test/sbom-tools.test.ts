import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

function read(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8');
}

// tools/sbom is installed with npm, which cannot read the pnpm catalog, so
// this test keeps its pin and the catalog's in step.
describe('tools/sbom', () => {
  it('pins the cdxgen version of the catalog', () => {
    const catalog = /["']?@cyclonedx\/cdxgen["']?:\s*["']?([^\s"']+)/.exec(
      read('pnpm-workspace.yaml'),
    );
    const manifest = JSON.parse(read('tools/sbom/package.json'));
    const lock = JSON.parse(read('tools/sbom/package-lock.json'));

    expect(catalog?.[1]).toBe('12.8.4');
    expect(manifest.dependencies['@cyclonedx/cdxgen']).toBe(catalog?.[1]);
    expect(lock.packages['node_modules/@cyclonedx/cdxgen'].version).toBe(catalog?.[1]);
  });
});
