import type { CorrelatorModule } from '../load-correlator.js';

type WhoisAnswer = Awaited<
  ReturnType<ReturnType<CorrelatorModule['createTimelineQueries']>['whois']>
>;

const COLUMNS = [
  'network',
  'service.name',
  'service.version',
  'deployment.id',
  'service.instance.id',
  'from',
  'to',
  'source',
] as const;

/** Formats a whois result as an aligned text table with a summary line. */
export function formatWhoisTable(answer: WhoisAnswer): string {
  const rows = answer.candidates.map((candidate) =>
    COLUMNS.map((column) => String(candidate[column] ?? (column === 'to' ? 'open' : '-'))),
  );
  const widths = COLUMNS.map((column, index) =>
    Math.max(column.length, ...rows.map((row) => row[index]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join('  ')
      .trimEnd();

  const summary = `${answer.ip} at ${answer.at}: ${answer.candidates.length} candidate(s)${answer.ambiguous ? ', ambiguous' : ''}`;
  return [summary, line(COLUMNS), ...rows.map(line), ''].join('\n');
}
