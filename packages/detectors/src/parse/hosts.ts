import { normalizeIp } from '@otel-provenance/core';
import { isRoutableIp } from './routable-ip.js';

/**
 * Finds the address of `hostname` in an `/etc/hosts` text: the first line
 * whose names include it (case-insensitive) and whose address is neither
 * loopback nor link-local. The kubelet writes such a line for the pod's own
 * name. Returns `undefined` when there is none. Never throws.
 */
export function findHostAddress(text: string, hostname: string): string | undefined {
  const wanted = hostname.toLowerCase();

  for (const line of text.split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (address === undefined || address === '' || names.length === 0) {
      continue;
    }
    if (!names.some((name) => name.toLowerCase() === wanted)) {
      continue;
    }

    const normalized = normalizeIp(address);
    if (normalized !== undefined && isRoutableIp(normalized)) {
      return normalized;
    }
  }
  return undefined;
}
