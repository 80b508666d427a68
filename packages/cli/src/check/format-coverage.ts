import type { CoverageReport } from './coverage.js';

/** Formats a coverage report as text: one line per signal and one per missing key. */
export function formatCoverageTable(report: CoverageReport): string {
  const lines = [`required keys: ${report.requiredKeys.join(', ')}`];
  for (const [signal, coverage] of Object.entries(report.signals)) {
    const percent = coverage.records === 0 ? 100 : (100 * coverage.complete) / coverage.records;
    lines.push(
      `${signal}: ${coverage.complete}/${coverage.records} records complete (${percent.toFixed(1)}%)`,
    );
    for (const [key, count] of Object.entries(coverage.missing)) {
      lines.push(`  missing ${key}: ${count}`);
    }
  }
  lines.push(...report.notes);
  return `${lines.join('\n')}\n`;
}
