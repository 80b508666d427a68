import type pg from 'pg';
import { POSTGRES_MIGRATIONS } from './postgres-schema.js';

// Any fixed 64-bit key works: it only has to be the same in every receiver,
// so that receivers starting at once migrate one after the other.
const MIGRATION_LOCK_KEY = '7301520926815432801';

/**
 * Creates or migrates the schema in one transaction, under an advisory lock.
 * When the first schema of `search_path` does not exist yet, it is created.
 * Throws when the database has a newer schema version than this correlator
 * supports, or when `search_path` names no schema to create.
 */
export async function migratePostgres(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await ensureSchema(client);
    await client.query(
      'CREATE TABLE IF NOT EXISTS provenance_schema_version (version integer NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM provenance_schema_version',
    );
    const version = rows[0]?.version ?? 0;
    if (version > POSTGRES_MIGRATIONS.length) {
      throw new Error(
        `the PostgreSQL database has schema version ${version}, newer than this correlator's ${POSTGRES_MIGRATIONS.length}; upgrade @otel-provenance/correlator`,
      );
    }

    for (let next = version; next < POSTGRES_MIGRATIONS.length; next++) {
      await client.query(POSTGRES_MIGRATIONS[next]!);
    }
    await client.query('DELETE FROM provenance_schema_version');
    await client.query('INSERT INTO provenance_schema_version (version) VALUES ($1)', [
      POSTGRES_MIGRATIONS.length,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function ensureSchema(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ schema: string | null; path: string }>(
    "SELECT current_schema() AS schema, current_setting('search_path') AS path",
  );
  if (rows[0]?.schema) {
    return;
  }
  const name = firstSchemaName(rows[0]?.path ?? '');
  if (name === undefined) {
    throw new Error(
      `search_path "${rows[0]?.path}" names no schema to create the tables in; set search_path to a schema name`,
    );
  }
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${client.escapeIdentifier(name)}`);
}

/**
 * Returns the first entry of a `search_path` value other than `$user`, as
 * PostgreSQL reads it: quotes removed, an unquoted name folded to lower case.
 */
export function firstSchemaName(searchPath: string): string | undefined {
  for (const entry of searchPath.split(',')) {
    const trimmed = entry.trim();
    if (trimmed === '' || trimmed === '"$user"' || trimmed === '$user') {
      continue;
    }
    return trimmed.startsWith('"')
      ? trimmed.slice(1, -1).replaceAll('""', '"')
      : trimmed.toLowerCase();
  }
  return undefined;
}
