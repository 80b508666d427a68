/**
 * Describes a PostgreSQL URL for logs and messages: scheme, user, host, port
 * and database, never the password or the query parameters. Returns
 * `PostgreSQL (unparsable URL)` for a value that is not a URL, so a mistyped
 * secret is not echoed either.
 */
export function describePostgresUrl(connectionString: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return 'PostgreSQL (unparsable URL)';
  }
  const user = url.username === '' ? '' : `${decodeURIComponent(url.username)}@`;
  const host = url.host === '' ? 'localhost' : url.host;
  return `${url.protocol}//${user}${host}${url.pathname}`;
}

/** Returns true when the URL carries a password. */
export function postgresUrlHasPassword(connectionString: string): boolean {
  try {
    return new URL(connectionString).password !== '';
  } catch {
    return false;
  }
}

/** The SQLSTATE codes after which the same transaction may succeed when run again. */
const RETRYABLE_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/** Returns true when `error` is a PostgreSQL error that a retry of the transaction may clear. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}
