import type { EntityEvent, Observations, TelemetrySighting } from '../leases/lease-types.js';
import type { NetworkRange } from '../leases/network-range.js';

/** The claims stored for one or more addresses. */
export interface AddressClaims {
  events: EntityEvent[];
  sightings: TelemetrySighting[];
}

/** A (network, address) pair, the unit that lease listings page over. */
export interface LeaseKeyCursor {
  network: string;
  address: string;
}

/** How many rows a retention run deleted. */
export interface PruneResult {
  events: number;
  sightings: number;
  ranges: number;
}

/**
 * The correlator's timeline storage. Every method is async so that a
 * networked store fits the same interface. Every method rejects with the
 * store's own error when the store fails.
 */
export interface LeaseStore {
  /** A short name for logs, such as `sqlite`. */
  readonly kind: string;
  /**
   * Stores the observations of one request in one transaction. The promise
   * resolves only after the transaction is durable, so a receiver may
   * acknowledge the request then.
   */
  write(observations: Observations): Promise<void>;
  /** Returns the claims for `address`, in every network or only in `network`. */
  readAddress(address: string, network?: string): Promise<AddressClaims>;
  /** Lists (network, address) keys in order, after `after`, at most `limit`, optionally in one network. */
  listKeys(options: {
    after?: LeaseKeyCursor;
    limit: number;
    network?: string;
  }): Promise<LeaseKeyCursor[]>;
  /** Registers a range; a range already open for the same network and CIDR is left as it is. */
  addRange(range: NetworkRange): Promise<void>;
  /** Ends the open registration of `cidr` in `network` at `untilMs`; returns how many were ended. */
  closeRange(network: string, cidr: string, untilMs: number): Promise<number>;
  /** Lists every registered range, past and present. */
  listRanges(): Promise<NetworkRange[]>;
  /**
   * Deletes claims older than `beforeMs` (events by time, sightings by their
   * last time) and ranges that ended before it.
   */
  prune(beforeMs: number): Promise<PruneResult>;
  close(): Promise<void>;
}
