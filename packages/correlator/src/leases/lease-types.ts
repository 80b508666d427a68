/** The identity of the asset that held an address; `null` where the resource lacked the key. */
export interface Asset {
  serviceName: string | null;
  serviceVersion: string | null;
  deploymentId: string | null;
  instanceId: string | null;
}

/**
 * The source of a lease's network: `reported` from `provenance.network.id`, `range`
 * from the one registered range containing the address, `unknown` when no range
 * contained it, `ambiguous` when several did (one row per candidate network).
 */
export type NetworkResolution = 'reported' | 'range' | 'unknown' | 'ambiguous';

/** The network id given to an address that no registered range contains. */
export const UNKNOWN_NETWORK = 'unknown';

/** The sender of a claim: the TCP peer and the SHA-256 fingerprint of its bearer token, if any. */
export interface Reporter {
  peer: string;
  credential: string | null;
}

/** The key of a lease and its claims: one address in one network. */
export interface AddressKey {
  network: string;
  address: string;
  networkResolution: NetworkResolution;
}

/** One `entity.state` or `entity.delete` event for an address; times in ms since the epoch. */
export interface EntityEvent extends AddressKey, Reporter {
  asset: Asset;
  kind: 'state' | 'delete';
  timeMs: number;
  /** `entity.report.interval` of the event, in milliseconds. */
  intervalMs: number;
}

/** The first and last timestamps of ordinary telemetry from one asset at one address. */
export interface TelemetrySighting extends AddressKey, Reporter {
  asset: Asset;
  firstMs: number;
  lastMs: number;
  /** How long after `lastMs` the lease stays valid without more telemetry, in milliseconds. */
  graceMs: number;
}

/** The claims one request adds to the timeline. */
export interface Observations {
  events: EntityEvent[];
  sightings: TelemetrySighting[];
}

/** One derived lease, as `whois` and the leases API return it. */
export interface Lease {
  network: string;
  address: string;
  networkResolution: NetworkResolution;
  asset: Asset;
  source: 'entity' | 'telemetry';
  fromMs: number;
  /** The end (exclusive) of the lease; `null` while the lease is still open. */
  toMs: number | null;
  reporters: Reporter[];
}
