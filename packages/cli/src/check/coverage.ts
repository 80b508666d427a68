import type { OtlpSignal, OtlpValue } from '@otel-provenance/core';
import type { OtlpFile } from './read-otlp-file.js';

/** Coverage of one signal: how many records carry every required key, and which keys are missing how often. */
export interface SignalCoverage {
  records: number;
  complete: number;
  missing: Record<string, number>;
}

/** The result of `provenance check` over all its files. */
export interface CoverageReport {
  requiredKeys: string[];
  signals: Partial<Record<OtlpSignal, SignalCoverage>>;
  records: number;
  incomplete: number;
  /** Plain sentences about inputs that held no OTLP/JSON records. */
  notes: string[];
}

// Proto field names of the top-level keys: a file using them is the plain proto3
// JSON mapping, which OTLP/JSON does not accept.
const PROTO_TOP_LEVEL_KEYS: Readonly<Record<string, string>> = {
  resource_spans: 'resourceSpans',
  resource_logs: 'resourceLogs',
  resource_metrics: 'resourceMetrics',
};

/**
 * Counts, per signal, the records (spans, log records, metric data points)
 * that carry each required key on their resource or on the record itself.
 * A key with an empty string or no value counts as missing.
 */
export function computeCoverage(
  files: readonly OtlpFile[],
  requiredKeys: readonly string[],
): CoverageReport {
  const report: CoverageReport = {
    requiredKeys: [...requiredKeys],
    signals: {},
    records: 0,
    incomplete: 0,
    notes: [],
  };

  for (const file of files) {
    let fileRecords = 0;
    for (const request of file.requests) {
      const coverage = report.signals[request.signal] ?? { records: 0, complete: 0, missing: {} };
      report.signals[request.signal] = coverage;
      for (const group of request.resources) {
        for (const record of group.records) {
          const absent = requiredKeys.filter(
            (key) => !isPresent(record.attributes[key]) && !isPresent(group.attributes[key]),
          );
          coverage.records++;
          fileRecords++;
          if (absent.length === 0) {
            coverage.complete++;
          }
          for (const key of absent) {
            coverage.missing[key] = (coverage.missing[key] ?? 0) + 1;
          }
        }
      }
    }
    report.records += fileRecords;
    if (fileRecords === 0) {
      report.notes.push(describeEmptyFile(file));
    }
  }

  report.incomplete = Object.values(report.signals).reduce(
    (sum, c) => sum + c.records - c.complete,
    0,
  );
  return report;
}

function describeEmptyFile(file: OtlpFile): string {
  const protoKeys = file.foreign.flatMap((entry) =>
    entry.keys.filter((key) => key in PROTO_TOP_LEVEL_KEYS),
  );
  if (protoKeys.length > 0) {
    const key = protoKeys[0]!;
    return `${file.path}: no OTLP/JSON records: its keys are protobuf field names (${key}), not the lowerCamelCase names OTLP/JSON requires (${PROTO_TOP_LEVEL_KEYS[key]}), so under the OTLP/JSON rules it holds nothing; export it with an OTLP/JSON encoder`;
  }
  if (file.foreign.length > 0) {
    const keys = file.foreign[0]!.keys.join(', ') || 'none';
    return `${file.path}: no OTLP/JSON records: line ${file.foreign[0]!.line} has none of resourceSpans, resourceLogs, resourceMetrics (keys: ${keys})`;
  }
  return `${file.path}: no OTLP/JSON records: the file holds no spans, log records or data points`;
}

function isPresent(value: OtlpValue): boolean {
  return value !== undefined && value !== '';
}
