import {
  ATTR_CLOUD_PROVIDER,
  ATTR_CLOUD_REGION,
  ATTR_HOST_ID,
  ATTR_PROVENANCE_DNS_NAME,
} from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { type Environment, envValue } from '../env-value.js';
import type { EnvPlatform, PlatformFacts } from './platform.js';

// The semantic conventions list no value for Fly.io; this is its name in their style.
const PROVIDER = 'fly_io';

// App and Machine names are DNS labels; anything else cannot form the name.
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Reads a Fly Machine from the runtime environment. Its private-network name
 * `<machine id>.vm.<app>.internal` resolves to this Machine alone.
 */
export function readFlyIo(env: Environment): PlatformFacts {
  const app = envValue(env, 'FLY_APP_NAME');
  const machine = envValue(env, 'FLY_MACHINE_ID');
  const canName =
    app !== undefined && machine !== undefined && DNS_LABEL.test(app) && DNS_LABEL.test(machine);
  return {
    detector: flyIo.name,
    attributes: {
      [ATTR_CLOUD_PROVIDER]: PROVIDER,
      [ATTR_CLOUD_REGION]: envValue(env, 'FLY_REGION'),
      [ATTR_HOST_ID]: machine,
      [ATTR_PROVENANCE_DNS_NAME]: canName ? `${machine}.vm.${app}.internal` : undefined,
    },
    // One image reference per deployment, whatever the region; app names
    // are unique across Fly.io.
    deployment: { platform: PROVIDER, scope: [app], revision: envValue(env, 'FLY_IMAGE_REF') },
  };
}

/** Fly.io Machines, from `FLY_APP_NAME` with `FLY_MACHINE_ID` or `FLY_ALLOC_ID`. */
export const flyIo: EnvPlatform = {
  name: 'fly-io',
  keys: [ATTR_CLOUD_PROVIDER, ATTR_CLOUD_REGION, ATTR_HOST_ID, ATTR_PROVENANCE_DNS_NAME],
  recognise: (env) =>
    envValue(env, 'FLY_APP_NAME') !== undefined &&
    (envValue(env, 'FLY_MACHINE_ID') !== undefined || envValue(env, 'FLY_ALLOC_ID') !== undefined),
  read: (context: DetectionContext) => Promise.resolve(readFlyIo(context.env)),
};
