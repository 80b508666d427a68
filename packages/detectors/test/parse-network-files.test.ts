import { describe, expect, it } from 'vitest';
import { findHostAddress } from '../src/parse/hosts.js';
import { findClusterDomain } from '../src/parse/resolv-conf.js';

// The hosts file the kubelet writes for a pod that does not use the host's network.
const KUBELET_HOSTS = [
  '# Kubernetes-managed hosts file.',
  '127.0.0.1\tlocalhost',
  '::1\tlocalhost ip6-localhost ip6-loopback',
  'fe00::0\tip6-localnet',
  '10.42.3.27\tledger-api-7c9d8f6b5-x2kqp',
  '',
].join('\n');

describe('findHostAddress', () => {
  it('finds the pod entry when the kubelet wrote one', () => {
    expect(findHostAddress(KUBELET_HOSTS, 'ledger-api-7c9d8f6b5-x2kqp')).toBe('10.42.3.27');
  });

  it('matches names case-insensitively', () => {
    expect(findHostAddress(KUBELET_HOSTS, 'Ledger-API-7c9d8f6b5-x2kqp')).toBe('10.42.3.27');
  });

  it('skips loopback entries for the name', () => {
    const text = '127.0.1.1 web-0\n::1 web-0\n';

    expect(findHostAddress(text, 'web-0')).toBeUndefined();
  });

  it('ignores names in comments', () => {
    expect(findHostAddress('# 10.1.2.3 web-0\n', 'web-0')).toBeUndefined();
  });
});

describe('findClusterDomain', () => {
  it('reads the domain after the namespace search entry', () => {
    const text =
      'search payments.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\n';

    expect(findClusterDomain(text, 'payments')).toBe('cluster.local');
  });

  it('reads a custom domain without the namespace', () => {
    const text = 'search svc.prod.example.com prod.example.com\n';

    expect(findClusterDomain(text)).toBe('prod.example.com');
  });

  it('uses the last search line as the resolver does', () => {
    const text = 'search ns.svc.old.example\nsearch ns.svc.new.example\n';

    expect(findClusterDomain(text, 'ns')).toBe('new.example');
  });

  it('assumes no domain for a host resolv.conf', () => {
    const text = 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch example.com\n';

    expect(findClusterDomain(text, 'payments')).toBeUndefined();
  });
});
