import { isIPv4, isIPv6 } from 'node:net';

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
 * Returns the canonical text of an IPv4 or IPv6 address (IPv6 compressed and
 * lower-case, zone removed), or `undefined` when `text` is not an address.
 */
export function normalizeAddress(text: string): string | undefined {
  const trimmed = text.trim();
  if (isIPv4(trimmed)) {
    return trimmed;
  }
  const withoutZone = trimmed.split('%')[0] ?? '';
  if (isIPv6(withoutZone)) {
    return new URL(`http://[${withoutZone}]/`).hostname.slice(1, -1);
  }
  return undefined;
}

/** Parses an address to an integer; returns `undefined` when `text` is not an address. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const normalized = normalizeAddress(text);
  if (normalized === undefined) {
    return undefined;
  }
  if (isIPv4(normalized)) {
    const value = normalized
      .split('.')
      .reduce((sum, octet) => (sum << 8n) + BigInt(Number(octet)), 0n);
    return { version: 4, value };
  }
  return { version: 6, value: ipv6ToBigInt(normalized) };
}

/** Parses `ADDRESS/PREFIX`; returns `undefined` when either part is invalid. */
export function parseCidr(text: string): ParsedCidr | undefined {
  const [addressText, prefixText, extra] = text.trim().split('/');
  if (addressText === undefined || prefixText === undefined || extra !== undefined) {
    return undefined;
  }
  const address = parseAddress(addressText);
  if (!address || !/^\d{1,3}$/.test(prefixText)) {
    return undefined;
  }
  const bits = address.version === 4 ? 32n : 128n;
  const prefix = BigInt(prefixText);
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
