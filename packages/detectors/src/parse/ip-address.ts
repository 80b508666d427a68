import { isIP } from 'node:net';

/**
 * Normalises an IP address: an IPv4 address as given, an IPv6 address in the
 * RFC 5952 text form (lower case, no leading zeros, the longest run of two or
 * more zero groups shortened to `::`, IPv4-mapped addresses in dotted form),
 * a zone id (`%eth0`) removed. Returns `undefined` for anything that is not
 * an address.
 */
export function normalizeIp(raw: string): string | undefined {
  const text = raw.trim().replace(/%[^%]+$/, '');
  const version = isIP(text);
  if (version === 4) {
    return text;
  }
  if (version !== 6) {
    return undefined;
  }
  return formatIpv6(expandIpv6(text));
}

// Returns the eight 16-bit groups of a valid IPv6 address.
function expandIpv6(text: string): number[] {
  let body = text.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(body);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    body = `${body.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }

  const [head, tail] = body.split('::') as [string, string | undefined];
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...(tail === undefined ? [] : zeros), ...tailGroups].map((group) =>
    Number.parseInt(group, 16),
  );
}

function formatIpv6(groups: number[]): string {
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) {
    const [high, low] = [groups[6]!, groups[7]!];
    return `::ffff:${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }

  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start += 1) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length += 1;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }

  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) {
    return hex.join(':');
  }
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

/**
 * Reports whether a normalised address can name this asset to someone else:
 * not loopback (`127.0.0.0/8`, `::1`), not link-local (`169.254.0.0/16`,
 * `fe80::/10`), not unspecified.
 */
export function isRoutableIp(address: string): boolean {
  if (address.includes(':')) {
    if (address === '::1' || address === '::') return false;
    if (address.startsWith('::ffff:')) return isRoutableIp(address.slice(7));
    return !/^fe[89ab]/.test(address);
  }
  return !(address.startsWith('127.') || address.startsWith('169.254.') || address === '0.0.0.0');
}
