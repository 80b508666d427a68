import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/register.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node20',
  // The CommonJS build needs import.meta.url to load the optional api-logs peer.
  shims: true,
});
