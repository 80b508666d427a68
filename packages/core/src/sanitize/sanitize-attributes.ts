import { diag } from '@opentelemetry/api';
import { boundString, MAX_VALUE_LENGTH } from './bound-value.js';
import { scrubEmbeddedCredentials, scrubRepositoryUrl, scrubUrl } from './scrub-url.js';

export type AttributeScalar = string | number | boolean;
export type AttributeValue = AttributeScalar | AttributeScalar[];
export type Attributes = Record<string, AttributeValue>;

export interface SanitizeResult {
  attributes: Attributes;
  /** Keys whose value was cut to the length bound. */
  truncated: string[];
  /** Keys whose value was dropped: empty, not finite, an unparsable URL, or an unsupported type. */
  dropped: string[];
}

export interface SanitizeOptions {
  maxLength?: number;
}

// Keys that hold URLs by the naming rules of the semantic conventions.
function isUrlKey(key: string): boolean {
  return key.endsWith('.url') || key.endsWith('.url.full') || key === 'url.full';
}

function sanitizeScalar(key: string, value: unknown, maxLength: number) {
  if (typeof value === 'boolean') {
    return { value, truncated: false };
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { value, truncated: false } : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }

  let text: string | undefined = value;
  if (isUrlKey(key)) {
    text = key === 'vcs.repository.url.full' ? scrubRepositoryUrl(value) : scrubUrl(value);
  }
  if (text === undefined) {
    return undefined;
  }
  text = scrubEmbeddedCredentials(text);

  const bounded = boundString(text, maxLength);
  return bounded.value === '' ? undefined : bounded;
}

/**
 * Applies the value hygiene every emitted attribute goes through: credentials
 * removed from URL-valued keys and from URLs embedded in any string, control
 * characters removed, strings bounded,
 * empty strings and non-finite numbers dropped. Never throws.
 */
export function sanitizeAttributes(
  input: Record<string, unknown>,
  options: SanitizeOptions = {},
): SanitizeResult {
  const maxLength = options.maxLength ?? MAX_VALUE_LENGTH;
  const result: SanitizeResult = { attributes: {}, truncated: [], dropped: [] };

  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) {
      continue;
    }

    if (Array.isArray(value)) {
      const items: AttributeScalar[] = [];
      let truncated = false;
      for (const item of value) {
        const clean = sanitizeScalar(key, item, maxLength);
        if (clean) {
          items.push(clean.value);
          truncated ||= clean.truncated;
        }
      }
      if (items.length === 0) {
        result.dropped.push(key);
        continue;
      }
      result.attributes[key] = items;
      if (truncated) result.truncated.push(key);
      continue;
    }

    const clean = sanitizeScalar(key, value, maxLength);
    if (!clean) {
      result.dropped.push(key);
      continue;
    }
    result.attributes[key] = clean.value;
    if (clean.truncated) result.truncated.push(key);
  }
  return result;
}

/**
 * Sanitises attributes and reports what was cut or dropped in one `diag.warn`
 * line, so a bad input is visible once and not on every span.
 */
export function sanitizeAndReport(
  input: Record<string, unknown>,
  origin: string,
  options: SanitizeOptions = {},
): Attributes {
  const result = sanitizeAttributes(input, options);
  if (result.truncated.length > 0) {
    diag.warn(
      `${origin}: ${result.truncated.length} value(s) cut to ${options.maxLength ?? MAX_VALUE_LENGTH} characters: ${result.truncated.join(', ')}`,
    );
  }
  if (result.dropped.length > 0) {
    diag.debug(
      `${origin}: ${result.dropped.length} value(s) dropped as empty or invalid: ${result.dropped.join(', ')}`,
    );
  }
  return result.attributes;
}
