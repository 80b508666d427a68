// Types of peer-range-rules.mjs for the TypeScript tests.
export interface MatrixLine {
  name: string;
  packages?: string[];
  sets: Record<string, Record<string, string>>;
}

export interface PackageManifest {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export function releaseLine(name: string, version: string): string;
export function lineCovers(line: { packages?: string[] }, packageName: string): boolean;
export function checkManifest(manifest: PackageManifest, matrix: { lines: MatrixLine[] }): string[];
export function checkLineClosure(
  matrix: { lines: Array<{ name: string; packages?: string[] }> },
  manifests: PackageManifest[],
): string[];
