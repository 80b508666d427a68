/**
 * Reports whether a normalised address can name this asset to someone else:
 * not loopback (`127.0.0.0/8`, `::1`), not link-local (`169.254.0.0/16`,
 * `fe80::/10`), not unspecified.
 */
export function isRoutableIp(address: string): boolean {
  if (address.includes(':')) {
    if (address === '::1' || address === '::') return false;
    if (address.startsWith('::ffff:')) return isRoutableIp(address.slice(7));
    return !(address.startsWith('fe') && ['8', '9', 'a', 'b'].includes(address.charAt(2)));
  }
  return !(address.startsWith('127.') || address.startsWith('169.254.') || address === '0.0.0.0');
}
