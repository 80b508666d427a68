import { deriveLeases } from '../leases/derive-leases.js';
import { normalizeAddress, parseCidr } from '../leases/ip-address.js';
import { findOverlaps, type NetworkRange, type RangeOverlap } from '../leases/network-range.js';
import { answerWhois, type LeaseRecord, toLeaseRecord, type WhoisAnswer } from '../leases/whois.js';
import type { LeaseStore } from '../store/lease-store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { QueryError } from './query-error.js';

/** A page of leases and the cursor of the next page (`null` on the last page). */
export interface LeasePage {
  leases: LeaseRecord[];
  nextCursor: string | null;
}

/** The questions the query API and `provenance whois`/`networks` ask, with or without a server. */
export interface TimelineQueries {
  whois(query: { ip: string; network?: string; atMs: number }): Promise<WhoisAnswer>;
  leases(query: {
    ip?: string;
    network?: string;
    limit?: number;
    cursor?: string;
  }): Promise<LeasePage>;
  addRanges(network: string, cidrs: readonly string[], fromMs: number): Promise<NetworkRange[]>;
  removeRanges(network: string, cidrs: readonly string[], untilMs: number): Promise<number>;
  listRanges(): Promise<NetworkRange[]>;
  overlaps(): Promise<RangeOverlap[]>;
}

/** Default and maximum page size of the leases listing. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** Runs timeline queries directly against a store. Throws `QueryError` for invalid arguments. */
export function createTimelineQueries(
  store: LeaseStore,
  now: () => number = Date.now,
): TimelineQueries {
  return {
    async whois({ ip, network, atMs }) {
      const address = requireAddress(ip);
      const claims = await store.readAddress(address, network);
      const leases = deriveLeases(claims.events, claims.sightings, now());
      return answerWhois(address, network ?? null, atMs, leases);
    },

    async leases({ ip, network, limit = DEFAULT_PAGE_SIZE, cursor }) {
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
        throw new QueryError(
          `invalid limit ${limit}; expected an integer from 1 to ${MAX_PAGE_SIZE}`,
        );
      }
      if (ip !== undefined) {
        const claims = await store.readAddress(requireAddress(ip), network);
        const leases = deriveLeases(claims.events, claims.sightings, now());
        return { leases: leases.map(toLeaseRecord), nextCursor: null };
      }
      return pageLeases(store, { network, limit, cursor }, now());
    },

    async addRanges(network, cidrs, fromMs) {
      const ranges = cidrs.map((cidr) => ({
        network,
        cidr: requireCidr(cidr),
        fromMs,
        untilMs: null,
      }));
      for (const range of ranges) {
        await store.addRange(range);
      }
      return ranges;
    },

    async removeRanges(network, cidrs, untilMs) {
      let removed = 0;
      for (const cidr of cidrs) {
        removed += await store.closeRange(network, requireCidr(cidr), untilMs);
      }
      return removed;
    },

    listRanges: () => store.listRanges(),

    async overlaps() {
      return findOverlaps(await store.listRanges());
    },
  };
}

// Pages over (network, address) keys and returns whole keys, so one address's
// leases never straddle two pages; a page may therefore hold more than `limit`.
async function pageLeases(
  store: LeaseStore,
  query: { network?: string; limit: number; cursor?: string },
  nowMs: number,
): Promise<LeasePage> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const keys = await store.listKeys({ after, limit: query.limit, network: query.network });
  const leases: LeaseRecord[] = [];
  let last = after;

  for (const key of keys) {
    const claims = await store.readAddress(key.address, key.network);
    leases.push(...deriveLeases(claims.events, claims.sightings, nowMs).map(toLeaseRecord));
    last = key;
    if (leases.length >= query.limit) {
      break;
    }
  }
  const more = keys.length === query.limit || (last !== undefined && last !== keys.at(-1));
  return { leases, nextCursor: more && last ? encodeCursor(last) : null };
}

function requireAddress(ip: string): string {
  const address = normalizeAddress(ip);
  if (address === undefined) {
    throw new QueryError(
      `invalid IP address "${ip}"; expected an IPv4 or IPv6 address such as 10.0.0.7`,
    );
  }
  return address;
}

function requireCidr(text: string): string {
  const cidr = parseCidr(text);
  if (!cidr) {
    throw new QueryError(
      `invalid CIDR range "${text}"; expected ADDRESS/PREFIX such as 10.0.0.0/16`,
    );
  }
  return cidr.canonical;
}
