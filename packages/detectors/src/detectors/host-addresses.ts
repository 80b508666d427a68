import { networkInterfaces } from 'node:os';
import { diag } from '@opentelemetry/api';
import { normalizeIp } from '@otel-provenance/core';
import type { NetworkInterfacesLike } from '../options.js';
import { isRoutableIp } from '../parse/routable-ip.js';

/**
 * Lists the host's own addresses for `host.ip`: every interface address that
 * is not internal, loopback or link-local, IPv6 in RFC 5952 form and
 * IPv4-mapped IPv6 as IPv4 (both by `normalizeIp`), without
 * duplicates, in the order the interfaces are listed. Returns an empty list
 * when the interfaces cannot be read. Never throws.
 */
export function hostAddresses(list: NetworkInterfacesLike = networkInterfaces): string[] {
  let interfaces: ReturnType<NetworkInterfacesLike>;
  try {
    interfaces = list();
  } catch (error) {
    diag.debug(`provenance: network interfaces not read: ${String(error)}`);
    return [];
  }

  const addresses = new Set<string>();
  for (const entries of Object.values(interfaces ?? {})) {
    for (const entry of entries ?? []) {
      if (entry === null || typeof entry !== 'object' || entry.internal === true) continue;
      const address = typeof entry.address === 'string' ? normalizeIp(entry.address) : undefined;
      if (address !== undefined && isRoutableIp(address)) {
        addresses.add(address);
      }
    }
  }
  return [...addresses];
}
