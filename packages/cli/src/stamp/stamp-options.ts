import { ATTR_SERVICE_INSTANCE_ID } from '@opentelemetry/semantic-conventions';
import { ATTR_DEPLOYMENT_ID, isUuid, uuidVersion } from '@otel-provenance/core';
import { usageError } from '../exit-codes.js';
import { parseChoice, parseFlags } from '../parse-flags.js';

export const STAMP_FORMATS = ['json', 'env', 'dotenv', 'k8s'] as const;
export type StampFormat = (typeof STAMP_FORMATS)[number];

/** The parsed command line of `provenance stamp`. */
export interface StampOptions {
  format: StampFormat;
  out?: string;
  environment?: string;
  /** `--attribute` pairs in order; a later pair for the same key wins. */
  attributes: Record<string, string>;
  deploymentId?: string;
  includeActor: boolean;
}

const FLAGS = {
  format: { type: 'string' },
  out: { type: 'string' },
  environment: { type: 'string' },
  attribute: { type: 'string', multiple: true },
  'deployment-id': { type: 'string' },
  'include-actor': { type: 'boolean' },
} as const;

/**
 * Validates a deployment id: a canonical UUID other than the nil and max
 * UUIDs, returned in lower case. Throws a usage error naming the value.
 */
export function parseDeploymentId(value: string, flag: string): string {
  const version = uuidVersion(value);
  if (!isUuid(value) || version === 0 || version === 15) {
    throw usageError(
      `provenance stamp: invalid ${flag} "${value}"; expected a UUID such as 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b (omit it to mint a new UUIDv7)`,
    );
  }
  return value.toLowerCase();
}

function parseAttribute(pair: string): [string, string] {
  const separator = pair.indexOf('=');
  const key = separator > 0 ? pair.slice(0, separator).trim() : '';
  const value = separator > 0 ? pair.slice(separator + 1).trim() : '';
  if (key === '' || value === '' || /\s/.test(key)) {
    throw usageError(
      `provenance stamp: invalid --attribute "${pair}"; expected KEY=VALUE with a non-empty key without spaces and a non-empty value, for example --attribute service.namespace=payments`,
    );
  }
  return [key, value];
}

/** Parses the arguments of `provenance stamp`. Throws a usage error (exit 2) naming the flag. */
export function parseStampOptions(argv: string[]): StampOptions {
  const { values, positionals } = parseFlags('stamp', argv, FLAGS);
  if (positionals.length > 0) {
    throw usageError(
      `provenance stamp: unexpected argument "${positionals[0]}"; stamp takes only flags, see \`provenance stamp --help\``,
    );
  }

  const attributes: Record<string, string> = {};
  for (const pair of values.attribute ?? []) {
    const [key, value] = parseAttribute(pair);
    // A manifest is copied into every instance of the artifact, so an instance id in it
    // would give them all the same one.
    if (key === ATTR_SERVICE_INSTANCE_ID) {
      throw usageError(
        `provenance stamp: invalid --attribute ${key}: the manifest is shared by every instance of the build; leave it out, and set it per process through OTEL_RESOURCE_ATTRIBUTES if you must`,
      );
    }
    attributes[key] =
      key === ATTR_DEPLOYMENT_ID ? parseDeploymentId(value, '--attribute deployment.id') : value;
  }

  for (const flag of ['out', 'environment'] as const) {
    if (values[flag] !== undefined && values[flag].trim() === '') {
      throw usageError(
        `provenance stamp: --${flag} is empty; give it a value or leave the flag out`,
      );
    }
  }

  return {
    format: parseChoice('stamp', 'format', values.format, STAMP_FORMATS, 'json'),
    out: values.out,
    environment: values.environment?.trim(),
    attributes,
    deploymentId:
      values['deployment-id'] === undefined
        ? undefined
        : parseDeploymentId(values['deployment-id'].trim(), '--deployment-id'),
    includeActor: values['include-actor'] ?? false,
  };
}
