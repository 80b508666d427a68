// A DNS domain: dot-separated labels of letters, digits and hyphens.
const DOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Finds the cluster domain in a pod's `/etc/resolv.conf`. The kubelet writes
 * `search <namespace>.svc.<domain> svc.<domain> <domain>` for pods that use
 * cluster DNS, so the domain is what follows `<namespace>.svc.`, or `svc.`
 * when the namespace is unknown. The last `search` line counts, as in the
 * resolver. Returns `undefined` when no entry has that shape, instead of
 * assuming `cluster.local`. Never throws.
 */
export function findClusterDomain(text: string, namespace?: string): string | undefined {
  let entries: string[] = [];
  for (const line of text.split('\n')) {
    const [keyword, ...rest] = line.trim().split(/\s+/);
    if (keyword === 'search') {
      entries = rest.map((entry) => entry.toLowerCase().replace(/\.$/, ''));
    }
  }

  const prefixes = namespace === undefined ? ['svc.'] : [`${namespace.toLowerCase()}.svc.`, 'svc.'];
  for (const prefix of prefixes) {
    const entry = entries.find((candidate) => candidate.startsWith(prefix));
    const domain = entry?.slice(prefix.length);
    if (domain !== undefined && DOMAIN.test(domain)) {
      return domain;
    }
  }
  return undefined;
}
