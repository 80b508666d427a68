import { normalizeIp } from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { envValue, firstEnvValue } from '../env-value.js';
import { readTextFile, readTextFileSync } from '../io/read-file.js';
import { findHostAddress } from '../parse/hosts.js';
import { findClusterDomain } from '../parse/resolv-conf.js';
import { warnOnce } from '../warn-once.js';
import { withinBudget } from '../within-budget.js';
import * as names from './downward-variables.js';

/** Facts a pod can learn about itself without calling the API server. */
export interface KubernetesFacts {
  inPod: boolean;
  namespace?: string;
  podName?: string;
  podUid?: string;
  nodeName?: string;
  containerName?: string;
  podIp?: string;
  nodeIp?: string;
  /** The cluster's DNS domain from resolv.conf, such as `cluster.local`; never assumed. */
  clusterDomain?: string;
  clusterName?: string;
}

export const SERVICE_ACCOUNT_NAMESPACE_FILE =
  '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

function firstLine(text: string | undefined): string | undefined {
  const line = text?.split('\n')[0]?.trim();
  return line === '' ? undefined : line;
}

function addressFromEnv(context: DetectionContext, variables: readonly string[]) {
  for (const name of variables) {
    const raw = envValue(context.env, name);
    if (raw === undefined) continue;
    const address = normalizeIp(raw);
    if (address === undefined) {
      warnOnce(
        `provenance: ${name}="${raw}" is not an IP address and is ignored; set it from the downward API (status.podIP or status.hostIP)`,
      );
      continue;
    }
    return address;
  }
  return undefined;
}

/** The signs of a pod that are known without waiting, and the namespace file they read. */
interface PodSigns {
  inPod: boolean;
  namespaceFile: string | undefined;
}

/**
 * Reports whether this process runs in a Kubernetes pod: a downward-API or
 * service variable, the service-account namespace file or the kubelet's
 * mounts. Reads synchronously, once per detector set, so the detectors name
 * their pod keys only in a pod. Never throws.
 */
export function podSigns(context: DetectionContext): PodSigns {
  return context.memo('pod-signs', () => {
    const { root, env } = context;
    const namespaceFile = readTextFileSync(root, SERVICE_ACCOUNT_NAMESPACE_FILE).text;
    const inPod =
      envValue(env, names.SERVICE_HOST_VARIABLE) !== undefined ||
      firstLine(namespaceFile) !== undefined ||
      firstEnvValue(env, names.POD_NAME_VARIABLES) !== undefined ||
      context.processFacts().mountinfo.kubelet;
    return { inPod, namespaceFile };
  });
}

async function readFacts(context: DetectionContext): Promise<KubernetesFacts> {
  const { root, env } = context;
  const { inPod, namespaceFile } = podSigns(context);
  if (!inPod) {
    return { inPod: false };
  }
  const { mountinfo, cgroup } = context.processFacts();
  const podNameFromEnv = firstEnvValue(env, names.POD_NAME_VARIABLES);

  const namespace = firstEnvValue(env, names.POD_NAMESPACE_VARIABLES) ?? firstLine(namespaceFile);
  // A pod's hostname is its name unless the pod spec sets `hostname`.
  const podName =
    podNameFromEnv ??
    envValue(env, 'HOSTNAME') ??
    firstLine(await readTextFile(root, '/etc/hostname'));

  let podIp = addressFromEnv(context, names.POD_IP_VARIABLES);
  if (podIp === undefined && podName !== undefined) {
    const hosts = await readTextFile(root, '/etc/hosts');
    podIp = hosts === undefined ? undefined : findHostAddress(hosts, podName);
  }

  const resolvConf = await readTextFile(root, '/etc/resolv.conf');
  return {
    inPod,
    namespace,
    podName,
    podUid: firstEnvValue(env, names.POD_UID_VARIABLES) ?? mountinfo.podUid ?? cgroup.podUid,
    nodeName: firstEnvValue(env, names.NODE_NAME_VARIABLES),
    containerName: firstEnvValue(env, names.CONTAINER_NAME_VARIABLES) ?? mountinfo.containerName,
    podIp,
    nodeIp: addressFromEnv(context, names.NODE_IP_VARIABLES),
    clusterDomain: resolvConf === undefined ? undefined : findClusterDomain(resolvConf, namespace),
    clusterName: envValue(env, names.CLUSTER_NAME_VARIABLE),
  };
}

/**
 * Gathers the pod's facts from downward-API variables, the service-account
 * namespace file, the hostname, `/etc/hosts`, `/etc/resolv.conf` and the
 * kubelet's mounts, with no API-server call. Outside a pod it returns
 * `{ inPod: false }`. Shared by the Kubernetes, network and service instance
 * detectors of one set. Never rejects.
 */
export function kubernetesFacts(context: DetectionContext): Promise<KubernetesFacts> {
  return context.memo('kubernetes', () =>
    withinBudget(readFacts(context), context.budgetMs, { inPod: false }),
  );
}
