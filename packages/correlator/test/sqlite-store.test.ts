import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from '../src/store/sqlite-schema.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { makeTempDir } from './support/harness.js';

describe('openSqliteStore', () => {
  let dir: string;

  beforeEach(() => {
    dir = makeTempDir('sqlite-');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the file in WAL mode at the current schema version', async () => {
    const path = join(dir, 'nested', 'timeline.db');
    const store = await openSqliteStore({ path });
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    db.close();
  });

  it('rejects a file from a newer schema version', async () => {
    const path = join(dir, 'timeline.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`);
    db.close();

    await expect(openSqliteStore({ path })).rejects.toThrow('upgrade @otel-provenance/correlator');
  });
});
