import type { Lease } from './lease-types.js';

/** The result of "who had this address at this time", in the shape `provenance whois` prints. */
export interface WhoisAnswer {
  ip: string;
  network: string | null;
  at: string;
  candidates: WhoisCandidate[];
  ambiguous: boolean;
}

/** One lease that covers the time asked. */
export interface WhoisCandidate {
  network: string;
  'service.name': string | null;
  'service.version': string | null;
  'deployment.id': string | null;
  'service.instance.id': string | null;
  from: string;
  to: string | null;
  source: Lease['source'];
  networkResolution: Lease['networkResolution'];
  reportedBy: Lease['reporters'];
}

/** One lease as the leases listing returns it: a whois candidate with its address. */
export interface LeaseRecord extends WhoisCandidate {
  address: string;
}

/** Formats a lease for the leases listing. */
export function toLeaseRecord(lease: Lease): LeaseRecord {
  return { address: lease.address, ...toCandidate(lease) };
}

/** Returns true when the lease covers `atMs`; an open lease covers every time from its start. */
export function leaseCovers(lease: Lease, atMs: number): boolean {
  return lease.fromMs <= atMs && (lease.toMs === null || atMs < lease.toMs);
}

/** Formats a lease as a `whois` candidate. */
export function toCandidate(lease: Lease): WhoisCandidate {
  return {
    network: lease.network,
    'service.name': lease.asset.serviceName,
    'service.version': lease.asset.serviceVersion,
    'deployment.id': lease.asset.deploymentId,
    'service.instance.id': lease.asset.instanceId,
    from: new Date(lease.fromMs).toISOString(),
    to: lease.toMs === null ? null : new Date(lease.toMs).toISOString(),
    source: lease.source,
    networkResolution: lease.networkResolution,
    reportedBy: lease.reporters,
  };
}

/**
 * Keeps every lease that covers `atMs`. The result is ambiguous when more than
 * one asset or more than one network fits, or when a network came from
 * overlapping registered ranges.
 */
export function answerWhois(
  ip: string,
  network: string | null,
  atMs: number,
  leases: readonly Lease[],
): WhoisAnswer {
  const covering = leases.filter((lease) => leaseCovers(lease, atMs));
  const owners = new Set(
    covering.map((lease) =>
      [
        lease.network,
        lease.asset.serviceName,
        lease.asset.serviceVersion,
        lease.asset.deploymentId,
        lease.asset.instanceId,
      ].join('\u0000'),
    ),
  );
  const ambiguous =
    owners.size > 1 || covering.some((lease) => lease.networkResolution === 'ambiguous');
  return {
    ip,
    network,
    at: new Date(atMs).toISOString(),
    candidates: covering.map(toCandidate),
    ambiguous,
  };
}
