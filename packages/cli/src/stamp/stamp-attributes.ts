import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import {
  ATTR_DEPLOYMENT_ID,
  MAX_VALUE_LENGTH,
  mintDeploymentId,
  sanitizeAttributes,
} from '@otel-provenance/core';
import { detectCi } from '../ci/detect-ci.js';
import { readVariable } from '../ci/read-variable.js';
import { CliError, EXIT_FAILURE } from '../exit-codes.js';
import type { CommandIo } from '../io.js';
import { GIT_FACT_KEYS, readGitFacts } from './git-facts.js';
import { readPackageIdentity } from './package-identity.js';
import type { StampOptions } from './stamp-options.js';

const ATTR_DEPLOYMENT_ENVIRONMENT_NAME = 'deployment.environment.name';

// An e-mail address anywhere in a value. CI systems export commit authors'
// addresses, and none may reach the manifest, even through --attribute.
const EMAIL_ADDRESS = /[^\s@<>()"',;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

export interface StampAttributes {
  attributes: Record<string, string>;
  /** One line per problem, for stderr. */
  warnings: string[];
}

async function readServiceIdentity(
  options: StampOptions,
  io: CommandIo,
): Promise<Record<string, string>> {
  const explicitName =
    options.attributes[ATTR_SERVICE_NAME] ?? readVariable(io.env, 'OTEL_SERVICE_NAME');
  const explicitVersion = options.attributes[ATTR_SERVICE_VERSION];
  if (explicitName !== undefined && explicitVersion !== undefined) {
    return { [ATTR_SERVICE_NAME]: explicitName, [ATTR_SERVICE_VERSION]: explicitVersion };
  }

  const identity = await readPackageIdentity(io.cwd);
  const name = explicitName ?? identity?.name;
  if (name === undefined) {
    const where = identity
      ? `package.json in ${io.cwd} has no "name"`
      : `no package.json in ${io.cwd}`;
    throw new CliError(
      `provenance stamp: ${where}; run stamp in the package's folder or pass --attribute service.name=NAME`,
      EXIT_FAILURE,
      'SERVICE_NAME',
    );
  }

  const result: Record<string, string> = { [ATTR_SERVICE_NAME]: name };
  const version = explicitVersion ?? identity?.version;
  if (version !== undefined) {
    result[ATTR_SERVICE_VERSION] = version;
  }
  return result;
}

/**
 * Collects the attributes of one stamp, most specific last: package.json,
 * git facts for what the CI variables lack, the CI system's variables,
 * OTEL_SERVICE_NAME, --environment, --attribute, then the deployment id.
 * Every value is sanitised. Throws a `CliError` for an unusable package.json.
 */
export async function collectStampAttributes(
  options: StampOptions,
  io: CommandIo,
): Promise<StampAttributes> {
  const service = await readServiceIdentity(options, io);
  const ci = detectCi(io.env, { includeActor: options.includeActor });
  const missingGitKeys = GIT_FACT_KEYS.filter((key) => ci.attributes[key] === undefined);
  const git = missingGitKeys.length > 0 ? await readGitFacts(missingGitKeys, io.cwd, io.env) : {};

  const merged: Record<string, string> = {
    ...service,
    ...git,
    ...ci.attributes,
    ...options.attributes,
  };
  if (options.environment !== undefined) {
    merged[ATTR_DEPLOYMENT_ENVIRONMENT_NAME] = options.environment;
  }
  delete merged[ATTR_DEPLOYMENT_ID];

  const warnings: string[] = [];
  const sanitized = sanitizeAttributes(merged);
  if (sanitized.truncated.length > 0) {
    warnings.push(
      `provenance stamp: cut ${sanitized.truncated.length} value(s) to ${MAX_VALUE_LENGTH} characters: ${sanitized.truncated.join(', ')}`,
    );
  }
  if (sanitized.dropped.length > 0) {
    warnings.push(
      `provenance stamp: left out ${sanitized.dropped.join(', ')}: empty, or not a URL that can be kept without its credentials`,
    );
  }

  const attributes: Record<string, string> = {};
  const withEmail: string[] = [];
  for (const [key, value] of Object.entries(sanitized.attributes)) {
    const text = String(value);
    if (EMAIL_ADDRESS.test(text)) {
      withEmail.push(key);
    } else {
      attributes[key] = text;
    }
  }
  if (withEmail.length > 0) {
    warnings.push(
      `provenance stamp: left out ${withEmail.join(', ')}: the value contains an e-mail address`,
    );
  }

  attributes[ATTR_DEPLOYMENT_ID] =
    options.deploymentId ?? options.attributes[ATTR_DEPLOYMENT_ID] ?? mintDeploymentId();
  return { attributes, warnings };
}
