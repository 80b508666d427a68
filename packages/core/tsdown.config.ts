import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node20',
  // uuid 12+ ships only ES modules, which Node < 20.19 cannot require(), so
  // both builds carry their own copy instead of importing it at run time.
  deps: { alwaysBundle: ['uuid'], onlyBundle: ['uuid'] },
});
