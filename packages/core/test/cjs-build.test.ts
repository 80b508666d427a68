import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cjsEntry = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
const esmEntry = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));

// uuid 12+ ships only ES modules. Node 20.6 to 20.18 cannot require() them, so
// the CommonJS build must carry its own copy. These tests run the built files.
describe('core CommonJS build', () => {
  it('exists after the build', () => {
    expect(existsSync(cjsEntry), `${cjsEntry} is missing; run \`pnpm build\` first`).toBe(true);
  });

  it('mints a UUIDv7 without require(esm)', async () => {
    const script = `const core = require(${JSON.stringify(cjsEntry)}); process.stdout.write(core.mintDeploymentId());`;

    const { stdout } = await run(process.execPath, [
      '--no-experimental-require-module',
      '-e',
      script,
    ]);

    expect(stdout).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    ['CommonJS', cjsEntry],
    ['ESM', esmEntry],
  ])('does not load uuid at run time from the %s build', async (_format, entry) => {
    const text = await readFile(entry, 'utf8');

    expect(text).not.toMatch(/require\(["']uuid["']\)/);
    expect(text).not.toMatch(/from ["']uuid["']/);
  });
});
