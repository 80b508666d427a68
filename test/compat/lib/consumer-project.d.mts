// Types of consumer-project.mjs for the TypeScript tests.
export function consumerManifest(
  tarballs: Map<string, string>,
  registryVersions: Record<string, string>,
): {
  name: string;
  dependencies: Record<string, string>;
  overrides: Record<string, string>;
};
