import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { settleDetector } from '../src/detector.js';
import { networkDetector } from '../src/detectors/network-detector.js';
import { captureDiag } from './support/capture-diag.js';
import { makeRoot } from './support/temp-root.js';

function address(value: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const common = { address: value, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

const INTERFACES = () => ({
  lo: [address('127.0.0.1', 'IPv4', true), address('::1', 'IPv6', true)],
  eth0: [
    address('10.24.6.117', 'IPv4'),
    address('2001:0db8:0000:0000:0000:0000:0000:0017', 'IPv6'),
    address('fe80::a00:27ff:fe4e:66a1', 'IPv6'),
  ],
  docker0: [address('169.254.3.1', 'IPv4'), address('10.24.6.117', 'IPv4')],
});

const POD_ENV = {
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  POD_NAMESPACE: 'payments',
  POD_NAME: 'ledger-api-0',
  POD_IP: '10.42.3.27',
  HOST_IP: '10.0.1.17',
};
const RESOLV = {
  '/etc/resolv.conf': 'search payments.svc.cluster.local svc.cluster.local cluster.local\n',
};

async function detect(options: Parameters<typeof networkDetector>[0]) {
  return settleDetector(networkDetector({ networkInterfaces: () => ({}), ...options }));
}

describe('networkDetector', () => {
  const diag = captureDiag();

  it('lists routable host addresses in RFC 5952 form', async () => {
    const attributes = await detect({
      env: {},
      root: await makeRoot(),
      networkInterfaces: INTERFACES,
    });

    expect(attributes['host.ip']).toEqual(['10.24.6.117', '2001:db8::17']);
  });

  it('lists IPv4-mapped addresses as IPv4', async () => {
    const attributes = await detect({
      env: { ...POD_ENV, POD_IP: '::ffff:10.42.3.27' },
      root: await makeRoot(),
      networkInterfaces: () => ({
        eth0: [address('::ffff:10.24.6.118', 'IPv6'), address('10.24.6.118', 'IPv4')],
      }),
    });

    expect(attributes['host.ip']).toEqual(['10.24.6.118']);
    expect(attributes['k8s.pod.ip']).toBe('10.42.3.27');
  });

  it('survives interfaces that cannot be listed', async () => {
    const failing = () => {
      throw new Error('uv_interface_addresses failed');
    };

    const attributes = await detect({
      env: {},
      root: await makeRoot(),
      networkInterfaces: failing,
    });

    expect(attributes).toEqual({});
  });

  it('names the pod by its A record', async () => {
    const attributes = await detect({ env: POD_ENV, root: await makeRoot(RESOLV) });

    expect(attributes).toMatchObject({
      'k8s.pod.ip': '10.42.3.27',
      'provenance.dns.name': '10-42-3-27.payments.pod.cluster.local',
      'provenance.host_network': false,
    });
  });

  it('marks host networking and gives no pod DNS name', async () => {
    const env = { ...POD_ENV, POD_IP: '10.0.1.17' };

    const attributes = await detect({ env, root: await makeRoot(RESOLV) });

    expect(attributes['provenance.host_network']).toBe(true);
    expect(attributes).not.toHaveProperty('provenance.dns.name');
  });

  it('finds the pod address in /etc/hosts', async () => {
    const root = await makeRoot({
      ...RESOLV,
      '/etc/hosts': '127.0.0.1 localhost\n10.42.9.8 ledger-api-0\n',
    });
    const { POD_IP: _, ...env } = POD_ENV;

    const attributes = await detect({ env, root });

    expect(attributes['k8s.pod.ip']).toBe('10.42.9.8');
  });

  it('never guesses a network id from the cluster domain', async () => {
    const attributes = await detect({ env: POD_ENV, root: await makeRoot(RESOLV) });

    expect(attributes).not.toHaveProperty('provenance.network.id');
    expect(attributes).not.toHaveProperty('provenance.network.kind');
  });

  it('takes the network id from the cluster name', async () => {
    const env = { ...POD_ENV, K8S_CLUSTER_NAME: 'prod-eu-1' };

    const attributes = await detect({ env, root: await makeRoot(RESOLV) });

    expect(attributes['provenance.network.id']).toBe('prod-eu-1');
    expect(attributes['provenance.network.kind']).toBe('k8s.cluster');
  });

  it('prefers the cluster name from OTEL_RESOURCE_ATTRIBUTES', async () => {
    const env = {
      ...POD_ENV,
      K8S_CLUSTER_NAME: 'from-var',
      OTEL_RESOURCE_ATTRIBUTES: 'k8s.cluster.name=from-otel',
    };

    const attributes = await detect({ env, root: await makeRoot(RESOLV) });

    expect(attributes['provenance.network.id']).toBe('from-otel');
  });

  it('takes the cluster name from the manifest', async () => {
    const manifest = JSON.stringify({
      schemaVersion: 1,
      createdAt: '2026-12-04T10:00:00Z',
      attributes: { 'k8s.cluster.name': 'from-manifest' },
    });
    const root = await makeRoot({ ...RESOLV, '/app/provenance.json': manifest });

    const attributes = await detect({
      env: { ...POD_ENV, K8S_CLUSTER_NAME: 'from-var' },
      root,
      cwd: '/app',
    });

    expect(attributes['provenance.network.id']).toBe('from-manifest');
  });

  it('lets PROVENANCE_NETWORK_ID outrank the cluster', async () => {
    const env = {
      ...POD_ENV,
      K8S_CLUSTER_NAME: 'prod-eu-1',
      PROVENANCE_NETWORK_ID: 'vpc-0a7c3e91b5d24f608',
      PROVENANCE_NETWORK_KIND: 'aws.vpc',
    };

    const attributes = await detect({ env, root: await makeRoot(RESOLV) });

    expect(attributes['provenance.network.id']).toBe('vpc-0a7c3e91b5d24f608');
    expect(attributes['provenance.network.kind']).toBe('aws.vpc');
  });

  it('warns about an invalid kind and uses custom', async () => {
    const env = { PROVENANCE_NETWORK_ID: 'lab-7', PROVENANCE_NETWORK_KIND: 'vlan' };

    const attributes = await detect({ env, root: await makeRoot() });

    expect(attributes['provenance.network.kind']).toBe('custom');
    expect(diag.warn).toHaveLength(1);
    expect(diag.warn[0]).toContain('PROVENANCE_NETWORK_KIND="vlan" is invalid');
  });

  it('warns about a pod IP variable that is no address', async () => {
    const env = { ...POD_ENV, POD_IP: '$(POD_IP)' };

    const attributes = await detect({ env, root: await makeRoot(RESOLV) });

    expect(attributes).not.toHaveProperty('k8s.pod.ip');
    expect(diag.warn[0]).toContain('POD_IP="$(POD_IP)" is not an IP address');
  });
});
