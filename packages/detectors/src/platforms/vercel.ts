import { ATTR_CLOUD_PROVIDER, ATTR_CLOUD_REGION } from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { type Environment, envValue } from '../env-value.js';
import type { EnvPlatform, PlatformFacts } from './platform.js';

// The semantic conventions list no value for Vercel; this is its name in their style.
const PROVIDER = 'vercel';

/**
 * Reads a Vercel function from the system environment variables. The git
 * facts Vercel also exposes describe the build, not the platform, and are
 * left to the manifest.
 */
export function readVercel(env: Environment): PlatformFacts {
  return {
    detector: vercel.name,
    attributes: {
      [ATTR_CLOUD_PROVIDER]: PROVIDER,
      [ATTR_CLOUD_REGION]: envValue(env, 'VERCEL_REGION'),
    },
    deployment: {
      platform: PROVIDER,
      scope: [envValue(env, 'VERCEL_PROJECT_ID')],
      revision: envValue(env, 'VERCEL_DEPLOYMENT_ID'),
    },
  };
}

/** Vercel, from `VERCEL=1` or `VERCEL_REGION`. */
export const vercel: EnvPlatform = {
  name: 'vercel',
  keys: [ATTR_CLOUD_PROVIDER, ATTR_CLOUD_REGION],
  recognise: (env) =>
    envValue(env, 'VERCEL') === '1' || envValue(env, 'VERCEL_REGION') !== undefined,
  read: (context: DetectionContext) => Promise.resolve(readVercel(context.env)),
};
