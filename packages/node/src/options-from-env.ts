import { parseRecordAttributes } from '@otel-provenance/processors';
import type { ProvenanceOptions } from './options.js';

/** The options read from the environment, and a warning for each value that was not understood. */
export interface OptionsFromEnv {
  options: ProvenanceOptions;
  warnings: string[];
}

/**
 * Maps the `PROVENANCE_*` variables to options. A blank variable counts as unset; an
 * unparsable one is left unset (so the default applies) and named in `warnings` with the fix.
 * The variables the detectors read (`PROVENANCE_MANIFEST`, `PROVENANCE_NETWORK_ID`,
 * `PROVENANCE_NETWORK_KIND`, `PROVENANCE_DETECT_NETWORK`, `PROVENANCE_DETECT_BUDGET_MS`) stay
 * in `env` and are read there.
 */
export function optionsFromEnv(env: Record<string, string | undefined>): OptionsFromEnv {
  const options: ProvenanceOptions = { env };
  const warnings: string[] = [];

  const recordAttributes = blankAsUnset(env.PROVENANCE_RECORD_ATTRIBUTES);
  if (recordAttributes !== undefined) {
    const parsed = parseRecordAttributes(recordAttributes);
    if (parsed.error !== undefined) {
      warnings.push(`PROVENANCE_RECORD_ATTRIBUTES: ${parsed.error}; using compact`);
    }
    options.recordAttributes = parsed.keys;
  }

  const flushTimeoutMs = readInteger(env, 'PROVENANCE_FLUSH_TIMEOUT_MS', 1, warnings);
  if (flushTimeoutMs !== undefined) {
    options.flushTimeoutMs = flushTimeoutMs;
  }
  const interval = readInteger(env, 'PROVENANCE_ENTITY_REPORT_INTERVAL_S', 0, warnings);
  if (interval !== undefined) {
    options.entityReportIntervalSeconds = interval;
  }
  return { options, warnings };
}

function blankAsUnset(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readInteger(
  env: Record<string, string | undefined>,
  name: string,
  minimum: number,
  warnings: string[],
): number | undefined {
  const text = blankAsUnset(env[name]);
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    warnings.push(
      `${name}="${text}" is invalid: expected an integer >= ${minimum}; using the default`,
    );
    return undefined;
  }
  return value;
}
