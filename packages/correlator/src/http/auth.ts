import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Returns the bearer token a request presented, or `undefined`. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Compares the presented token with the expected one in constant time: both
 * are hashed first, so neither their content nor their length leaks through timing.
 */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  const a = createHash('sha256')
    .update(presented ?? '')
    .digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && presented !== undefined;
}

/**
 * Returns the fingerprint recorded with each claim, which is `sha256:` and the
 * first 16 hex digits of the token's SHA-256 and never the token itself. Returns
 * `null` without a token.
 */
export function credentialFingerprint(token: string | undefined): string | null {
  if (token === undefined) {
    return null;
  }
  return `sha256:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}
