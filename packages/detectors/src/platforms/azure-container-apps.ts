import { ATTR_CLOUD_PLATFORM, ATTR_CLOUD_PROVIDER, ATTR_CLOUD_REGION } from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { type Environment, envValue } from '../env-value.js';
import type { EnvPlatform, PlatformFacts } from './platform.js';
import { CLOUD_PLATFORM } from './platform-keys.js';

// The environment's default domain is `<unique name>.<region>.azurecontainerapps.io`.
function regionFromDnsSuffix(suffix: string | undefined): string | undefined {
  const match = suffix === undefined ? null : /\.([a-z0-9]+)\.azurecontainerapps\.io$/.exec(suffix);
  return match?.[1];
}

/** Reads a Container Apps replica from the built-in `CONTAINER_APP_*` variables. */
export function readAzureContainerApps(env: Environment): PlatformFacts {
  const dnsSuffix = envValue(env, 'CONTAINER_APP_ENV_DNS_SUFFIX');
  return {
    detector: azureContainerApps.name,
    attributes: {
      [ATTR_CLOUD_PROVIDER]: 'azure',
      [ATTR_CLOUD_PLATFORM]: CLOUD_PLATFORM.azureContainerApps,
      [ATTR_CLOUD_REGION]: regionFromDnsSuffix(dnsSuffix),
    },
    // The environment's domain is unique across Azure, so it scopes the app.
    deployment: {
      platform: CLOUD_PLATFORM.azureContainerApps,
      scope: [dnsSuffix, envValue(env, 'CONTAINER_APP_NAME')],
      revision: envValue(env, 'CONTAINER_APP_REVISION'),
    },
  };
}

/** Azure Container Apps, from `CONTAINER_APP_NAME`. */
export const azureContainerApps: EnvPlatform = {
  name: 'azure-container-apps',
  keys: [ATTR_CLOUD_PROVIDER, ATTR_CLOUD_PLATFORM, ATTR_CLOUD_REGION],
  recognise: (env) => envValue(env, 'CONTAINER_APP_NAME') !== undefined,
  read: (context: DetectionContext) => Promise.resolve(readAzureContainerApps(context.env)),
};
