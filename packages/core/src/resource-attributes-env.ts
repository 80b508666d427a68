import type { Attributes } from './sanitize/sanitize-attributes.js';

/**
 * The longest key or value, after percent-decoding, that the OpenTelemetry JS
 * env detector accepts (`@opentelemetry/resources` 2.x discards the whole
 * variable when one entry is longer).
 */
export const MAX_ENV_ENTRY_LENGTH = 255;

export interface EncodeResult {
  /** The `OTEL_RESOURCE_ATTRIBUTES` value, without the variable name. */
  value: string;
  /** Keys left out because their key or value is longer than {@link MAX_ENV_ENTRY_LENGTH}. */
  omitted: string[];
}

// Arrays have no place in the variable's format; we join them with commas,
// which are percent-encoded, so the receiving side sees one string.
function toText(value: Attributes[string]): string {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

/**
 * Encodes attributes as an `OTEL_RESOURCE_ATTRIBUTES` value: every character
 * outside the URI unreserved set is percent-encoded, so `,`, `=`, spaces and
 * non-ASCII text survive the SDK's parser, which trims and percent-decodes.
 */
export function encodeResourceAttributes(attributes: Attributes): EncodeResult {
  const pairs: string[] = [];
  const omitted: string[] = [];

  for (const [key, value] of Object.entries(attributes)) {
    const text = toText(value);
    if (key.length > MAX_ENV_ENTRY_LENGTH || text.length > MAX_ENV_ENTRY_LENGTH) {
      omitted.push(key);
      continue;
    }
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return { value: pairs.join(','), omitted };
}

export type DecodeResult =
  | { ok: true; attributes: Record<string, string> }
  | { ok: false; error: string };

/**
 * Decodes an `OTEL_RESOURCE_ATTRIBUTES` value by the specification's rules:
 * empty entries are skipped, and one invalid entry (no `=`, an unencoded `=`,
 * an empty key, a bad percent-escape, an over-long key or value) discards the
 * whole variable. Returns the reason instead of throwing.
 */
export function decodeResourceAttributes(raw: string): DecodeResult {
  const attributes: Record<string, string> = {};

  for (const entry of raw.split(',')) {
    if (entry.trim() === '') {
      continue;
    }

    const parts = entry.split('=');
    if (parts.length !== 2) {
      return {
        ok: false,
        error: `entry "${entry}" is not key=value with "," and "=" percent-encoded`,
      };
    }

    const key = parts[0]!.trim();
    const value = parts[1]!.trim();
    if (key === '') {
      return { ok: false, error: `entry "${entry}" has an empty key` };
    }

    let decodedKey: string;
    let decodedValue: string;
    try {
      decodedKey = decodeURIComponent(key);
      decodedValue = decodeURIComponent(value);
    } catch {
      return { ok: false, error: `entry "${entry}" has an invalid percent-escape` };
    }

    if (decodedKey.length > MAX_ENV_ENTRY_LENGTH || decodedValue.length > MAX_ENV_ENTRY_LENGTH) {
      return {
        ok: false,
        error: `entry for key "${decodedKey.slice(0, 64)}" is longer than ${MAX_ENV_ENTRY_LENGTH} characters`,
      };
    }
    attributes[decodedKey] = decodedValue;
  }
  return { ok: true, attributes };
}
