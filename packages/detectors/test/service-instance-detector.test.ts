import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { settleDetector } from '../src/detector.js';
import { serviceInstanceDetector } from '../src/detectors/service-instance-detector.js';
import { provenanceDetectors } from '../src/provenance-detectors.js';
import { makeRoot } from './support/temp-root.js';

// An independent UUIDv5 (RFC 9562 section 5.5) so the test does not trust
// the code under test's own derivation.
function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const K8S_NAMESPACE = '4d63009a-8d0f-11ee-aad7-4c796ed8e320';
const POD_ENV = {
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  POD_NAMESPACE: 'payments',
  POD_NAME: 'ledger-api-7c9d8f6b5-x2kqp',
  K8S_CONTAINER_NAME: 'app',
};

async function instanceId(options: Parameters<typeof serviceInstanceDetector>[0]) {
  const attributes = await settleDetector(serviceInstanceDetector(options));
  return attributes['service.instance.id'];
}

describe('serviceInstanceDetector', () => {
  it('keeps the value from OTEL_RESOURCE_ATTRIBUTES', async () => {
    const env = { ...POD_ENV, OTEL_RESOURCE_ATTRIBUTES: 'service.instance.id=operator-given-1' };

    expect(await instanceId({ env, root: await makeRoot() })).toBe('operator-given-1');
  });

  it.each(['service.instance.id=', 'service.instance.id=%20'])(
    'ignores a blank value in %s',
    async (value) => {
      const env = { ...POD_ENV, OTEL_RESOURCE_ATTRIBUTES: value };

      const id = await instanceId({ env, root: await makeRoot() });

      expect(id).toBe(uuidV5('payments.ledger-api-7c9d8f6b5-x2kqp.app', K8S_NAMESPACE));
    },
  );

  it('ignores a blank pod name from OTEL_RESOURCE_ATTRIBUTES', async () => {
    const env = { ...POD_ENV, OTEL_RESOURCE_ATTRIBUTES: 'k8s.pod.name=' };

    const id = await instanceId({ env, root: await makeRoot() });

    expect(id).toBe(uuidV5('payments.ledger-api-7c9d8f6b5-x2kqp.app', K8S_NAMESPACE));
  });

  it('derives the UUIDv5 of namespace, pod and container', async () => {
    const id = await instanceId({ env: POD_ENV, root: await makeRoot() });

    expect(id).toBe(uuidV5('payments.ledger-api-7c9d8f6b5-x2kqp.app', K8S_NAMESPACE));
  });

  it('appends the cluster worker id', async () => {
    const id = await instanceId({ env: POD_ENV, root: await makeRoot(), workerId: 3 });

    expect(id).toBe(uuidV5('payments.ledger-api-7c9d8f6b5-x2kqp.app.3', K8S_NAMESPACE));
  });

  it('reads the container name from the kubelet mounts', async () => {
    const uid = '28505313-4750-4f66-9e91-4e64323b2bb3';
    const root = await makeRoot({
      '/proc/self/mountinfo': `1375 1369 259:1 /var/lib/kubelet/pods/${uid}/containers/worker/6dcde30a /dev/termination-log rw - ext4 /dev/sda1 rw\n`,
      '/var/run/secrets/kubernetes.io/serviceaccount/namespace': 'batch',
    });
    const env = { HOSTNAME: 'reconcile-29xkq' };

    expect(await instanceId({ env, root })).toBe(
      uuidV5('batch.reconcile-29xkq.worker', K8S_NAMESPACE),
    );
  });

  it('uses names from OTEL_RESOURCE_ATTRIBUTES in a pod', async () => {
    const env = { ...POD_ENV, OTEL_RESOURCE_ATTRIBUTES: 'k8s.container.name=sidecar' };

    const id = await instanceId({ env, root: await makeRoot() });

    expect(id).toBe(uuidV5('payments.ledger-api-7c9d8f6b5-x2kqp.sidecar', K8S_NAMESPACE));
  });

  it('shares one random UUID across detector sets off Kubernetes', async () => {
    const root = await makeRoot();

    const first = await instanceId({ env: {}, root });
    const second = await instanceId({ env: { HOSTNAME: 'laptop' }, root: await makeRoot() });
    const fromSet = await Promise.all(provenanceDetectors({ env: {}, root }).map(settleDetector));

    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toBe(first);
    expect(fromSet.find((a) => a['service.instance.id'])?.['service.instance.id']).toBe(first);
  });

  it('falls back to the random UUID when the container name is unknown', async () => {
    const env = {
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      POD_NAMESPACE: 'payments',
      POD_NAME: 'web-0',
    };

    const inPod = await instanceId({ env, root: await makeRoot() });
    const offPod = await instanceId({ env: {}, root: await makeRoot() });

    expect(inPod).toBe(offPod);
  });

  it('appends each worker id in a real cluster', async () => {
    const child = fileURLToPath(new URL('./support/cluster-child.cjs', import.meta.url));
    const dist = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));

    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [child, dist], { timeout: 20_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });

    expect(JSON.parse(output)).toEqual({
      '1': uuidV5('payments.ledger-api-0.app.1', K8S_NAMESPACE),
      '2': uuidV5('payments.ledger-api-0.app.2', K8S_NAMESPACE),
    });
  });

  it('shares the random UUID between the ESM and CommonJS builds', async () => {
    const dist = fileURLToPath(new URL('../dist/', import.meta.url));
    const commonJs = createRequire(import.meta.url)(`${dist}index.cjs`);
    const esm = await import(pathToFileURL(`${dist}index.mjs`).href);

    const fromCommonJs = await settleDetector(
      commonJs.serviceInstanceDetector({ env: {}, root: dist }),
    );
    const fromEsm = await settleDetector(esm.serviceInstanceDetector({ env: {}, root: dist }));
    const fromSource = await instanceId({ env: {}, root: dist });

    expect(fromCommonJs['service.instance.id']).toBe(fromSource);
    expect(fromEsm['service.instance.id']).toBe(fromSource);
  });
});
