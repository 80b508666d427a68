/** The three OTLP signals, named as the OTLP/HTTP paths name them. */
export type OtlpSignal = 'traces' | 'logs' | 'metrics';

/** A decoded OTLP attribute value: scalars, arrays, and key-value lists as plain objects. */
export type OtlpValue =
  | string
  | number
  | boolean
  | OtlpValue[]
  | { [key: string]: OtlpValue | undefined }
  | undefined;

/** One span, log record or metric data point, reduced to what attribution needs. */
export interface OtlpRecord {
  attributes: Record<string, OtlpValue>;
  /** `timeUnixNano` (spans: `startTimeUnixNano`); 0n when unset. */
  timeUnixNano: bigint;
  /** Logs only; 0n when unset. */
  observedTimeUnixNano: bigint;
  /** Logs only: the `eventName` field. */
  eventName: string | undefined;
}

/** The records of one resource in a request. */
export interface OtlpResourceGroup {
  attributes: Record<string, OtlpValue>;
  records: OtlpRecord[];
}

/** One export request: the signal and its records grouped by resource. */
export interface OtlpRequest {
  signal: OtlpSignal;
  resources: OtlpResourceGroup[];
  recordCount: number;
}

/** A body whose shape breaks the OTLP/JSON rules; `path` names the offending field. */
export class OtlpShapeError extends Error {
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path} ${problem}`);
    this.name = 'OtlpShapeError';
    this.path = path;
  }
}
