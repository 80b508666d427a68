// IP address parsing without `node:net` and without regular expressions.
// `isIP` compiles a large IPv6 expression on first use. Even a small
// expression took about 0.1 ms on its first match in a new Node 20 process
// on the development machine, and startup detection pays that for each.

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

// One to three digits, without a leading zero unless the octet is `0`.
function isOctetText(part: string): boolean {
  if (part.length < 1 || part.length > 3 || (part.length > 1 && part[0] === '0')) {
    return false;
  }
  for (let index = 0; index < part.length; index += 1) {
    if (!isDigit(part.charCodeAt(index))) return false;
  }
  return true;
}

// One to four hexadecimal digits.
function isGroupText(part: string): boolean {
  if (part.length < 1 || part.length > 4) {
    return false;
  }
  for (let index = 0; index < part.length; index += 1) {
    if (!isHexDigit(part.charCodeAt(index))) return false;
  }
  return true;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every(isOctetText)) {
    return undefined;
  }
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

function parseGroups(text: string, allowDotted: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (allowDotted && index === parts.length - 1 && part.includes('.')) {
      const octets = parseIpv4(part);
      if (octets === undefined) return undefined;
      groups.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
    } else if (isGroupText(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

// Returns the eight 16-bit groups of an IPv6 address, or `undefined`.
function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;

  if (halves.length === 1) {
    const groups = parseGroups(text, true);
    return groups?.length === 8 ? groups : undefined;
  }

  const head = parseGroups(halves[0]!, false);
  const tail = parseGroups(halves[1]!, true);
  if (head === undefined || tail === undefined || head.length + tail.length > 7) {
    return undefined;
  }
  return [...head, ...Array(8 - head.length - tail.length).fill(0), ...tail];
}

// An IPv4-mapped IPv6 address (`::ffff:0:0/96`, RFC 4291 section 2.5.5.2) is
// how a dual-stack socket reports an IPv4 peer, so Node servers log IPv4
// clients as `::ffff:192.0.2.2`. It names the same host as the IPv4 address.
function mappedIpv4(groups: number[]): string | undefined {
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (!isMapped) {
    return undefined;
  }
  const [high, low] = [groups[6]!, groups[7]!];
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

function formatIpv6(groups: number[]): string {
  // The maximum run of two or more zero groups, the first on a tie.
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
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Normalises an IP address and removes a zone id (`%eth0`). An IPv4 address
 * stays in dotted decimal, and leading zeros are rejected because they are
 * ambiguous. An IPv4-mapped IPv6 address (`::ffff:192.0.2.2`, or
 * `::ffff:c000:202`) becomes its IPv4 address (`192.0.2.2`), so one host has
 * one key whichever socket reported it. Any other IPv6 address takes the
 * RFC 5952 text form: lower case, no leading zeros, the longest run of two or
 * more zero groups shortened to `::`. Returns `undefined` for anything that is
 * not an address.
 */
export function normalizeIp(raw: string): string | undefined {
  const trimmed = raw.trim();
  // A zone id is the text after the last `%`, when there is some.
  const zone = trimmed.lastIndexOf('%');
  const text = zone >= 0 && zone < trimmed.length - 1 ? trimmed.slice(0, zone) : trimmed;
  if (!text.includes(':')) {
    return parseIpv4(text)?.join('.');
  }
  const groups = parseIpv6(text);
  if (groups === undefined) {
    return undefined;
  }
  return mappedIpv4(groups) ?? formatIpv6(groups);
}
