import {
  ATTR_CLOUD_ACCOUNT_ID,
  ATTR_CLOUD_PLATFORM,
  ATTR_CLOUD_PROVIDER,
  ATTR_CLOUD_REGION,
  ATTR_FAAS_INSTANCE,
  ATTR_FAAS_NAME,
  ATTR_FAAS_VERSION,
} from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { type Environment, envValue, firstEnvValue } from '../env-value.js';
import { gcpMetadataBase, gcpMetadataValue, lastSegment } from './gcp-metadata.js';
import { mergeDefined } from './json-fields.js';
import { collectWithinBudget } from './network-budget.js';
import type { EnvPlatform, PlatformFacts } from './platform.js';
import {
  ATTR_GCP_CLOUD_RUN_JOB_EXECUTION,
  ATTR_GCP_CLOUD_RUN_JOB_TASK_INDEX,
  CLOUD_PLATFORM,
} from './platform-keys.js';

// Knative sets K_SERVICE too, on any Kubernetes cluster; Cloud Run is not
// Kubernetes to the container, so a pod is never taken for Cloud Run.
// FUNCTION_TARGET alone does not count: the Functions Framework reads it on
// a developer's machine too, where no metadata server exists.
function recognise(env: Environment): boolean {
  if (envValue(env, 'KUBERNETES_SERVICE_HOST') !== undefined) {
    return false;
  }
  return envValue(env, 'K_SERVICE') !== undefined || envValue(env, 'CLOUD_RUN_JOB') !== undefined;
}

function taskIndex(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** Reads what the container contract's variables give, with no request. */
export function googleCloudFromEnv(env: Environment): Record<string, unknown> {
  const job = envValue(env, 'CLOUD_RUN_JOB');
  const isFunction = envValue(env, 'FUNCTION_TARGET') !== undefined;
  return {
    [ATTR_CLOUD_PROVIDER]: 'gcp',
    [ATTR_CLOUD_PLATFORM]: isFunction
      ? CLOUD_PLATFORM.gcpCloudFunctions
      : CLOUD_PLATFORM.gcpCloudRun,
    [ATTR_FAAS_NAME]: job ?? envValue(env, 'K_SERVICE'),
    [ATTR_FAAS_VERSION]: job === undefined ? envValue(env, 'K_REVISION') : undefined,
    [ATTR_GCP_CLOUD_RUN_JOB_EXECUTION]:
      job === undefined ? undefined : envValue(env, 'CLOUD_RUN_EXECUTION'),
    [ATTR_GCP_CLOUD_RUN_JOB_TASK_INDEX]:
      job === undefined ? undefined : taskIndex(envValue(env, 'CLOUD_RUN_TASK_INDEX')),
    // Set by the user or by older function runtimes; the metadata server is asked only without them.
    [ATTR_CLOUD_ACCOUNT_ID]: firstEnvValue(env, [
      'GOOGLE_CLOUD_PROJECT',
      'GCLOUD_PROJECT',
      'GCP_PROJECT',
    ]),
    [ATTR_CLOUD_REGION]: envValue(env, 'FUNCTION_REGION'),
  };
}

async function readGoogleCloud(context: DetectionContext): Promise<PlatformFacts> {
  const fromEnv = googleCloudFromEnv(context.env);
  const base = gcpMetadataBase(context);

  // Only what the variables lack, and the instance id, which no variable gives.
  const fromServer = await collectWithinBudget<Record<string, string>>(context, async (sink) => {
    if (base === undefined) return;
    const requests = [
      gcpMetadataValue(context, base, 'instance/id').then((id) => {
        if (id !== undefined) sink[ATTR_FAAS_INSTANCE] = id;
      }),
    ];
    if (fromEnv[ATTR_CLOUD_ACCOUNT_ID] === undefined) {
      requests.push(
        gcpMetadataValue(context, base, 'project/project-id').then((project) => {
          if (project !== undefined) sink[ATTR_CLOUD_ACCOUNT_ID] = project;
        }),
      );
    }
    if (fromEnv[ATTR_CLOUD_REGION] === undefined) {
      requests.push(
        gcpMetadataValue(context, base, 'instance/region').then((region) => {
          const name = lastSegment(region);
          if (name !== undefined) sink[ATTR_CLOUD_REGION] = name;
        }),
      );
    }
    await Promise.all(requests);
  });

  const attributes = mergeDefined(fromServer, fromEnv);
  const isJob = envValue(context.env, 'CLOUD_RUN_JOB') !== undefined;
  return {
    detector: googleCloud.name,
    attributes,
    // A job execution is a run, not a deployment: jobs have no revision.
    deployment: {
      platform: attributes[ATTR_CLOUD_PLATFORM] as string,
      scope: [
        attributes[ATTR_CLOUD_ACCOUNT_ID] as string | undefined,
        attributes[ATTR_CLOUD_REGION] as string | undefined,
        envValue(context.env, 'K_SERVICE'),
      ],
      revision: isJob ? undefined : envValue(context.env, 'K_REVISION'),
    },
  };
}

/**
 * Google Cloud Run services and jobs, and Cloud Run functions (Cloud
 * Functions), from the container contract's variables. The metadata server
 * gives the instance id, and the project and region when no variable does.
 */
export const googleCloud: EnvPlatform = {
  name: 'google-cloud',
  keys: [
    ATTR_CLOUD_PROVIDER,
    ATTR_CLOUD_PLATFORM,
    ATTR_CLOUD_ACCOUNT_ID,
    ATTR_CLOUD_REGION,
    ATTR_FAAS_NAME,
    ATTR_FAAS_VERSION,
    ATTR_FAAS_INSTANCE,
    ATTR_GCP_CLOUD_RUN_JOB_EXECUTION,
    ATTR_GCP_CLOUD_RUN_JOB_TASK_INDEX,
  ],
  recognise,
  read: readGoogleCloud,
};
