import {
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_PLATFORM,
  ATTR_CLOUD_PROVIDER,
  ATTR_CLOUD_REGION,
  ATTR_FAAS_INSTANCE,
  ATTR_FAAS_MAX_MEMORY,
  ATTR_FAAS_NAME,
  ATTR_FAAS_VERSION,
} from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { resourceAttributesFromEnv } from '../detectors/environment-detector.js';
import { type Environment, envValue, firstEnvValue } from '../env-value.js';
import { mebibytesToBytes } from './memory-size.js';
import type { EnvPlatform, PlatformFacts } from './platform.js';
import {
  ATTR_AWS_LOG_GROUP_NAMES,
  ATTR_AWS_LOG_STREAM_NAMES,
  CLOUD_PLATFORM,
} from './platform-keys.js';

// The unpublished version: it changes with every deployment, so it never names one.
const UNPUBLISHED_VERSION = '$LATEST';

function recognise(env: Environment): boolean {
  // OS-only runtimes (provided.al2023) leave AWS_EXECUTION_ENV unset.
  return (
    envValue(env, 'AWS_LAMBDA_FUNCTION_NAME') !== undefined ||
    envValue(env, 'AWS_EXECUTION_ENV')?.startsWith('AWS_Lambda_') === true
  );
}

/**
 * Reads a Lambda function's facts from the runtime's defined variables, with
 * no network call. The account id is in no variable, so the fallback
 * deployment id uses the `cloud.account.id` of `OTEL_RESOURCE_ATTRIBUTES`
 * and is left out without it.
 */
export function readAwsLambda(env: Environment, givenAccountId?: string): PlatformFacts {
  const name = envValue(env, 'AWS_LAMBDA_FUNCTION_NAME');
  const version = envValue(env, 'AWS_LAMBDA_FUNCTION_VERSION');
  const region = firstEnvValue(env, ['AWS_REGION', 'AWS_DEFAULT_REGION']);
  const logGroup = envValue(env, 'AWS_LAMBDA_LOG_GROUP_NAME');
  const logStream = envValue(env, 'AWS_LAMBDA_LOG_STREAM_NAME');

  return {
    detector: awsLambda.name,
    attributes: {
      [ATTR_CLOUD_PROVIDER]: 'aws',
      [ATTR_CLOUD_PLATFORM]: CLOUD_PLATFORM.awsLambda,
      [ATTR_CLOUD_REGION]: region,
      [ATTR_FAAS_NAME]: name,
      [ATTR_FAAS_VERSION]: version,
      [ATTR_FAAS_INSTANCE]: logStream,
      [ATTR_FAAS_MAX_MEMORY]: mebibytesToBytes(envValue(env, 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE')),
      [ATTR_AWS_LOG_GROUP_NAMES]: logGroup === undefined ? undefined : [logGroup],
      [ATTR_AWS_LOG_STREAM_NAMES]: logStream === undefined ? undefined : [logStream],
    },
    deployment: {
      platform: CLOUD_PLATFORM.awsLambda,
      scope: [givenAccountId, region, name],
      revision: version === UNPUBLISHED_VERSION ? undefined : version,
    },
  };
}

/** AWS Lambda, from `AWS_LAMBDA_FUNCTION_NAME` or a Lambda `AWS_EXECUTION_ENV`. */
export const awsLambda: EnvPlatform = {
  name: 'aws-lambda',
  keys: [
    ATTR_CLOUD_PROVIDER,
    ATTR_CLOUD_PLATFORM,
    ATTR_CLOUD_REGION,
    ATTR_FAAS_NAME,
    ATTR_FAAS_VERSION,
    ATTR_FAAS_INSTANCE,
    ATTR_FAAS_MAX_MEMORY,
    ATTR_AWS_LOG_GROUP_NAMES,
    ATTR_AWS_LOG_STREAM_NAMES,
  ],
  recognise,
  read: (context: DetectionContext) =>
    Promise.resolve(
      readAwsLambda(context.env, resourceAttributesFromEnv(context)[ATTR_CLOUD_ACCOUNT_ID]),
    ),
};
