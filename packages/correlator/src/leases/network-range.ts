import {
  cidrContains,
  cidrsOverlap,
  type ParsedCidr,
  parseAddress,
  parseCidr,
} from './ip-address.js';
import { type NetworkResolution, UNKNOWN_NETWORK } from './lease-types.js';

/** An address range registered for a network, valid from `fromMs` until `untilMs` (exclusive). */
export interface NetworkRange {
  network: string;
  /** The range in canonical CIDR notation. */
  cidr: string;
  fromMs: number;
  /** `null` while the range is still registered. */
  untilMs: number | null;
}

/** Two ranges of different networks that share addresses during a shared period. */
export interface RangeOverlap {
  a: NetworkRange;
  b: NetworkRange;
}

/** A network an address was attributed to, and how. */
export interface ResolvedNetwork {
  network: string;
  resolution: NetworkResolution;
}

function validAt(range: NetworkRange, timeMs: number): boolean {
  return range.fromMs <= timeMs && (range.untilMs === null || timeMs < range.untilMs);
}

/**
 * Attributes an address that arrived without a network id to the networks of
 * the ranges that contained it at `timeMs`. One network resolves by `range`;
 * none gives the `unknown` network; several give each of them, marked `ambiguous`.
 */
export function resolveNetworks(
  address: string,
  timeMs: number,
  ranges: readonly NetworkRange[],
): ResolvedNetwork[] {
  const parsed = parseAddress(address);
  const networks = new Set<string>();
  for (const range of ranges) {
    const cidr = parseCidr(range.cidr);
    if (parsed && cidr && validAt(range, timeMs) && cidrContains(cidr, parsed)) {
      networks.add(range.network);
    }
  }

  if (networks.size === 0) {
    return [{ network: UNKNOWN_NETWORK, resolution: 'unknown' }];
  }
  const resolution: NetworkResolution = networks.size === 1 ? 'range' : 'ambiguous';
  return [...networks].sort().map((network) => ({ network, resolution }));
}

/** Lists every pair of ranges of different networks whose addresses and validity periods overlap. */
export function findOverlaps(ranges: readonly NetworkRange[]): RangeOverlap[] {
  const parsed = ranges
    .map((range) => ({ range, cidr: parseCidr(range.cidr) }))
    .filter(
      (entry): entry is { range: NetworkRange; cidr: ParsedCidr } => entry.cidr !== undefined,
    );

  const overlaps: RangeOverlap[] = [];
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i + 1; j < parsed.length; j++) {
      const a = parsed[i]!;
      const b = parsed[j]!;
      if (
        a.range.network !== b.range.network &&
        cidrsOverlap(a.cidr, b.cidr) &&
        periodsOverlap(a.range, b.range)
      ) {
        overlaps.push({ a: a.range, b: b.range });
      }
    }
  }
  return overlaps;
}

function periodsOverlap(a: NetworkRange, b: NetworkRange): boolean {
  const aEnd = a.untilMs ?? Number.POSITIVE_INFINITY;
  const bEnd = b.untilMs ?? Number.POSITIVE_INFINITY;
  return a.fromMs < bEnd && b.fromMs < aEnd;
}
