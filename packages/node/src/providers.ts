import type { Resource } from '@opentelemetry/resources';
import type { LogRecordProcessor } from '@opentelemetry/sdk-logs';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ProvenanceLogRecordProcessor, ProvenanceSpanProcessor } from '@otel-provenance/processors';
import { ExportCounter } from './export-counter.js';
import { selectExporters } from './exporter-selection.js';
import { LazyMetricExporter, logRecordExporter, spanExporter } from './exporters.js';
import { temporalitySelector } from './metric-temporality.js';
import type { ResolvedOptions } from './options.js';
import { otlpConfig } from './otlp-config.js';

/** The three SDK providers and the export counts of each signal. */
export interface Providers {
  tracerProvider: TracerProvider;
  loggerProvider: LoggerProvider;
  meterProvider: MeterProvider;
  counters: { traces: ExportCounter; logs: ExportCounter; metrics: ExportCounter };
}

const DEFAULT_METRIC_INTERVAL_MS = 60_000;

/**
 * Builds the tracer, logger and meter providers with our processors ahead of batching
 * processors, and the exporters `OTEL_{TRACES,LOGS,METRICS}_EXPORTER` select. Unparsable
 * settings are appended to `warnings` and their defaults used.
 */
export function buildProviders(
  resource: Resource,
  options: ResolvedOptions,
  warnings: string[],
): Providers {
  const { env, flushTimeoutMs } = options;
  const counters = {
    traces: new ExportCounter('spans'),
    logs: new ExportCounter('log records'),
    metrics: new ExportCounter('metric points'),
  };
  const processorOptions = { recordAttributes: options.recordAttributes };

  const traceSelection = selectExporters(env, 'traces');
  warnings.push(...traceSelection.warnings);
  const traceConfig = otlpConfig(env, 'traces', flushTimeoutMs, warnings);
  const spanProcessors: SpanProcessor[] = [new ProvenanceSpanProcessor(processorOptions)];
  for (const kind of traceSelection.kinds) {
    const exporter = spanExporter(kind, traceConfig, counters.traces);
    spanProcessors.push(new BatchSpanProcessor({ exporter, exportTimeoutMillis: flushTimeoutMs }));
  }

  const logSelection = selectExporters(env, 'logs');
  warnings.push(...logSelection.warnings);
  const logConfig = otlpConfig(env, 'logs', flushTimeoutMs, warnings);
  const logProcessors: LogRecordProcessor[] = [new ProvenanceLogRecordProcessor(processorOptions)];
  for (const kind of logSelection.kinds) {
    const exporter = logRecordExporter(kind, logConfig, counters.logs);
    logProcessors.push(
      new BatchLogRecordProcessor({ exporter, exportTimeoutMillis: flushTimeoutMs }),
    );
  }

  const metricSelection = selectExporters(env, 'metrics');
  warnings.push(...metricSelection.warnings);
  const metricConfig = otlpConfig(env, 'metrics', flushTimeoutMs, warnings);
  const temporality = temporalitySelector(env, warnings);
  const exportIntervalMillis = metricInterval(env, warnings);
  const readers: MetricReader[] = metricSelection.kinds.map(
    (kind) =>
      new PeriodicExportingMetricReader({
        exporter: new LazyMetricExporter(kind, metricConfig, counters.metrics, temporality),
        exportIntervalMillis,
        exportTimeoutMillis: Math.min(flushTimeoutMs, exportIntervalMillis),
      }),
  );

  return {
    tracerProvider: new TracerProvider({ resource, spanProcessors }),
    loggerProvider: new LoggerProvider({ resource, processors: logProcessors }),
    meterProvider: new MeterProvider({ resource, readers }),
    counters,
  };
}

function metricInterval(env: Record<string, string | undefined>, warnings: string[]): number {
  const text = env.OTEL_METRIC_EXPORT_INTERVAL?.trim() ?? '';
  if (text === '') {
    return DEFAULT_METRIC_INTERVAL_MS;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    warnings.push(`OTEL_METRIC_EXPORT_INTERVAL="${text}" is invalid: expected milliseconds > 0`);
    return DEFAULT_METRIC_INTERVAL_MS;
  }
  return value;
}
