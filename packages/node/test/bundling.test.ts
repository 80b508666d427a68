import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../../test/support/otlp-receiver.js';
import { childEnv } from './support/identity.js';
import { fixture, runChild } from './support/run-child.js';

describe('register entry in a bundle', () => {
  let receiver: OtlpReceiver;
  let outDir: string;

  beforeEach(async () => {
    receiver = await OtlpReceiver.start();
    outDir = await mkdtemp(join(tmpdir(), 'provenance-bundle-'));
  });

  afterEach(async () => {
    await receiver.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('survives esbuild tree shaking and still exports', async () => {
    const outfile = join(outDir, 'app.cjs');

    const result = await build({
      entryPoints: [fixture('bundled-app.mjs')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      metafile: true,
      logLevel: 'silent',
    });

    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => /packages\/node\/dist\/register\.(mjs|cjs)$/.test(input))).toBe(
      true,
    );
    // The bundle runs outside the workspace, so it can only use what esbuild kept.
    const child = await runChild({ args: [outfile], env: childEnv(receiver.url) });
    expect(child.code).toBe(0);
    expect(receiver.of('traces').map((span) => span.name)).toEqual(['bundled-span']);
  });
});
