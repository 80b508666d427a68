import { describe, expect, it } from 'vitest';
import { settleDetector } from '../src/detector.js';
import { applicationDetector } from '../src/detectors/application-detector.js';
import { makeRoot } from './support/temp-root.js';

describe('applicationDetector', () => {
  it('reads the package.json nearest to the entry point', async () => {
    const root = await makeRoot({
      '/srv/app/package.json': JSON.stringify({ name: 'ledger-api', version: '3.1.0' }),
      '/srv/app/dist/package.json': JSON.stringify({ type: 'module' }),
      '/srv/package.json': JSON.stringify({ name: 'monorepo-root', version: '0.0.0' }),
    });

    const detector = applicationDetector({
      root,
      cwd: '/',
      env: {},
      entryPoint: '/srv/app/dist/main.js',
    });

    expect(await settleDetector(detector)).toEqual({
      'service.name': 'ledger-api',
      'service.version': '3.1.0',
    });
  });

  it('falls back to the working directory', async () => {
    const root = await makeRoot({
      '/work/package.json': JSON.stringify({ name: '@acme/checkout', version: '2.0.0' }),
    });

    const detector = applicationDetector({ root, cwd: '/work', env: {}, entryPoint: false });

    expect(await settleDetector(detector)).toEqual({
      'service.name': '@acme/checkout',
      'service.version': '2.0.0',
    });
  });

  it('gives nothing for a malformed package.json', async () => {
    const root = await makeRoot({ '/work/package.json': '{"name": ' });

    const detector = applicationDetector({ root, cwd: '/work', env: {}, entryPoint: false });

    expect(await settleDetector(detector)).toEqual({});
  });

  it('ignores names that are not strings', async () => {
    const root = await makeRoot({
      '/work/package.json': JSON.stringify({ name: 42, version: '' }),
    });

    const detector = applicationDetector({ root, cwd: '/work', env: {}, entryPoint: false });

    expect(await settleDetector(detector)).toEqual({});
  });
});
