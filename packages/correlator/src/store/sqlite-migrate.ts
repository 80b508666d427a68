import type Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './sqlite-schema.js';

/**
 * Brings the database at `path` to the current schema version in one
 * transaction. Throws when the file was written by a newer version.
 */
export function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SQLITE_MIGRATIONS.length) {
    throw new Error(
      `${path} has schema version ${version}, newer than this correlator's ${SQLITE_MIGRATIONS.length}; upgrade @otel-provenance/correlator`,
    );
  }
  db.transaction(() => {
    for (let next = version; next < SQLITE_MIGRATIONS.length; next++) {
      db.exec(SQLITE_MIGRATIONS[next]!);
    }
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  })();
}
