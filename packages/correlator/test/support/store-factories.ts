import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { LeaseStore } from '../../src/store/lease-store.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createTestDatabase } from './test-postgres.js';

/**
 * One store implementation under test. Every suite runs once per factory, so
 * a second store joins the whole suite by adding an entry here.
 */
export interface StoreFactory {
  name: string;
  /** Opens a store whose data lives in (or is named after) the fresh folder `dir`. */
  open(dir: string): Promise<LeaseStore>;
  /** The `provenance serve` flags that select the same store. */
  serveArgs(dir: string): string[];
}

// One database per test file, created when the file loads; each folder gets
// its own schema in it, which the store creates on first open.
const postgresDatabaseUrl = await createTestDatabase(
  inject('postgresUrl'),
  `${inject('postgresDatabasePrefix')}${randomBytes(4).toString('hex')}`,
);

/** Builds the URL of the PostgreSQL store named after `dir`, its schema set through `search_path`. */
export function postgresUrlFor(dir: string): string {
  const url = new URL(postgresDatabaseUrl);
  const schema = `store_${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`;
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export const STORE_FACTORIES: readonly StoreFactory[] = [
  {
    name: 'sqlite',
    open: (dir) => openSqliteStore({ path: join(dir, 'timeline.db') }),
    serveArgs: (dir) => ['--db', join(dir, 'timeline.db')],
  },
  {
    name: 'postgres',
    open: (dir) => openPostgresStore({ connectionString: postgresUrlFor(dir) }),
    // NOTE: the test server's password is on the child's command line here;
    // it is a throwaway password of a server bound to 127.0.0.1.
    serveArgs: (dir) => ['--postgres', postgresUrlFor(dir)],
  },
];
