import type { ResourceDetector } from '@opentelemetry/resources';
import type { RecordAttributesOption } from '@otel-provenance/processors';

/** A `fetch`-like function, so detection can be pointed at a test server. */
export type FetchFunction = typeof globalThis.fetch;

/** Settings of {@link startProvenance}; each has the environment variable named beside it. */
export interface ProvenanceOptions {
  /** The environment the SDK settings are read from; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** A directory that replaces `/` for every file the detectors read; default `/`. */
  root?: string;
  /** The `fetch` used for metadata requests; default `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Replaces the default detectors entirely, least specific first. */
  detectors?: ResourceDetector[];
  /** `PROVENANCE_RECORD_ATTRIBUTES`: resource keys copied onto each span and log record. */
  recordAttributes?: RecordAttributesOption;
  /** `PROVENANCE_FLUSH_TIMEOUT_MS`: the upper bound of every flush, in milliseconds. */
  flushTimeoutMs?: number;
  /** `PROVENANCE_ENTITY_REPORT_INTERVAL_S`: seconds between `entity.state` events; 0 sends one. */
  entityReportIntervalSeconds?: number;
  /**
   * The time detection may take before the resource settles with what it has, in ms; when
   * unset, the detectors read `PROVENANCE_DETECT_BUDGET_MS` (default 1000).
   */
  detectBudgetMs?: number;
  /** Flush on SIGTERM, SIGINT, `beforeExit` and fatal errors; default true. */
  handleProcessEvents?: boolean;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  env: Record<string, string | undefined>;
  recordAttributes: RecordAttributesOption;
  flushTimeoutMs: number;
  entityReportIntervalSeconds: number;
  handleProcessEvents: boolean;
}

export const DEFAULT_FLUSH_TIMEOUT_MS = 3000;
export const DEFAULT_ENTITY_REPORT_INTERVAL_S = 60;

/** Applies the defaults to `options`. */
export function resolveOptions(options: ProvenanceOptions): ResolvedOptions {
  return {
    env: options.env ?? process.env,
    recordAttributes: options.recordAttributes ?? 'compact',
    flushTimeoutMs: options.flushTimeoutMs ?? DEFAULT_FLUSH_TIMEOUT_MS,
    entityReportIntervalSeconds:
      options.entityReportIntervalSeconds ?? DEFAULT_ENTITY_REPORT_INTERVAL_S,
    handleProcessEvents: options.handleProcessEvents ?? true,
  };
}
