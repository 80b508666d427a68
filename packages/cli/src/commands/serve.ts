import { isIPv4 } from 'node:net';
import type { Command } from '../command.js';
import { CliError, EXIT_FAILURE, EXIT_OK, usageError } from '../exit-codes.js';
import { loadCorrelator } from '../load-correlator.js';
import { parseFlags } from '../parse-flags.js';
import { openServeStore } from '../serve-store.js';

const HELP = `Usage: provenance serve [--db FILE | --postgres URL] [--listen HOST:PORT]

Runs the correlator: an OTLP/HTTP receiver on /v1/traces, /v1/logs and
/v1/metrics (protobuf and JSON, gzip), the JSON query API under /api/v1/ and
a health endpoint at /health. Stops on SIGINT or SIGTERM.

Options:
  --db FILE           SQLite database file, created on first start (default ./provenance.db)
  --postgres URL      a PostgreSQL database shared by several receivers, such as
                      postgres://USER@HOST:5432/DB; the schema is created on first start
  --listen HOST:PORT  address to bind (default 127.0.0.1:4318; port 0 picks a free one)

Environment:
  PROVENANCE_TOKEN           bearer token every OTLP and query request must send
  PROVENANCE_RETENTION_DAYS  days of timeline to keep (default 30; 0 keeps everything)
  PROVENANCE_POSTGRES_URL    the PostgreSQL URL when --postgres and --db are not given;
                             put a password here, not on the command line

Needs the optional package @otel-provenance/correlator.
`;

/** Parses `HOST:PORT` (IPv6 hosts in brackets); throws a usage error naming the flag. */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || port > 65535) {
    throw usageError(
      `provenance serve: invalid --listen "${value}"; expected HOST:PORT such as 127.0.0.1:4318`,
    );
  }
  return { host: (match[1] ?? match[2])!, port };
}

/** Returns whether `host` names only this machine: `localhost`, `127.0.0.0/8` or `::1`. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return name === 'localhost' || name === '::1' || (isIPv4(name) && name.startsWith('127.'));
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the correlator: OTLP receiver, IP-lease timeline and whois API',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags('serve', argv, {
      db: { type: 'string' },
      postgres: { type: 'string' },
      listen: { type: 'string' },
    });
    if (positionals.length > 0) {
      throw usageError(`provenance serve: unexpected argument "${positionals[0]}"`);
    }
    if (values.postgres !== undefined && values.db !== undefined) {
      throw usageError('provenance serve: pass either --db or --postgres, not both');
    }
    const { host, port } = parseListen(values.listen ?? '127.0.0.1:4318');
    const correlator = await loadCorrelator('serve');

    const settings = correlator.correlatorSettingsFromEnv(io.env);
    const log = correlator.jsonLineLogger(io.stderr);
    for (const warning of settings.warnings) {
      log({ level: 'warn', message: warning });
    }
    if (settings.token === undefined && !isLoopbackHost(host)) {
      log({
        level: 'warn',
        message: `listening on ${host} without PROVENANCE_TOKEN, so anyone who can reach it can send telemetry, register networks and read the timeline; set PROVENANCE_TOKEN`,
      });
    }

    const { store, description } = await openServeStore(correlator, values, settings, io, log);

    let running: Awaited<ReturnType<typeof correlator.startCorrelator>>;
    try {
      running = await correlator.startCorrelator({
        store,
        host,
        port,
        token: settings.token,
        retentionMs: settings.retentionMs,
        log,
      });
    } catch (error) {
      await store.close();
      throw new CliError(
        `provenance serve: cannot listen on ${host}:${port}: ${(error as Error).message}; choose another address with --listen`,
        EXIT_FAILURE,
        'LISTEN_FAILED',
      );
    }
    io.stdout(`provenance serve: listening on ${running.url} (${description})\n`);

    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await running.close();
    await store.close();
    return EXIT_OK;
  },
};
