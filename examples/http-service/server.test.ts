import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../test/support/otlp-receiver.js';

const EXAMPLE = fileURLToPath(new URL('./', import.meta.url));
const PROVENANCE_BIN = fileURLToPath(
  new URL('../../packages/cli/bin/provenance.cjs', import.meta.url),
);

// Writes a manifest as `provenance stamp` would in CI, for the service started below.
async function stampManifest(directory: string): Promise<Record<string, string>> {
  await writeFile(
    join(directory, 'package.json'),
    JSON.stringify({ name: 'greeting-service', version: '3.2.1' }),
  );
  execFileSync(process.execPath, [PROVENANCE_BIN, 'stamp', '--out', 'provenance.json'], {
    cwd: directory,
    env: { PATH: process.env.PATH ?? '', HOME: directory, PROVENANCE_CICD_PIPELINE_RUN_ID: '77' },
  });
  const manifest = JSON.parse(await readFile(join(directory, 'provenance.json'), 'utf8'));
  return manifest.attributes;
}

function startService(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', '@otel-provenance/node/register', 'server.mjs'],
    { cwd: EXAMPLE, env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server.mjs exited with ${code}`)));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      const match = /listening on ([\d.]+:\d+)/.exec(text);
      if (match) {
        resolve({ child, url: `http://${match[1]}` });
      }
    });
  });
}

describe('HTTP service example', () => {
  let receiver: OtlpReceiver;
  let directory: string;

  beforeEach(async () => {
    receiver = await OtlpReceiver.start();
    directory = await mkdtemp(join(tmpdir(), 'provenance-http-'));
  });

  afterEach(async () => {
    await receiver.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('carries the manifest until SIGTERM', async () => {
    const manifest = await stampManifest(directory);
    const { child, url } = await startService({
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      PROVENANCE_MANIFEST: join(directory, 'provenance.json'),
      PROVENANCE_DETECT_NETWORK: 'off',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    });

    for (const path of ['/a', '/b']) {
      const response = await fetch(`${url}${path}`);
      expect(await response.text()).toBe('hello\n');
    }
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');

    const spans = receiver.of('traces');
    expect(spans.map((span) => span.name).sort()).toEqual(['GET /a', 'GET /b']);
    for (const span of spans) {
      expect(span.resource['deployment.id']).toBe(manifest['deployment.id']);
      expect(span.resource['service.version']).toBe('3.2.1');
      expect(span.resource['cicd.pipeline.run.id']).toBe('77');
    }
    const logs = receiver.of('logs').filter((record) => record.eventName === undefined);
    expect(logs).toHaveLength(2);
  });
});
