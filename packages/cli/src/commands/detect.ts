import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { detectProvenance } from '@otel-provenance/detectors';
import type { Command } from '../command.js';
import { CliError, EXIT_OK, EXIT_UNREADABLE, usageError } from '../exit-codes.js';
import type { CommandIo } from '../io.js';
import { parseChoice, parseFlags } from '../parse-flags.js';
import { formatDetectTable } from './detect-table.js';

const HELP = `Usage: provenance detect [--format json|table] [--root DIR] [--no-network]

Prints the resource attributes this asset would report and which detector
gave each value, as {"attributes": {...}, "sources": {"<key>": "<detector>"}}.

Options:
  --format json|table  output format (default: json)
  --root DIR           directory that replaces / for every file the detectors read (default: /)
  --no-network         make no network request at all, whatever PROVENANCE_DETECT_NETWORK says
  -h, --help           show this help

Warnings about misconfigured inputs go to stderr.
`;

async function resolveRoot(io: CommandIo, root: string | undefined): Promise<string> {
  if (root === undefined) {
    return '/';
  }
  if (root.trim() === '') {
    throw usageError('provenance detect: --root needs a directory; see `provenance detect --help`');
  }

  const path = resolve(io.cwd, root);
  const isDirectory = await stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isDirectory) {
    throw new CliError(
      `provenance detect: --root ${path} is not a readable directory; pass an existing directory`,
      EXIT_UNREADABLE,
      'ROOT_UNREADABLE',
    );
  }
  return path;
}

// Sends the detectors' warnings to stderr for the length of one run.
function withWarningsTo<T>(io: CommandIo, work: () => Promise<T>): Promise<T> {
  const write = (message: string) => io.stderr(`${message}\n`);
  diag.setLogger(
    { error: write, warn: write, info: () => {}, debug: () => {}, verbose: () => {} },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
  return work().finally(() => diag.disable());
}

export const detectCommand: Command = {
  name: 'detect',
  summary: 'print the identity this runtime would report, and where each value came from',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags('detect', argv, {
      format: { type: 'string' },
      root: { type: 'string' },
      'no-network': { type: 'boolean' },
    });
    if (positionals.length > 0) {
      throw usageError(
        `provenance detect: unexpected argument "${positionals[0]}"; see \`provenance detect --help\``,
      );
    }
    const format = parseChoice('detect', 'format', values.format, ['json', 'table'], 'json');
    const root = await resolveRoot(io, values.root);

    const report = await withWarningsTo(io, () =>
      detectProvenance({
        env: io.env,
        root,
        cwd: io.cwd,
        entryPoint: false,
        detectNetwork: values['no-network'] === true ? false : undefined,
      }),
    );

    io.stdout(
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatDetectTable(report),
    );
    return EXIT_OK;
  },
};
