import { parseRfc3339 } from '@otel-provenance/core';
import type { Command } from '../command.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, usageError } from '../exit-codes.js';
import { loadCorrelator } from '../load-correlator.js';
import { parseChoice, parseFlags } from '../parse-flags.js';
import { openQueryTarget } from '../query-target.js';
import { formatWhoisTable } from './whois-table.js';

const HELP = `Usage: provenance whois IP [--network ID] [--at RFC3339] [--url URL | --db FILE] [--format json|table]

Prints every asset whose lease on IP covers the time asked:
{"ip", "at", "candidates": [...], "ambiguous"}. "ambiguous" is true when more
than one asset or network fits; "to" is null while a lease is open.

Options:
  --network ID     only leases in this network (default: every network)
  --at RFC3339     the time asked (default: now)
  --url URL        ask a running correlator; sends PROVENANCE_TOKEN when set
  --db FILE        read a database file directly (default ./provenance.db)
  --format FORMAT  json (default) or table

Needs the optional package @otel-provenance/correlator.
`;

export const whoisCommand: Command = {
  name: 'whois',
  summary: 'print which asset held an IP address, in which network, at a time',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags('whois', argv, {
      network: { type: 'string' },
      at: { type: 'string' },
      url: { type: 'string' },
      db: { type: 'string' },
      format: { type: 'string' },
    });
    const format = parseChoice(
      'whois',
      'format',
      values.format,
      ['json', 'table'] as const,
      'json',
    );
    const [ip, ...extra] = positionals;
    if (ip === undefined) {
      throw usageError(
        'provenance whois: missing IP; usage: provenance whois IP [--network ID] [--at RFC3339]',
      );
    }
    if (extra.length > 0) {
      throw usageError(`provenance whois: unexpected argument "${extra[0]}"`);
    }
    if (values.network?.trim() === '') {
      throw usageError(
        'provenance whois: --network is empty; give a network ID or leave the flag out to search every network',
      );
    }
    const atMs = values.at === undefined ? Date.now() : parseAt(values.at);

    const correlator = await loadCorrelator('whois');
    if (correlator.parseAddress(ip) === undefined) {
      throw usageError(
        `provenance whois: invalid IP address "${ip}"; expected an IPv4 or IPv6 address such as 10.0.0.7`,
      );
    }
    const target = await openQueryTarget('whois', correlator, values, io);
    try {
      const answer = await target.queries.whois({ ip, network: values.network, atMs });
      io.stdout(
        format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : formatWhoisTable(answer),
      );
      return EXIT_OK;
    } catch (error) {
      if (error instanceof correlator.QueryError) {
        throw new CliError(`provenance whois: ${error.message}`, EXIT_USAGE, 'INVALID_QUERY');
      }
      if (values.url !== undefined) {
        throw new CliError(
          `provenance whois: ${(error as Error).message}`,
          EXIT_FAILURE,
          'QUERY_FAILED',
        );
      }
      throw error;
    } finally {
      await target.close();
    }
  },
};

function parseAt(text: string): number {
  const ms = parseRfc3339(text);
  if (ms === undefined) {
    throw usageError(
      `provenance whois: invalid --at "${text}"; expected an RFC 3339 time such as 2026-01-31T12:00:00Z`,
    );
  }
  return ms;
}
