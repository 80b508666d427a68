// `pnpm sbom`: writes a CycloneDX SBOM of the pnpm workspace to .sbom/.
// cdxgen is installed in tools/sbom with npm ci from its own lockfile,
// because adding it to the pnpm workspace crashes pnpm 10.34.9
// ("depNode.fetching is not a function"), and pnpm's own `pnpm sbom`
// needs pnpm 11, which does not run on Node 20.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = join(ROOT, 'tools', 'sbom');
const CDXGEN = join(TOOLS, 'node_modules', '@cyclonedx', 'cdxgen', 'bin', 'cdxgen.js');
const OUTPUT = join(ROOT, '.sbom', 'bom.cdx.json');

function run(command, args) {
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
}

// Frozen install without install scripts. Optional packages are left out:
// they are cdxgen's native plugins for other languages, not needed for npm.
run('npm', [
  'ci',
  '--prefix',
  TOOLS,
  '--ignore-scripts',
  '--omit=optional',
  '--no-audit',
  '--no-fund',
]);

mkdirSync(dirname(OUTPUT), { recursive: true });
run(process.execPath, [
  CDXGEN,
  '--type',
  'js',
  '--no-install-deps',
  '--spec-version',
  '1.6',
  '--project-name',
  'otel-provenance',
  '--exclude',
  'tools/**',
  '--exclude',
  '**/test/fixtures/**',
  '--output',
  OUTPUT,
  ROOT,
]);

const bom = JSON.parse(readFileSync(OUTPUT, 'utf8'));
if (
  bom.bomFormat !== 'CycloneDX' ||
  !Array.isArray(bom.components) ||
  bom.components.length === 0
) {
  console.error(
    `sbom: ${OUTPUT} is not a CycloneDX SBOM with components; rerun with CDXGEN_DEBUG_MODE=debug`,
  );
  process.exit(1);
}
console.log(
  `sbom: wrote ${OUTPUT} (CycloneDX ${bom.specVersion}, ${bom.components.length} components)`,
);
