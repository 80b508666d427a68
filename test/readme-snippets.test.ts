import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Packages whose README has ```ts blocks. Add a package here when its README gains one.
const PACKAGES = ['core'];

async function snippetsOf(pkg: string): Promise<string[]> {
  const readme = await readFile(
    fileURLToPath(new URL(`../packages/${pkg}/README.md`, import.meta.url)),
    'utf8',
  );
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

// Type-checks each ```ts block of a package README as an ES module inside that
// package, so `@otel-provenance/<pkg>` resolves to its own built types.
describe('README snippets', () => {
  it.each(PACKAGES)('type-check in packages/%s', async (pkg) => {
    const packageDir = fileURLToPath(new URL(`../packages/${pkg}/`, import.meta.url));
    const snippets = await snippetsOf(pkg);
    expect(snippets.length).toBeGreaterThan(0);
    const directory = await mkdtemp(join(packageDir, '.readme-check-'));
    try {
      const files = await Promise.all(
        snippets.map(async (snippet, index) => {
          const file = join(directory, `snippet-${index}.mts`);
          await writeFile(file, `${snippet}\nexport {};\n`);
          return file;
        }),
      );
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        types: ['node'],
        typeRoots: [fileURLToPath(new URL('../node_modules/@types', import.meta.url))],
      });
      const messages = ts
        .getPreEmitDiagnostics(program)
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));

      expect(messages).toEqual([]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
