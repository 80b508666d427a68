import { COMPACT_RECORD_KEYS } from '@otel-provenance/core';

/** A named set of resource keys to copy onto each record. */
export type RecordAttributesPreset = 'none' | 'compact';

/** The resource attributes to copy: a preset or an explicit list of keys. */
export type RecordAttributesOption = RecordAttributesPreset | readonly string[];

/** The outcome of {@link parseRecordAttributes}. */
export interface ParsedRecordAttributes {
  keys: readonly string[];
  /** Set when the text was not understood; `keys` then falls back to `compact`. */
  error?: string;
}

const KEY_PATTERN = /^[A-Za-z0-9_.\-/]+$/;

/** Resolves a preset or list into the keys to copy, dropping duplicates and blanks. */
export function resolveRecordKeys(option: RecordAttributesOption | undefined): readonly string[] {
  if (option === undefined || option === 'compact') {
    return COMPACT_RECORD_KEYS;
  }
  if (option === 'none') {
    return [];
  }
  const keys = new Set<string>();
  for (const key of option) {
    const trimmed = key.trim();
    if (trimmed !== '') {
      keys.add(trimmed);
    }
  }
  return [...keys];
}

/**
 * Parses the text form used by `PROVENANCE_RECORD_ATTRIBUTES`: `none`, `compact` or a
 * comma-separated list of attribute keys. An invalid key yields `error` and the `compact` keys,
 * so a typo never silently strips identity from every record.
 */
export function parseRecordAttributes(text: string): ParsedRecordAttributes {
  const trimmed = text.trim();
  if (trimmed === 'none' || trimmed === 'compact') {
    return { keys: resolveRecordKeys(trimmed) };
  }
  const parts = trimmed.split(',').map((part) => part.trim());
  const invalid = parts.find((part) => part !== '' && !KEY_PATTERN.test(part));
  if (invalid !== undefined || parts.every((part) => part === '')) {
    return {
      keys: COMPACT_RECORD_KEYS,
      error: `invalid attribute list "${text}": expected none, compact or comma-separated attribute keys`,
    };
  }
  return { keys: resolveRecordKeys(parts) };
}
