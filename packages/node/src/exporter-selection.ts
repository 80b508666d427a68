/** A telemetry signal. */
export type Signal = 'traces' | 'logs' | 'metrics';

/** An exporter kind that `OTEL_{TRACES,LOGS,METRICS}_EXPORTER` may name. */
export type ExporterKind = 'otlp' | 'console';

/** The exporters chosen for one signal, and a warning for each name not supported. */
export interface ExporterSelection {
  kinds: ExporterKind[];
  warnings: string[];
}

const VARIABLES: Record<Signal, string> = {
  traces: 'OTEL_TRACES_EXPORTER',
  logs: 'OTEL_LOGS_EXPORTER',
  metrics: 'OTEL_METRICS_EXPORTER',
};

/**
 * Reads `OTEL_{TRACES,LOGS,METRICS}_EXPORTER`: a comma-separated list of `otlp`, `console` or
 * `none` (default `otlp`). `none` anywhere turns the signal off, as the SDK environment specification defines.
 * An unsupported name (`zipkin`, `prometheus`) is skipped with a warning.
 */
export function selectExporters(
  env: Record<string, string | undefined>,
  signal: Signal,
): ExporterSelection {
  const variable = VARIABLES[signal];
  const text = env[variable]?.trim() ?? '';
  if (text === '') {
    return { kinds: ['otlp'], warnings: [] };
  }
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.includes('none')) {
    return { kinds: [], warnings: [] };
  }

  const kinds = new Set<ExporterKind>();
  const warnings: string[] = [];
  for (const name of names) {
    if (name === 'otlp' || name === 'console') {
      kinds.add(name);
    } else {
      warnings.push(
        `${variable}: exporter "${name}" is not supported here; use otlp, console or none`,
      );
    }
  }
  return { kinds: [...kinds], warnings };
}
