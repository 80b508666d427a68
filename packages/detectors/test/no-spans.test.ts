import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeRoot } from './support/temp-root.js';

const CHILD = fileURLToPath(new URL('./support/no-spans-child.cjs', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
const UID = '28505313-4750-4f66-9e91-4e64323b2bb3';

interface ChildResult {
  control: string[];
  controlScopes: string[];
  detection: string[];
  metadataRequests: number;
  reportAccount?: string;
  resourceAccount?: string;
}

function run(root: string): Promise<ChildResult> {
  if (!existsSync(DIST)) {
    throw new Error(`${DIST} is missing; run \`pnpm build\` before this test`);
  }
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CHILD, DIST, root],
      { timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

describe('detection under the fs, net, http and undici instrumentations', () => {
  it('creates no spans of its own', async () => {
    const root = await makeRoot({
      '/proc/self/cgroup': `0::/system.slice/docker-${'e'.repeat(64)}.scope\n`,
      '/proc/self/mountinfo': `1 0 0:1 /var/lib/kubelet/pods/${UID}/containers/app/1 /dev/termination-log rw - ext4 x rw\n`,
      '/etc/hosts': '10.42.3.27 web-0\n',
      '/etc/resolv.conf': 'search ns.svc.cluster.local\n',
      '/app/package.json': '{"name": "web", "version": "1.0.0"}',
      '/app/provenance.json':
        '{"schemaVersion": 1, "createdAt": "2026-12-04T10:00:00Z", "attributes": {}}',
    });

    const result = await run(root);

    expect(result.control).toEqual(
      expect.arrayContaining(['fs readFileSync', 'fs readFile', 'GET']),
    );
    expect(result.controlScopes).toEqual(
      expect.arrayContaining([
        '@opentelemetry/instrumentation-http',
        '@opentelemetry/instrumentation-undici',
      ]),
    );
    expect(result.metadataRequests).toBeGreaterThanOrEqual(4);
    expect(result.reportAccount).toBe('111122223333');
    expect(result.resourceAccount).toBe('111122223333');
    expect(result.detection).toEqual([]);
  });
});
