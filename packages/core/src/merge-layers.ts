import { diag } from '@opentelemetry/api';
import type { Attributes, AttributeValue } from './sanitize/sanitize-attributes.js';

/** One source of attributes, such as a detector, the manifest or explicit options. */
export interface AttributeLayer {
  source: string;
  attributes: Attributes;
}

export interface MergedAttributes {
  attributes: Attributes;
  /** For each key, the source whose value won. */
  sources: Record<string, string>;
  /** Keys that two sources gave different values for, with the winning and losing sources. */
  conflicts: { key: string; winner: string; loser: string }[];
}

function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => item === b[index]);
  }
  return a === b;
}

/**
 * Merges layers given least specific first, so a later layer wins, the way the
 * OpenTelemetry SDK merges detector results. Conflicting values are reported
 * in one `diag.debug` line, never thrown.
 */
export function mergeLayers(layers: readonly AttributeLayer[]): MergedAttributes {
  const merged: MergedAttributes = { attributes: {}, sources: {}, conflicts: [] };

  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.attributes)) {
      const previous = merged.attributes[key];
      const previousSource = merged.sources[key];
      if (previous !== undefined && previousSource !== undefined && !sameValue(previous, value)) {
        merged.conflicts.push({ key, winner: layer.source, loser: previousSource });
      }
      merged.attributes[key] = value;
      merged.sources[key] = layer.source;
    }
  }

  if (merged.conflicts.length > 0) {
    const summary = merged.conflicts.map((c) => `${c.key} (${c.winner} over ${c.loser})`);
    diag.debug(
      `provenance: ${merged.conflicts.length} attribute conflict(s): ${summary.join(', ')}`,
    );
  }
  return merged;
}
