import { normalizeIp } from '@otel-provenance/core';

// The prefix length of `::ffff:0:0/96`, the range of every IPv4-mapped IPv6 address.
const MAPPED_PREFIX = 96n;

/** A parsed address: its family and its value as an unsigned integer. */
export interface ParsedAddress {
  version: 4 | 6;
  value: bigint;
}

/** An address range given in CIDR notation, as the first and last address it contains. */
export interface ParsedCidr {
  version: 4 | 6;
  first: bigint;
  last: bigint;
  /** The range in canonical form, host bits cleared (`10.1.2.3/16` becomes `10.1.0.0/16`). */
  canonical: string;
}

/**
 * Returns the canonical text of an IPv4 or IPv6 address, or `undefined` when
 * `text` is not an address. This is core's `normalizeIp`: IPv6 compressed and
 * lower-case, zone removed, and an IPv4-mapped address (`::ffff:192.0.2.2`)
 * as its IPv4 address, so a lease is found whichever form a log shows.
 */
export function normalizeAddress(text: string): string | undefined {
  return normalizeIp(text);
}

/** Parses an address to an integer; returns `undefined` when `text` is not an address. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const normalized = normalizeAddress(text);
  if (normalized === undefined) {
    return undefined;
  }
  if (!normalized.includes(':')) {
    const value = normalized
      .split('.')
      .reduce((sum, octet) => (sum << 8n) + BigInt(Number(octet)), 0n);
    return { version: 4, value };
  }
  return { version: 6, value: ipv6ToBigInt(normalized) };
}

/**
 * Parses `ADDRESS/PREFIX`; returns `undefined` when either part is invalid. An
 * IPv4-mapped range (`::ffff:10.0.0.0/104`) becomes the IPv4 range it maps
 * (`10.0.0.0/8`), as addresses do. A mapped address with a prefix under 96 is
 * invalid because its range would hold IPv6 and mapped addresses together.
 */
export function parseCidr(text: string): ParsedCidr | undefined {
  const [addressText, prefixText, extra] = text.trim().split('/');
  if (addressText === undefined || prefixText === undefined || extra !== undefined) {
    return undefined;
  }
  const address = parseAddress(addressText);
  if (!address || !/^\d{1,3}$/.test(prefixText)) {
    return undefined;
  }
  let prefix = BigInt(prefixText);
  if (address.version === 4 && addressText.includes(':')) {
    if (prefix < MAPPED_PREFIX) {
      return undefined;
    }
    prefix -= MAPPED_PREFIX;
  }
  const bits = address.version === 4 ? 32n : 128n;
  if (prefix > bits) {
    return undefined;
  }

  const hostBits = bits - prefix;
  const first = (address.value >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  return {
    version: address.version,
    first,
    last,
    canonical: `${formatAddress(address.version, first)}/${prefix}`,
  };
}

/** Returns true when `cidr` contains `address`. */
export function cidrContains(cidr: ParsedCidr, address: ParsedAddress): boolean {
  return (
    cidr.version === address.version && address.value >= cidr.first && address.value <= cidr.last
  );
}

/** Returns true when two ranges share at least one address. */
export function cidrsOverlap(a: ParsedCidr, b: ParsedCidr): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

function ipv6ToBigInt(normalized: string): bigint {
  const [head = '', tail] = normalized.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return groups.reduce((sum, group) => (sum << 16n) + BigInt(Number.parseInt(group, 16)), 0n);
}

function formatAddress(version: 4 | 6, value: bigint): string {
  if (version === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  }
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(((value >> shift) & 0xffffn).toString(16));
  }
  return normalizeAddress(groups.join(':')) ?? groups.join(':');
}
