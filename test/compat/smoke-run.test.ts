import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSmoke } from './lib/smoke-run.mjs';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const NODE_PACKAGE_DIR = path.join(REPO_ROOT, 'packages', 'node');

// Stand-in for @otel-provenance/node/register: it ignores the app's API calls
// and, before the process exits, posts the three records the smoke check looks
// for, shaped by FAKE_MODE, as OTLP/HTTP JSON.
const FAKE_REGISTER = `
const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
const mode = process.env.FAKE_MODE;
const resource = (instanceId) => ({
  attributes: [
    { key: 'service.name', value: { stringValue: process.env.OTEL_SERVICE_NAME } },
    { key: 'service.instance.id', value: { stringValue: instanceId } },
  ],
});
const bodies = {
  traces: { resourceSpans: [{ resource: resource('one'), scopeSpans: [{ spans: [{ name: 'compat-smoke-span' }] }] }] },
  logs: { resourceLogs: [{ resource: resource('one'), scopeLogs: [{ logRecords: [{ body: { stringValue: 'compat-smoke-log' } }] }] }] },
  metrics: { resourceMetrics: [{ resource: resource(mode === 'two-instances' ? 'two' : 'one'), scopeMetrics: [{ metrics: [{ name: 'compat.smoke.count' }] }] }] },
};
if (mode === 'empty-key') console.warn('dropping invalid resource attribute value for key "container.id"');
let sent = false;
process.on('beforeExit', async () => {
  if (sent) return;
  sent = true;
  for (const [signal, body] of Object.entries(bodies)) {
    if (mode === 'no-logs' && signal === 'logs') continue;
    await fetch(endpoint + '/v1/' + signal, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
});
`;

async function linkPackage(consumerDir: string, name: string): Promise<void> {
  // Taken from @otel-provenance/node's own dependencies in the workspace.
  const target = await realpath(path.join(NODE_PACKAGE_DIR, 'node_modules', ...name.split('/')));
  const link = path.join(consumerDir, 'node_modules', ...name.split('/'));
  await mkdir(path.dirname(link), { recursive: true });
  await symlink(target, link, 'dir');
}

describe('runSmoke', () => {
  let consumerDir: string;

  beforeAll(async () => {
    consumerDir = await mkdtemp(path.join(os.tmpdir(), 'compat-smoke-test-'));
    await cp(path.join(import.meta.dirname, 'consumer'), consumerDir, { recursive: true });
    await linkPackage(consumerDir, '@opentelemetry/api');
    await linkPackage(consumerDir, '@opentelemetry/api-logs');

    const fakeNode = path.join(consumerDir, 'node_modules', '@otel-provenance', 'node');
    await mkdir(fakeNode, { recursive: true });
    const manifest = { name: '@otel-provenance/node', exports: { './register': './register.cjs' } };
    await writeFile(path.join(fakeNode, 'package.json'), JSON.stringify(manifest));
    await writeFile(path.join(fakeNode, 'register.cjs'), FAKE_REGISTER);
  });

  afterAll(async () => {
    await rm(consumerDir, { recursive: true, force: true });
  });

  function smoke(flavor: 'esm' | 'cjs', mode: string) {
    return runSmoke({
      consumerDir,
      runtime: { nodeBin: process.execPath },
      env: { PATH: process.env.PATH ?? '', FAKE_MODE: mode },
      flavor,
      logsApi: '@opentelemetry/api-logs',
    });
  }

  it.each(['esm', 'cjs'] as const)('passes a complete %s run', async (flavor) => {
    await expect(smoke(flavor, 'complete')).resolves.toMatchObject({
      durationMs: expect.any(Number),
    });
  });

  it('names a signal that never arrived', async () => {
    await expect(smoke('esm', 'no-logs')).rejects.toThrow('logs: "compat-smoke-log" never arrived');
  });

  // The check is left out in a pod, where the pod's absent keys still warn.
  const inPod =
    process.env.KUBERNETES_SERVICE_HOST !== undefined ||
    existsSync('/var/run/secrets/kubernetes.io/serviceaccount/namespace');

  it.skipIf(inPod)('names a resource key left empty', async () => {
    await expect(smoke('esm', 'empty-key')).rejects.toThrow(
      'resource keys declared but left empty: dropping invalid resource attribute value for key "container.id"',
    );
  });

  it('rejects instance ids that differ', async () => {
    await expect(smoke('cjs', 'two-instances')).rejects.toThrow(
      'service.instance.id differs between signals: one, two',
    );
  });
});
