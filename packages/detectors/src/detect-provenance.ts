import { type Attributes, mergeLayers, sanitizeAttributes } from '@otel-provenance/core';
import { settleDetector } from './detector.js';
import { type ProvenanceDetectorsOptions, provenanceDetectors } from './provenance-detectors.js';

/** The attributes this asset reports, with the detector that gave each value. */
export interface ProvenanceReport {
  attributes: Attributes;
  /** For each key, the name of the detector whose value won. */
  sources: Record<string, string>;
}

/**
 * Runs the whole detector set, waits for every value, and merges the results
 * by precedence as the SDK would, keeping the winning detector of each key.
 * Never rejects: a failed detector gives nothing.
 */
export async function detectProvenance(
  options: ProvenanceDetectorsOptions = {},
): Promise<ProvenanceReport> {
  const detectors = provenanceDetectors(options);
  const layers = await Promise.all(
    detectors.map(async (detector) => ({
      source: detector.name,
      attributes: await settleDetector(detector),
    })),
  );

  const merged = mergeLayers(layers);
  const attributes = sanitizeAttributes(merged.attributes).attributes;
  const sources: Record<string, string> = {};
  for (const key of Object.keys(attributes).sort()) {
    sources[key] = merged.sources[key]!;
  }
  const sorted = Object.fromEntries(Object.keys(sources).map((key) => [key, attributes[key]!]));
  return { attributes: sorted, sources };
}
