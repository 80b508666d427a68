import type { ProvenanceReport } from '@otel-provenance/detectors';

/** Formats a detection report as aligned columns: attribute, value, source. */
export function formatDetectTable(report: ProvenanceReport): string {
  const rows = Object.entries(report.attributes).map(([key, value]) => [
    key,
    Array.isArray(value) ? value.join(', ') : String(value),
    report.sources[key] ?? '',
  ]);
  if (rows.length === 0) {
    return 'No attributes detected.\n';
  }

  const header = ['attribute', 'value', 'source'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
