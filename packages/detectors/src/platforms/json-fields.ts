// Typed reads of fields from a parsed JSON document that may have any shape,
// so a garbage or partial metadata document gives `undefined`, never a throw.

/** Returns `value[key]` when `value` is a plain object, else `undefined`. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Returns `value[key]` when it is a string that is not blank, trimmed. */
export function stringField(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  if (typeof found !== 'string') return undefined;
  const trimmed = found.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Returns `value[key]` when it is an array, else an empty array. */
export function arrayField(value: unknown, key: string): unknown[] {
  const found = field(value, key);
  return Array.isArray(found) ? found : [];
}

/** Returns the strings in `value[key]` that are not blank. */
export function stringsField(value: unknown, key: string): string[] {
  return arrayField(value, key).filter(
    (item): item is string => typeof item === 'string' && item.trim() !== '',
  );
}

/** Copies the entries of `sources` whose value is defined, later sources winning. */
export function mergeDefined(...sources: Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) merged[key] = value;
    }
  }
  return merged;
}
