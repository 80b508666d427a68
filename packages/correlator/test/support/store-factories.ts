import { join } from 'node:path';
import type { LeaseStore } from '../../src/store/lease-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

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

export const STORE_FACTORIES: readonly StoreFactory[] = [
  {
    name: 'sqlite',
    open: (dir) => openSqliteStore({ path: join(dir, 'timeline.db') }),
    serveArgs: (dir) => ['--db', join(dir, 'timeline.db')],
  },
];
