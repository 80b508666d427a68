import { AggregationTemporality, InstrumentType } from '@opentelemetry/sdk-metrics';

/** Chooses the temporality per instrument type. */
export type TemporalitySelector = (instrumentType: InstrumentType) => AggregationTemporality;

const DELTA_TYPES: Record<string, readonly InstrumentType[]> = {
  delta: [
    InstrumentType.COUNTER,
    InstrumentType.OBSERVABLE_COUNTER,
    InstrumentType.HISTOGRAM,
    InstrumentType.GAUGE,
    InstrumentType.OBSERVABLE_GAUGE,
  ],
  lowmemory: [InstrumentType.COUNTER, InstrumentType.HISTOGRAM],
};

/**
 * Reads `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE` (`cumulative`, `delta` or
 * `lowmemory`, as the OTLP exporter specification defines them); an unknown value warns and
 * falls back to `cumulative`.
 */
export function temporalitySelector(
  env: Record<string, string | undefined>,
  warnings: string[],
): TemporalitySelector {
  const preference =
    env.OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE?.trim().toLowerCase() ?? '';
  if (preference !== '' && preference !== 'cumulative' && DELTA_TYPES[preference] === undefined) {
    warnings.push(
      `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE="${preference}" is invalid: expected cumulative, delta or lowmemory`,
    );
  }
  const deltaTypes = DELTA_TYPES[preference] ?? [];
  return (instrumentType) =>
    deltaTypes.includes(instrumentType)
      ? AggregationTemporality.DELTA
      : AggregationTemporality.CUMULATIVE;
}
