import { ATTR_CLOUD_PROVIDER, ATTR_HOST_ID } from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { type Environment, envValue } from '../env-value.js';
import type { EnvPlatform, PlatformFacts } from './platform.js';
import {
  ATTR_HEROKU_APP_ID,
  ATTR_HEROKU_RELEASE_COMMIT,
  ATTR_HEROKU_RELEASE_CREATION_TIMESTAMP,
} from './platform-keys.js';

/**
 * Reads a Heroku dyno from the dyno metadata variables (`HEROKU_APP_ID` and
 * the rest appear only once the app enables runtime dyno metadata). The
 * dyno id is `host.id`, not `service.instance.id`, which stays one random
 * value per process.
 */
export function readHeroku(env: Environment): PlatformFacts {
  const appId = envValue(env, 'HEROKU_APP_ID');
  return {
    detector: heroku.name,
    attributes: {
      [ATTR_CLOUD_PROVIDER]: 'heroku',
      [ATTR_HEROKU_APP_ID]: appId,
      [ATTR_HEROKU_RELEASE_COMMIT]: envValue(env, 'HEROKU_SLUG_COMMIT'),
      [ATTR_HEROKU_RELEASE_CREATION_TIMESTAMP]: envValue(env, 'HEROKU_RELEASE_CREATED_AT'),
      [ATTR_HOST_ID]: envValue(env, 'HEROKU_DYNO_ID'),
    },
    deployment: {
      platform: 'heroku',
      scope: [appId],
      revision: envValue(env, 'HEROKU_RELEASE_VERSION'),
    },
  };
}

/** Heroku, from `DYNO` or the dyno metadata's `HEROKU_DYNO_ID`. */
export const heroku: EnvPlatform = {
  name: 'heroku',
  keys: [
    ATTR_CLOUD_PROVIDER,
    ATTR_HEROKU_APP_ID,
    ATTR_HEROKU_RELEASE_COMMIT,
    ATTR_HEROKU_RELEASE_CREATION_TIMESTAMP,
    ATTR_HOST_ID,
  ],
  recognise: (env) =>
    envValue(env, 'DYNO') !== undefined || envValue(env, 'HEROKU_DYNO_ID') !== undefined,
  read: (context: DetectionContext) => Promise.resolve(readHeroku(context.env)),
};
