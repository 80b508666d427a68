import { parseRfc3339 } from '@otel-provenance/core';
import type { Command } from '../command.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, usageError } from '../exit-codes.js';
import { loadCorrelator } from '../load-correlator.js';
import { parseFlags } from '../parse-flags.js';
import { openQueryTarget, type QueryTarget } from '../query-target.js';

const HELP = `Usage: provenance networks add ID CIDR... [--from RFC3339] [--url URL | --db FILE]
       provenance networks remove ID CIDR... [--url URL | --db FILE]
       provenance networks list [--url URL | --db FILE]
       provenance networks overlaps [--url URL | --db FILE]

Registers the address ranges of a network. The correlator gives an address
that arrives without provenance.network.id the network of the one range that
contained it at the record's time. Ranges keep validity periods: remove ends a
range now instead of deleting it, so past answers do not change.

Subcommands:
  add       register CIDR ranges for network ID, valid from --from (default now)
  remove    end the registration of CIDR ranges of network ID now
  list      print every range, past and present, as JSON
  overlaps  print the pairs of ranges of different networks that overlap, as JSON

Options:
  --from RFC3339  start of validity for add (default: now)
  --url URL       a running correlator; sends PROVENANCE_TOKEN when set
  --db FILE       a database file (default ./provenance.db); add creates it

Needs the optional package @otel-provenance/correlator.
`;

const SUBCOMMANDS = ['add', 'remove', 'list', 'overlaps'] as const;

export const networksCommand: Command = {
  name: 'networks',
  summary: 'register, list and check the address ranges of networks',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags('networks', argv, {
      from: { type: 'string' },
      url: { type: 'string' },
      db: { type: 'string' },
    });
    const [subcommand, id, ...cidrs] = positionals;
    if (!SUBCOMMANDS.includes(subcommand as (typeof SUBCOMMANDS)[number])) {
      throw usageError(
        `provenance networks: ${subcommand === undefined ? 'missing' : `unknown`} subcommand${subcommand === undefined ? '' : ` "${subcommand}"`}; expected one of ${SUBCOMMANDS.join(', ')}`,
      );
    }
    const needsRanges = subcommand === 'add' || subcommand === 'remove';
    if (needsRanges && (id === undefined || cidrs.length === 0)) {
      throw usageError(`provenance networks ${subcommand}: expected ID and at least one CIDR`);
    }
    if (needsRanges && id?.trim() === '') {
      throw usageError(
        `provenance networks ${subcommand}: the network ID is empty; give one such as vpc-0a1b2c`,
      );
    }
    if (!needsRanges && id !== undefined) {
      throw usageError(`provenance networks ${subcommand}: unexpected argument "${id}"`);
    }
    if (values.from !== undefined && subcommand !== 'add') {
      throw usageError('provenance networks: --from applies only to add');
    }
    const fromMs = values.from === undefined ? Date.now() : parseFrom(values.from);

    const correlator = await loadCorrelator('networks');
    // Checked before the database opens, so a typo neither creates a file nor hides behind
    // a missing database.
    const invalid = cidrs.find((cidr) => correlator.parseCidr(cidr) === undefined);
    if (invalid !== undefined) {
      throw usageError(
        `provenance networks: invalid CIDR range "${invalid}"; expected ADDRESS/PREFIX such as 10.0.0.0/16`,
      );
    }
    // Ranges are often registered before the correlator first runs, so add creates the file.
    const target = await openQueryTarget('networks', correlator, values, io, subcommand === 'add');
    try {
      let result: unknown;
      if (subcommand === 'add') {
        result = { ranges: (await target.queries.addRanges(id!, cidrs, fromMs)).map(formatRange) };
      } else if (subcommand === 'remove') {
        result = { removed: await target.queries.removeRanges(id!, cidrs, Date.now()) };
      } else if (subcommand === 'list') {
        result = { ranges: (await target.queries.listRanges()).map(formatRange) };
      } else {
        const overlaps = await target.queries.overlaps();
        result = {
          overlaps: overlaps.map(({ a, b }) => ({ a: formatRange(a), b: formatRange(b) })),
        };
      }
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT_OK;
    } catch (error) {
      if (error instanceof correlator.QueryError) {
        throw new CliError(`provenance networks: ${error.message}`, EXIT_USAGE, 'INVALID_QUERY');
      }
      if (values.url !== undefined) {
        throw new CliError(
          `provenance networks: ${(error as Error).message}`,
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

type NetworkRange = Awaited<ReturnType<QueryTarget['queries']['listRanges']>>[number];

// Prints validity periods as RFC 3339 times; `until` is null while a range is registered.
function formatRange(range: NetworkRange) {
  return {
    network: range.network,
    cidr: range.cidr,
    from: new Date(range.fromMs).toISOString(),
    until: range.untilMs === null ? null : new Date(range.untilMs).toISOString(),
  };
}

function parseFrom(text: string): number {
  const ms = parseRfc3339(text);
  if (ms === undefined) {
    throw usageError(
      `provenance networks: invalid --from "${text}"; expected an RFC 3339 time such as 2026-01-31T12:00:00Z`,
    );
  }
  return ms;
}
