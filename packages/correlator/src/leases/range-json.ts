import type { NetworkRange } from './network-range.js';

/** A registered range as the query API writes it, with RFC 3339 validity times. */
export interface RangeJson {
  network: string;
  cidr: string;
  from: string;
  /** `null` while the range is still registered. */
  until: string | null;
}

/** Formats a range for the query API. */
export function toRangeJson(range: NetworkRange): RangeJson {
  return {
    network: range.network,
    cidr: range.cidr,
    from: new Date(range.fromMs).toISOString(),
    until: range.untilMs === null ? null : new Date(range.untilMs).toISOString(),
  };
}

/** Reads a range written by `toRangeJson`. */
export function parseRangeJson(range: RangeJson): NetworkRange {
  return {
    network: range.network,
    cidr: range.cidr,
    fromMs: Date.parse(range.from),
    untilMs: range.until === null ? null : Date.parse(range.until),
  };
}
