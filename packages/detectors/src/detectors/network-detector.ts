import { ATTR_K8S_CLUSTER_NAME, ATTR_K8S_POD_IP } from '@opentelemetry/semantic-conventions';
import {
  ATTR_HOST_IP,
  ATTR_PROVENANCE_DNS_NAME,
  ATTR_PROVENANCE_HOST_NETWORK,
  ATTR_PROVENANCE_NETWORK_ID,
  ATTR_PROVENANCE_NETWORK_KIND,
} from '@otel-provenance/core';
import {
  type ContextOptions,
  createDetectionContext,
  type DetectionContext,
} from '../detection-context.js';
import { deferredAttributes, immediateAttributes, type ProvenanceDetector } from '../detector.js';
import { type KubernetesFacts, kubernetesFacts, podSigns } from '../kubernetes/kubernetes-facts.js';
import type { NetworkInterfacesLike } from '../options.js';
import { resourceAttributesFromEnv } from './environment-detector.js';
import { hostAddresses } from './host-addresses.js';
import { loadManifest } from './manifest-detector.js';

/** Options of the network detector. */
export interface NetworkDetectorOptions extends ContextOptions {
  /** Lists the host's interfaces. Default: `os.networkInterfaces`. */
  networkInterfaces?: NetworkInterfacesLike;
}

const KEYS = [
  ATTR_K8S_POD_IP,
  ATTR_PROVENANCE_DNS_NAME,
  ATTR_PROVENANCE_HOST_NETWORK,
  ATTR_PROVENANCE_NETWORK_ID,
  ATTR_PROVENANCE_NETWORK_KIND,
] as const;

// The cluster's name, most specific source first. The cluster domain is no
// substitute: it is `cluster.local` in almost every cluster.
function clusterName(context: DetectionContext, facts: KubernetesFacts): string | undefined {
  const fromEnv = resourceAttributesFromEnv(context)[ATTR_K8S_CLUSTER_NAME];
  const fromManifest = loadManifest(context)[ATTR_K8S_CLUSTER_NAME];
  return (
    fromEnv ?? (typeof fromManifest === 'string' ? fromManifest : undefined) ?? facts.clusterName
  );
}

function networkIdentity(context: DetectionContext, facts: KubernetesFacts) {
  if (context.networkId !== undefined) {
    return { id: context.networkId, kind: context.networkKind ?? 'custom' };
  }
  const cluster = facts.inPod ? clusterName(context, facts) : undefined;
  return cluster === undefined ? undefined : { id: cluster, kind: 'k8s.cluster' };
}

const NOT_IN_POD: KubernetesFacts = { inPod: false };

function networkAttributes(network: { id: string; kind: string } | undefined) {
  return {
    [ATTR_PROVENANCE_NETWORK_ID]: network?.id,
    [ATTR_PROVENANCE_NETWORK_KIND]: network?.kind,
  };
}

function podNetwork(facts: KubernetesFacts) {
  if (!facts.inPod || facts.podIp === undefined) {
    return {};
  }
  const hostNetwork = facts.nodeIp === undefined ? undefined : facts.podIp === facts.nodeIp;

  // The pod A record `<ip-with-dashes>.<namespace>.pod.<cluster domain>`
  // names this pod only when the address is its own, and exists for IPv4.
  const canName =
    hostNetwork !== true && !facts.podIp.includes(':') && facts.namespace !== undefined;
  const dnsName =
    canName && facts.clusterDomain !== undefined
      ? `${facts.podIp.replaceAll('.', '-')}.${facts.namespace}.pod.${facts.clusterDomain}`
      : undefined;

  return {
    [ATTR_K8S_POD_IP]: facts.podIp,
    [ATTR_PROVENANCE_HOST_NETWORK]: hostNetwork,
    [ATTR_PROVENANCE_DNS_NAME]: dnsName,
  };
}

/**
 * Detects where the asset sits on the network. `host.ip` lists the
 * interfaces' own addresses, and in a pod `k8s.pod.ip`, `provenance.dns.name`
 * and `provenance.host_network` describe the pod's address. The network id
 * and kind come from `PROVENANCE_NETWORK_ID` and `PROVENANCE_NETWORK_KIND`
 * (`custom` when the kind is unset or invalid), else in a pod from
 * `k8s.cluster.name` with the kind `k8s.cluster`. Makes no network request.
 * Never rejects.
 */
export function networkDetector(
  options: NetworkDetectorOptions = {},
  context = createDetectionContext(options),
): ProvenanceDetector {
  return {
    name: 'network',
    detect: () => {
      const addresses = hostAddresses(options.networkInterfaces);
      // Outside a pod only the variables name a network, so nothing is pending.
      const rest = podSigns(context).inPod
        ? deferredAttributes(
            'network',
            KEYS,
            kubernetesFacts(context).then((facts) => ({
              ...podNetwork(facts),
              ...networkAttributes(networkIdentity(context, facts)),
            })),
          )
        : immediateAttributes('network', networkAttributes(networkIdentity(context, NOT_IN_POD)));
      return {
        attributes: addresses.length > 0 ? { [ATTR_HOST_IP]: addresses, ...rest } : rest,
      };
    },
  };
}
