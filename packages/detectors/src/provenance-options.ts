import { isNetworkKind, NETWORK_KINDS, type NetworkKind } from '@otel-provenance/core';
import { type Environment, envValue } from './env-value.js';
import { warnOnce } from './warn-once.js';

/** The time detection may take before it settles with what it has, when no budget is set. */
export const DEFAULT_DETECT_BUDGET_MS = 1000;

/** The maximum budget, so that detection never delays startup for long. */
export const MAX_DETECT_BUDGET_MS = 60_000;

/** The settings that `PROVENANCE_*` variables give the detectors. */
export interface ProvenanceOptions {
  /** `PROVENANCE_MANIFEST`: the manifest's path, relative to the working directory. */
  manifestPath?: string;
  /** `PROVENANCE_NETWORK_ID`: the isolated network the asset sits in. */
  networkId?: string;
  /** `PROVENANCE_NETWORK_KIND`: what `networkId` names. */
  networkKind?: NetworkKind;
  /** `PROVENANCE_DETECT_NETWORK`: `false` forbids every network request. Default `true`. */
  detectNetwork: boolean;
  /** `PROVENANCE_DETECT_BUDGET_MS`: the time detection may take, in milliseconds. */
  budgetMs: number;
}

const SWITCH_VALUES: Record<string, boolean> = {
  on: true,
  true: true,
  '1': true,
  off: false,
  false: false,
  '0': false,
};

/**
 * Maps the `PROVENANCE_*` variables to detector options. A blank variable
 * counts as unset. An unparsable one is reported once through `diag.warn`,
 * naming the variable, the value and what is expected, and its default is
 * used. Never throws.
 */
export function resolveProvenanceOptions(env: Environment): ProvenanceOptions {
  const options: ProvenanceOptions = { detectNetwork: true, budgetMs: DEFAULT_DETECT_BUDGET_MS };

  options.manifestPath = envValue(env, 'PROVENANCE_MANIFEST');
  options.networkId = envValue(env, 'PROVENANCE_NETWORK_ID');

  const kind = envValue(env, 'PROVENANCE_NETWORK_KIND');
  if (kind !== undefined && isNetworkKind(kind)) {
    options.networkKind = kind;
  } else if (kind !== undefined) {
    warnOnce(
      `provenance: PROVENANCE_NETWORK_KIND="${kind}" is invalid and ignored; expected one of ${NETWORK_KINDS.join(', ')}`,
    );
  }

  if (options.networkKind !== undefined && options.networkId === undefined) {
    warnOnce(
      'provenance: PROVENANCE_NETWORK_KIND is ignored without PROVENANCE_NETWORK_ID; set both or neither',
    );
  }

  const detectNetwork = envValue(env, 'PROVENANCE_DETECT_NETWORK');
  if (detectNetwork !== undefined) {
    const parsed = SWITCH_VALUES[detectNetwork.toLowerCase()];
    if (parsed === undefined) {
      warnOnce(
        `provenance: PROVENANCE_DETECT_NETWORK="${detectNetwork}" is invalid; expected on or off, using on`,
      );
    } else {
      options.detectNetwork = parsed;
    }
  }

  const budget = envValue(env, 'PROVENANCE_DETECT_BUDGET_MS');
  if (budget !== undefined) {
    const parsed = /^\d+$/.test(budget) ? Number(budget) : Number.NaN;
    if (parsed >= 1 && parsed <= MAX_DETECT_BUDGET_MS) {
      options.budgetMs = parsed;
    } else {
      warnOnce(
        `provenance: PROVENANCE_DETECT_BUDGET_MS="${budget}" is invalid; expected whole milliseconds from 1 to ${MAX_DETECT_BUDGET_MS}, using ${DEFAULT_DETECT_BUDGET_MS}`,
      );
    }
  }

  if (options.manifestPath === undefined) delete options.manifestPath;
  if (options.networkId === undefined) delete options.networkId;
  return options;
}
