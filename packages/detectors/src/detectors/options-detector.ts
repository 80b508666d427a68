import type { Attributes } from '@otel-provenance/core';
import { immediateAttributes, type ProvenanceDetector } from '../detector.js';

/**
 * Gives the attributes set in code, the most specific source of all, cleaned
 * like every detector's values.
 */
export function optionsDetector(attributes: Attributes = {}): ProvenanceDetector {
  return {
    name: 'options',
    detect: () => ({ attributes: immediateAttributes('options', attributes) }),
  };
}
