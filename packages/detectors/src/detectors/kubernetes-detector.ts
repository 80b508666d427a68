import {
  ATTR_K8S_CLUSTER_NAME,
  ATTR_K8S_CONTAINER_NAME,
  ATTR_K8S_NAMESPACE_NAME,
  ATTR_K8S_NODE_NAME,
  ATTR_K8S_POD_NAME,
  ATTR_K8S_POD_UID,
} from '@opentelemetry/semantic-conventions';
import { type ContextOptions, createDetectionContext } from '../detection-context.js';
import { deferredAttributes, type ProvenanceDetector } from '../detector.js';
import { kubernetesFacts, podSigns } from '../kubernetes/kubernetes-facts.js';

const KEYS = [
  ATTR_K8S_NAMESPACE_NAME,
  ATTR_K8S_POD_NAME,
  ATTR_K8S_POD_UID,
  ATTR_K8S_NODE_NAME,
  ATTR_K8S_CONTAINER_NAME,
  ATTR_K8S_CLUSTER_NAME,
] as const;

/**
 * Detects the pod's identity (`k8s.namespace.name`, `k8s.pod.name`,
 * `k8s.pod.uid`, `k8s.node.name`, `k8s.container.name`, and
 * `k8s.cluster.name` from `K8S_CLUSTER_NAME`) without any API-server call
 * or RBAC. Gives nothing outside a pod; the pod's addresses are the network
 * detector's. Never rejects.
 */
export function kubernetesDetector(
  options: ContextOptions = {},
  context = createDetectionContext(options),
): ProvenanceDetector {
  return {
    name: 'kubernetes',
    detect: () => {
      // Outside a pod no key is named, so none settles empty.
      if (!podSigns(context).inPod) {
        return { attributes: {} };
      }
      return {
        attributes: deferredAttributes(
          'kubernetes',
          KEYS,
          kubernetesFacts(context).then((facts) =>
            facts.inPod
              ? {
                  [ATTR_K8S_NAMESPACE_NAME]: facts.namespace,
                  [ATTR_K8S_POD_NAME]: facts.podName,
                  [ATTR_K8S_POD_UID]: facts.podUid,
                  [ATTR_K8S_NODE_NAME]: facts.nodeName,
                  [ATTR_K8S_CONTAINER_NAME]: facts.containerName,
                  [ATTR_K8S_CLUSTER_NAME]: facts.clusterName,
                }
              : {},
          ),
        ),
      };
    },
  };
}
