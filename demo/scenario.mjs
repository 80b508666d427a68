// The demo's world: two deployments, each running in its own Kubernetes cluster. The clusters'
// pod networks reuse one address range, so both pods get the same pod IP.

/** The pod IP that both clusters hand out. */
export const SHARED_POD_IP = '10.244.1.17';

/** Invocations per deployment, run one after another in the deployment's pod. */
export const INVOCATIONS = 3;

/** How long each invocation handles requests before it exits or goes idle, in milliseconds. */
export const INVOCATION_MS = 800;

/**
 * One deployment: the package that `provenance stamp` builds in CI, and the pod that runs it.
 * The pod fields are what the kubelet gives the container: downward-API variables, the
 * variables the platform team sets per cluster, and the kubelet's own service variables.
 */
export const DEPLOYMENTS = [
  {
    packageJson: { name: 'checkout', version: '1.4.0', private: true, type: 'module' },
    ciJob: 'build-checkout',
    cluster: 'blue',
    network: 'net-blue',
    pod: {
      name: 'checkout-7d9f8b6c4-x2klm',
      namespace: 'shop',
      uid: '5b0c7e0a-3f1d-4c6e-9a2b-1d8e7f604a11',
      node: 'blue-node-1',
      nodeIp: '10.10.0.21',
      container: 'function',
    },
  },
  {
    packageJson: { name: 'ledger', version: '2.1.0', private: true, type: 'module' },
    ciJob: 'build-ledger',
    cluster: 'green',
    network: 'net-green',
    pod: {
      name: 'ledger-5c8d9e7f6-q4wrt',
      namespace: 'shop',
      uid: '9e4d2b17-6a3c-4f80-b5d1-7c2e0f9a8b33',
      node: 'green-node-3',
      nodeIp: '10.20.0.23',
      container: 'function',
    },
  },
];

/**
 * Builds the environment of one container of `deployment`'s pod: exactly the variables a pod
 * spec like examples/kubernetes/deployment.yaml sets, plus what the kubelet adds (HOSTNAME and the
 * API server's service variables), `PATH` and `HOME`. Nothing from this machine's own
 * environment leaks in, so what the detectors report comes from these values.
 */
export function podEnvironment(deployment, { otlpEndpoint, home, path }) {
  const { pod } = deployment;
  return {
    PATH: path,
    HOME: home,
    HOSTNAME: pod.name,
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
    // Downward API: metadata.name, metadata.namespace, metadata.uid, status.podIP, spec.nodeName,
    // status.hostIP.
    POD_NAME: pod.name,
    POD_NAMESPACE: pod.namespace,
    POD_UID: pod.uid,
    POD_IP: SHARED_POD_IP,
    NODE_NAME: pod.node,
    NODE_IP: pod.nodeIp,
    // Literal values in the pod spec, set per cluster by the platform team.
    K8S_CONTAINER_NAME: pod.container,
    K8S_CLUSTER_NAME: deployment.cluster,
    PROVENANCE_NETWORK_ID: deployment.network,
    PROVENANCE_NETWORK_KIND: 'k8s.cluster',
    // Pods in these clusters may not reach an instance metadata service, and the demo must
    // never send a request to one from this machine, so detection makes no network request.
    PROVENANCE_DETECT_NETWORK: 'off',
    // Deploy-time facts and the collector the cluster sends telemetry to.
    OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=production',
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
  };
}
