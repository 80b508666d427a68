import type { LeaseKeyCursor } from '../store/lease-store.js';
import { QueryError } from './query-error.js';

/** Encodes the last key of a page as an opaque URL-safe cursor. */
export function encodeCursor(key: LeaseKeyCursor): string {
  return Buffer.from(JSON.stringify([key.network, key.address])).toString('base64url');
}

/** Decodes a cursor from `encodeCursor`; throws `QueryError` for anything else. */
export function decodeCursor(cursor: string): LeaseKeyCursor {
  try {
    const [network, address] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof network === 'string' && typeof address === 'string') {
      return { network, address };
    }
  } catch {
    // Reported below with the cursor that failed.
  }
  throw new QueryError(
    `invalid cursor "${cursor}"; pass the nextCursor of the previous page unchanged`,
  );
}
