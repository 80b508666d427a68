import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type {
  AggregationTemporality,
  InstrumentType,
  ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { ExportCounter } from './export-counter.js';
import type { ExporterKind } from './exporter-selection.js';
import { LazyExporter } from './lazy-exporter.js';
import type { TemporalitySelector } from './metric-temporality.js';
import type { OtlpConfig } from './otlp-config.js';

// Each loader imports its module only when called, on the first export, so the start-up path
// never loads an exporter (the OTLP ones bring the transformer and HTTP transport with them).

/** Creates the span exporter of `kind`, loaded on first use. */
export function spanExporter(kind: ExporterKind, config: OtlpConfig, counter: ExportCounter) {
  const load = async () => {
    if (kind === 'console') {
      return new (await import('@opentelemetry/sdk-trace')).ConsoleSpanExporter();
    }
    return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter(
      exporterConfig(config),
    );
  };
  return new LazyExporter<ReadableSpan[]>(load, counter, (spans) => spans.length);
}

/** Creates the log record exporter of `kind`, loaded on first use. */
export function logRecordExporter(kind: ExporterKind, config: OtlpConfig, counter: ExportCounter) {
  const load = async () => {
    if (kind === 'console') {
      return new (await import('@opentelemetry/sdk-logs')).ConsoleLogRecordExporter();
    }
    return new (await import('@opentelemetry/exporter-logs-otlp-http')).OTLPLogExporter(
      exporterConfig(config),
    );
  };
  return new LazyExporter<ReadableLogRecord[]>(load, counter, (records) => records.length);
}

/** A metric exporter loaded on first use, which answers the reader's temporality question itself. */
export class LazyMetricExporter extends LazyExporter<ResourceMetrics> {
  constructor(
    kind: ExporterKind,
    config: OtlpConfig,
    counter: ExportCounter,
    private readonly temporality: TemporalitySelector,
  ) {
    const load = async () => {
      if (kind === 'console') {
        return new (await import('@opentelemetry/sdk-metrics')).ConsoleMetricExporter();
      }
      const otlp = await import('@opentelemetry/exporter-metrics-otlp-http');
      return new otlp.OTLPMetricExporter(exporterConfig(config));
    };
    super(load, counter, countDataPoints);
  }

  selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality {
    return this.temporality(instrumentType);
  }
}

function countDataPoints(metrics: ResourceMetrics): number {
  let count = 0;
  for (const scope of metrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      count += metric.dataPoints.length;
    }
  }
  return count;
}

// The exporters type `compression` as their own string enum, whose values are these strings.
function exporterConfig(
  config: OtlpConfig,
): { compression?: never } & Omit<OtlpConfig, 'compression'> {
  return config as unknown as Omit<OtlpConfig, 'compression'> & { compression?: never };
}
