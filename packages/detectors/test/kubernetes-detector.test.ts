import { describe, expect, it } from 'vitest';
import { settleDetector } from '../src/detector.js';
import { kubernetesDetector } from '../src/detectors/kubernetes-detector.js';
import { captureDiag } from './support/capture-diag.js';
import { makeRoot } from './support/temp-root.js';

const UID = '28505313-4750-4f66-9e91-4e64323b2bb3';

describe('kubernetesDetector', () => {
  const diag = captureDiag();

  it('reads the pod from files when no downward variables exist', async () => {
    const root = await makeRoot({
      '/etc/hostname': 'ledger-api-7c9d8f6b5-x2kqp\n',
      '/var/run/secrets/kubernetes.io/serviceaccount/namespace': 'payments',
      '/proc/self/mountinfo': `1374 1367 259:1 /var/lib/kubelet/pods/${UID}/containers/app/6dcde30a /dev/termination-log rw - ext4 /dev/sda1 rw\n`,
    });

    const attributes = await settleDetector(kubernetesDetector({ env: {}, root }));

    expect(attributes).toEqual({
      'k8s.namespace.name': 'payments',
      'k8s.pod.name': 'ledger-api-7c9d8f6b5-x2kqp',
      'k8s.pod.uid': UID,
      'k8s.container.name': 'app',
    });
  });

  it('prefers the Operator variables to files', async () => {
    const root = await makeRoot({ '/etc/hostname': 'custom-hostname' });
    const env = {
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      OTEL_RESOURCE_ATTRIBUTES_POD_NAME: 'web-5d9c7-abcde',
      OTEL_RESOURCE_ATTRIBUTES_NODE_NAME: 'worker-a-03',
      OTEL_RESOURCE_ATTRIBUTES_POD_UID: UID,
      POD_NAMESPACE: 'shop',
      K8S_CLUSTER_NAME: 'prod-eu-1',
    };

    const attributes = await settleDetector(kubernetesDetector({ env, root }));

    expect(attributes).toEqual({
      'k8s.namespace.name': 'shop',
      'k8s.pod.name': 'web-5d9c7-abcde',
      'k8s.pod.uid': UID,
      'k8s.node.name': 'worker-a-03',
      'k8s.cluster.name': 'prod-eu-1',
    });
  });

  it('reads the pod uid from a systemd cgroup path', async () => {
    const root = await makeRoot({
      '/proc/self/cgroup': `0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${UID.replaceAll('-', '_')}.slice/cri-containerd-${'d'.repeat(64)}.scope\n`,
    });
    const env = { KUBERNETES_SERVICE_HOST: '10.96.0.1', HOSTNAME: 'web-0' };

    const attributes = await settleDetector(kubernetesDetector({ env, root }));

    expect(attributes['k8s.pod.uid']).toBe(UID);
  });

  it('gives nothing outside a pod even with HOSTNAME set', async () => {
    const root = await makeRoot({ '/etc/hostname': 'builder-7' });

    const attributes = await settleDetector(
      kubernetesDetector({ env: { HOSTNAME: '835c808578d6' }, root }),
    );

    expect(attributes).toEqual({});
    expect(diag.warn).toEqual([]);
  });
});
