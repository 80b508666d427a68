import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPOSITORY = fileURLToPath(new URL('../', import.meta.url));

// Every README of the repository: the root, each package, each example and the benchmarks.
async function readmeFolders(): Promise<string[]> {
  const folders = ['.', 'benchmarks'];
  for (const parent of ['packages', 'examples']) {
    const entries = await readdir(join(REPOSITORY, parent), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory()) {
        folders.push(`${parent}/${entry.name}`);
      }
    }
  }
  const withReadme: string[] = [];
  for (const folder of folders) {
    if (existsSync(join(REPOSITORY, folder, 'README.md'))) {
      withReadme.push(folder);
    }
  }
  return withReadme;
}

const FOLDERS = await readmeFolders();

async function snippetsOf(folder: string): Promise<string[]> {
  const readme = await readFile(join(REPOSITORY, folder, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

// Type-checks each ```ts block of a README as an ES module in that README's folder, so a
// package's own name resolves to its built types and other packages resolve through the
// workspace's node_modules. A README without ```ts blocks passes with nothing to check.
describe('README snippets', () => {
  it.each(FOLDERS)('type-check in %s', async (folder) => {
    const snippets = await snippetsOf(folder);
    if (snippets.length === 0) {
      return;
    }
    const directory = await mkdtemp(join(REPOSITORY, folder, '.readme-check-'));
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
