import type { TestProject } from 'vitest/node';
import { dropTestDatabases, startTestPostgres } from './test-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL of the run's PostgreSQL server whose role may create databases. */
    postgresUrl: string;
    /** The name prefix of every database this run creates, so teardown can drop them. */
    postgresDatabasePrefix: string;
  }
}

/**
 * Starts one PostgreSQL server for the whole test run (or uses the one at
 * `PROVENANCE_TEST_POSTGRES_URL`); each test file creates its own database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres(process.env);
  const prefix = `provenance_test_${process.pid}_`;
  project.provide('postgresUrl', server.url);
  project.provide('postgresDatabasePrefix', prefix);

  return async () => {
    if (server.external) {
      await dropTestDatabases(server.url, prefix);
    }
    await server.stop();
  };
}
