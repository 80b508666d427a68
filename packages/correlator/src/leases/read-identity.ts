import {
  ATTR_DEPLOYMENT_ID,
  ATTR_PROVENANCE_HOST_NETWORK,
  ATTR_PROVENANCE_NETWORK_ID,
  type OtlpValue,
} from '@otel-provenance/core';
import { normalizeAddress } from './ip-address.js';
import type { Asset } from './lease-types.js';

type AttributeMap = Record<string, OtlpValue>;

/** The asset, addresses and network a resource reports about itself. */
export interface ResourceIdentity {
  asset: Asset;
  addresses: string[];
  network: string | undefined;
}

/**
 * Reads identity from resource attributes: the asset keys, `host.ip` (array or
 * string) and `k8s.pod.ip` as addresses, and `provenance.network.id`. Addresses
 * that do not parse are left out. A pod with `provenance.host_network` true
 * shares its node's address, so its `k8s.pod.ip` is not its own and is left out.
 */
export function readResourceIdentity(attributes: AttributeMap): ResourceIdentity {
  const asset: Asset = {
    serviceName: stringOrNull(attributes['service.name']),
    serviceVersion: stringOrNull(attributes['service.version']),
    deploymentId: stringOrNull(attributes[ATTR_DEPLOYMENT_ID]),
    instanceId: stringOrNull(attributes['service.instance.id']),
  };

  const candidates: OtlpValue[] = [];
  const hostIp = attributes['host.ip'];
  if (Array.isArray(hostIp)) {
    candidates.push(...hostIp);
  } else {
    candidates.push(hostIp);
  }
  const hostNetwork = attributes[ATTR_PROVENANCE_HOST_NETWORK];
  if (hostNetwork !== true && hostNetwork !== 'true') {
    candidates.push(attributes['k8s.pod.ip']);
  }

  const addresses = new Set<string>();
  for (const candidate of candidates) {
    const normalized = typeof candidate === 'string' ? normalizeAddress(candidate) : undefined;
    if (normalized !== undefined) {
      addresses.add(normalized);
    }
  }

  const network = stringOrNull(attributes[ATTR_PROVENANCE_NETWORK_ID]) ?? undefined;
  return { asset, addresses: [...addresses], network };
}

function stringOrNull(value: OtlpValue): string | null {
  if (typeof value === 'string' && value !== '') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return null;
}
