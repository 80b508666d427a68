import { resolve } from 'node:path';
import { CliError, EXIT_FAILURE, EXIT_UNREADABLE } from './exit-codes.js';
import type { CommandIo } from './io.js';
import type { CorrelatorModule } from './load-correlator.js';
import { DEFAULT_DB_FILE } from './query-target.js';

type Correlator = CorrelatorModule;
type LeaseStore = Awaited<ReturnType<Correlator['openSqliteStore']>>;
type Logger = ReturnType<Correlator['jsonLineLogger']>;

/**
 * Opens the store `provenance serve` writes to: `--postgres URL`, else
 * `--db FILE`, else `PROVENANCE_POSTGRES_URL`, else ./provenance.db. Warns
 * when the `--postgres` URL carries a password, which other users can read in
 * the process list. Throws a `CliError` naming the store when it cannot be
 * opened: exit 1 for PostgreSQL, whose message never contains the password,
 * and exit 3 for a database file.
 */
export async function openServeStore(
  correlator: Correlator,
  flags: { db?: string; postgres?: string },
  settings: { postgresUrl: string | undefined },
  io: CommandIo,
  log: Logger,
): Promise<{ store: LeaseStore; description: string }> {
  const postgresUrl = flags.postgres ?? (flags.db === undefined ? settings.postgresUrl : undefined);

  if (postgresUrl !== undefined) {
    if (flags.postgres !== undefined && correlator.postgresUrlHasPassword(flags.postgres)) {
      log({
        level: 'warn',
        message:
          'the --postgres URL contains a password, which other users can read in the process list; set PROVENANCE_POSTGRES_URL instead',
      });
    }
    const description = correlator.describePostgresUrl(postgresUrl);
    try {
      const store = await correlator.openPostgresStore({ connectionString: postgresUrl });
      return { store, description };
    } catch (error) {
      throw new CliError(
        `provenance serve: ${(error as Error).message}`,
        EXIT_FAILURE,
        'STORE_UNAVAILABLE',
      );
    }
  }

  const path = resolve(io.cwd, flags.db ?? DEFAULT_DB_FILE);
  try {
    const store = await correlator.openSqliteStore({ path });
    return { store, description: `database ${path}` };
  } catch (error) {
    throw new CliError(
      `provenance serve: cannot open the database ${path}: ${(error as Error).message}`,
      EXIT_UNREADABLE,
      'DB_UNREADABLE',
    );
  }
}
