// Types of installed-tree.mjs for the TypeScript tests.
export interface InstalledPackage {
  name: string;
  version: string;
  dir: string;
  installScripts: string[];
  hasBindingGyp: boolean;
}

export function listInstalledPackages(projectDir: string): Promise<InstalledPackage[]>;
export function checkInstalledTree(
  installed: InstalledPackage[],
  rules: { projectDir: string; expectedVersions: Record<string, string>; forbidden: string[] },
): string[];
