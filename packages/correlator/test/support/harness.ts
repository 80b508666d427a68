import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEntry } from '../../src/http/log.js';
import { type CorrelatorOptions, startCorrelator } from '../../src/http/server.js';
import type { LeaseStore } from '../../src/store/lease-store.js';
import type { StoreFactory } from './store-factories.js';

/** A correlator on a loopback port with a fresh store, and what it logged. */
export interface Harness {
  url: string;
  store: LeaseStore;
  dir: string;
  logs: LogEntry[];
  close(): Promise<void>;
}

/** Creates a temporary folder for one test; the caller removes it. */
export function makeTempDir(prefix = 'correlator-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts a correlator on port 0 over a new store from `factory`. */
export async function startHarness(
  factory: StoreFactory,
  options: Partial<CorrelatorOptions> = {},
): Promise<Harness> {
  const dir = makeTempDir();
  const store = await factory.open(dir);
  const logs: LogEntry[] = [];
  const running = await startCorrelator({
    store,
    port: 0,
    log: (entry) => logs.push(entry),
    ...options,
  });
  return {
    url: running.url,
    store,
    dir,
    logs,
    async close() {
      await running.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
