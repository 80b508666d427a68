import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, EXIT_UNREADABLE, usageError } from './exit-codes.js';
import type { CommandIo } from './io.js';
import type { CorrelatorModule } from './load-correlator.js';

type TimelineQueries = ReturnType<CorrelatorModule['createTimelineQueries']>;

/** The timeline a command queries, and how to release it. */
export interface QueryTarget {
  queries: TimelineQueries;
  close(): Promise<void>;
}

/** The default database file of `serve`, `whois` and `networks`, relative to the working directory. */
export const DEFAULT_DB_FILE = 'provenance.db';

/**
 * Opens the timeline named by `--url` (a running correlator, sent
 * `PROVENANCE_TOKEN` when set) or `--db` (a database file, default
 * ./provenance.db). Throws a usage error when both are given, and exit 3 when
 * the database file does not exist, unless `create` is set: then it is created
 * as `serve` would create it.
 */
export async function openQueryTarget(
  command: string,
  correlator: CorrelatorModule,
  flags: { url?: string; db?: string },
  io: CommandIo,
  create = false,
): Promise<QueryTarget> {
  if (flags.url !== undefined && flags.db !== undefined) {
    throw usageError(`provenance ${command}: pass either --url or --db, not both`);
  }
  if (flags.url !== undefined) {
    // Errors echo the URL without a user, password, query or fragment, which may hold a secret.
    const url = URL.canParse(flags.url) ? new URL(flags.url) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      const shown = flags.url.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, '$1');
      throw usageError(
        `provenance ${command}: invalid --url "${shown}"; expected http://HOST:PORT`,
      );
    }
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
      throw usageError(
        `provenance ${command}: --url ${url.origin}${url.pathname} must be only http://HOST:PORT[/PATH], without credentials or a query; put the token in PROVENANCE_TOKEN`,
      );
    }
    const token = io.env.PROVENANCE_TOKEN?.trim() || undefined;
    return {
      queries: correlator.createHttpTimelineClient({ url: flags.url, token }),
      close: async () => {},
    };
  }

  const path = resolve(io.cwd, flags.db ?? DEFAULT_DB_FILE);
  if (!create && !existsSync(path)) {
    throw new CliError(
      `provenance ${command}: no database at ${path}; pass --db FILE or --url URL of a running correlator`,
      EXIT_UNREADABLE,
      'DB_NOT_FOUND',
    );
  }
  const store = await correlator.openSqliteStore({ path });
  return { queries: correlator.createTimelineQueries(store), close: () => store.close() };
}
