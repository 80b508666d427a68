import { resolve } from 'node:path';
import { REQUIRED_IDENTITY_KEYS } from '@otel-provenance/core';
import { computeCoverage } from '../check/coverage.js';
import { formatCoverageTable } from '../check/format-coverage.js';
import { type OtlpFile, readOtlpFile } from '../check/read-otlp-file.js';
import type { Command } from '../command.js';
import { EXIT_FAILURE, EXIT_OK, usageError } from '../exit-codes.js';
import { parseChoice, parseFlags } from '../parse-flags.js';

const HELP = `Usage: provenance check FILE... [--require KEYS] [--format json|table]

Reports attribution coverage of exported telemetry: for each signal, how many
spans, log records and metric data points carry every required key on their
resource or on the record, and how often each key is missing. Reads OTLP/JSON
request bodies, or JSON Lines as the OpenTelemetry Collector file exporter
writes them.

Options:
  --require KEYS   comma-separated keys every record must carry
                   (default: ${REQUIRED_IDENTITY_KEYS.join(',')})
  --format FORMAT  table (default) or json

Exit status: 0 when every record carries every key, 1 when a record lacks one
or a file holds no OTLP/JSON records, 3 when a file cannot be read or parsed
(the message names the file and line).
`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'report attribution coverage of exported OTLP/JSON telemetry',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags('check', argv, {
      require: { type: 'string' },
      format: { type: 'string' },
    });
    const format = parseChoice(
      'check',
      'format',
      values.format,
      ['table', 'json'] as const,
      'table',
    );
    if (positionals.length === 0) {
      throw usageError(
        'provenance check: missing FILE; usage: provenance check FILE... [--require KEYS]',
      );
    }
    const requiredKeys = parseKeys(values.require);

    const files: OtlpFile[] = [];
    for (const file of positionals) {
      files.push(await readOtlpFile(resolve(io.cwd, file), file));
    }
    const report = computeCoverage(files, requiredKeys);

    io.stdout(
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatCoverageTable(report),
    );
    return report.incomplete > 0 || report.notes.length > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};

function parseKeys(value: string | undefined): string[] {
  if (value === undefined) {
    return [...REQUIRED_IDENTITY_KEYS];
  }
  const keys = value
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  if (keys.length === 0) {
    throw usageError(
      'provenance check: --require needs at least one key, such as service.name,deployment.id',
    );
  }
  return keys;
}
