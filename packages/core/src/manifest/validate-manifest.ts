import { isUuid } from '../deployment-id.js';
import type { AttributeScalar, Attributes } from '../sanitize/sanitize-attributes.js';
import { MANIFEST_SCHEMA_VERSION, type Manifest } from './manifest.js';

export type ValidationResult = { ok: true; manifest: Manifest } | { ok: false; errors: string[] };

const TOP_LEVEL_FIELDS = new Set(['schemaVersion', 'createdAt', 'attributes']);

// RFC 3339 date-time with a mandatory offset, as `Date.toISOString()` writes it.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isScalar(value: unknown): value is AttributeScalar {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function validateAttributes(value: unknown, errors: string[]): Attributes {
  const attributes: Attributes = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push('attributes: expected an object of attribute keys to values');
    return attributes;
  }

  for (const [key, item] of Object.entries(value)) {
    if (key.trim() === '') {
      errors.push('attributes: expected non-empty keys, found ""');
    } else if (isScalar(item)) {
      attributes[key] = item;
    } else if (Array.isArray(item) && item.every(isScalar)) {
      attributes[key] = item;
    } else {
      errors.push(
        `attributes.${key}: expected a string, a finite number, a boolean or an array of them`,
      );
    }
  }

  const deploymentId = attributes['deployment.id'];
  if (deploymentId !== undefined && (typeof deploymentId !== 'string' || !isUuid(deploymentId))) {
    errors.push(`attributes.deployment.id: expected a UUID, found ${JSON.stringify(deploymentId)}`);
  }
  return attributes;
}

/**
 * Checks that `input` is a schema version 1 manifest. Each error names the
 * field and what was expected; a manifest of a newer schema version is
 * rejected with a message naming that version, since its fields may mean
 * something this package does not know.
 */
export function validateManifest(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['manifest: expected a JSON object'] };
  }
  const record = input as Record<string, unknown>;
  const errors: string[] = [];

  const schemaVersion = record.schemaVersion;
  if (typeof schemaVersion === 'number' && schemaVersion > MANIFEST_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        `schemaVersion: ${schemaVersion} is newer than the supported version ${MANIFEST_SCHEMA_VERSION}; upgrade @otel-provenance packages to read it`,
      ],
    };
  }
  if (schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    errors.push(
      `schemaVersion: expected ${MANIFEST_SCHEMA_VERSION}, found ${JSON.stringify(schemaVersion)}`,
    );
  }

  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL_FIELDS.has(key)) {
      errors.push(`${key}: unknown field in schema version ${MANIFEST_SCHEMA_VERSION}`);
    }
  }

  const createdAt = record.createdAt;
  if (
    typeof createdAt !== 'string' ||
    !RFC3339.test(createdAt) ||
    Number.isNaN(Date.parse(createdAt))
  ) {
    errors.push(`createdAt: expected an RFC 3339 date-time, found ${JSON.stringify(createdAt)}`);
  }

  const attributes = validateAttributes(record.attributes, errors);
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    manifest: {
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      createdAt: createdAt as string,
      attributes,
    },
  };
}
