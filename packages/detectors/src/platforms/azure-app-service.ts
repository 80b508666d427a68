import {
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_PLATFORM,
  ATTR_CLOUD_PROVIDER,
  ATTR_CLOUD_REGION,
  ATTR_CLOUD_RESOURCE_ID,
  ATTR_FAAS_INSTANCE,
  ATTR_FAAS_MAX_MEMORY,
} from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { type Environment, envValue, firstEnvValue } from '../env-value.js';
import { mebibytesToBytes } from './memory-size.js';
import type { EnvPlatform, PlatformFacts } from './platform.js';
import { ATTR_AZURE_RESOURCE_GROUP_NAME, CLOUD_PLATFORM } from './platform-keys.js';

const FLEX_CONSUMPTION = 'FlexConsumption';

/**
 * Reports whether an App Service site is a function app: the Functions host
 * sets `FUNCTIONS_EXTENSION_VERSION` or `FUNCTIONS_WORKER_RUNTIME`, and on
 * Flex Consumption, where they may be missing, the SKU names the plan.
 */
export function isFunctionApp(env: Environment): boolean {
  return (
    envValue(env, 'FUNCTIONS_EXTENSION_VERSION') !== undefined ||
    envValue(env, 'FUNCTIONS_WORKER_RUNTIME') !== undefined ||
    envValue(env, 'WEBSITE_SKU') === FLEX_CONSUMPTION ||
    envValue(env, 'WEBSITE_SKU_NAME') === FLEX_CONSUMPTION
  );
}

function recognise(env: Environment): boolean {
  return envValue(env, 'WEBSITE_SITE_NAME') !== undefined || isFunctionApp(env);
}

// `WEBSITE_OWNER_NAME` is `<subscription id>+<resource group>-<region>webspace[-Linux]`
// (on Flex Consumption `<subscription id>+flex-<hash>-webspace`).
function subscriptionId(env: Environment): string | undefined {
  const owner = envValue(env, 'WEBSITE_OWNER_NAME');
  const id = owner?.split('+')[0]?.trim();
  return id === undefined || id === '' || id === owner ? undefined : id;
}

// `REGION_NAME` is a display name ("West Europe"). The location name that
// the Azure APIs use is the same in lower case without spaces ("westeurope").
// NOTE: checked against common regions only; a region whose location name
// differs in more than case and spaces would get a wrong cloud.region.
export function azureLocation(displayName: string | undefined): string | undefined {
  const location = displayName?.toLowerCase().replace(/\s+/g, '');
  return location === '' ? undefined : location;
}

/** Reads an App Service site or function app from the platform's app settings. */
export function readAzureAppService(env: Environment): PlatformFacts {
  const functionApp = isFunctionApp(env);
  const subscription = subscriptionId(env);
  const resourceGroup = envValue(env, 'WEBSITE_RESOURCE_GROUP');
  const site = envValue(env, 'WEBSITE_SITE_NAME');
  const resourceId =
    subscription !== undefined && resourceGroup !== undefined && site !== undefined
      ? `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Web/sites/${site}`
      : undefined;

  return {
    detector: azureAppService.name,
    attributes: {
      [ATTR_CLOUD_PROVIDER]: 'azure',
      [ATTR_CLOUD_PLATFORM]: functionApp
        ? CLOUD_PLATFORM.azureFunctions
        : CLOUD_PLATFORM.azureAppService,
      [ATTR_CLOUD_ACCOUNT_ID]: subscription,
      [ATTR_CLOUD_REGION]: azureLocation(envValue(env, 'REGION_NAME')),
      [ATTR_CLOUD_RESOURCE_ID]: resourceId,
      [ATTR_AZURE_RESOURCE_GROUP_NAME]: resourceGroup,
      // The semantic conventions keep faas.name for spans on Azure; the
      // instance and memory describe the function app's host.
      [ATTR_FAAS_INSTANCE]: functionApp
        ? firstEnvValue(env, ['WEBSITE_INSTANCE_ID', 'WEBSITE_POD_NAME', 'CONTAINER_NAME'])
        : undefined,
      [ATTR_FAAS_MAX_MEMORY]: functionApp
        ? mebibytesToBytes(envValue(env, 'WEBSITE_MEMORY_LIMIT_MB'))
        : undefined,
    },
  };
}

/**
 * Azure App Service and Azure Functions (every plan, Flex Consumption
 * included): one detector, so a site is exactly one of the two, never both.
 * No deployment fallback: App Service has no revision id in its settings.
 */
export const azureAppService: EnvPlatform = {
  name: 'azure-app-service',
  keys: [
    ATTR_CLOUD_PROVIDER,
    ATTR_CLOUD_PLATFORM,
    ATTR_CLOUD_ACCOUNT_ID,
    ATTR_CLOUD_REGION,
    ATTR_CLOUD_RESOURCE_ID,
    ATTR_AZURE_RESOURCE_GROUP_NAME,
    ATTR_FAAS_INSTANCE,
    ATTR_FAAS_MAX_MEMORY,
  ],
  recognise,
  read: (context: DetectionContext) => Promise.resolve(readAzureAppService(context.env)),
};
