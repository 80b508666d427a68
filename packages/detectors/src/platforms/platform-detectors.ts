import {
  ATTR_CLOUD_PLATFORM,
  ATTR_CLOUD_PROVIDER,
  ATTR_DEPLOYMENT_ID,
  ATTR_PROVENANCE_DEPLOYMENT_ID_SOURCE,
} from '@otel-provenance/core';
import {
  type ContextOptions,
  createDetectionContext,
  type DetectionContext,
} from '../detection-context.js';
import { deferredAttributes, type ProvenanceDetector } from '../detector.js';
import { detectFallbackDeployment } from './deployment-fallback.js';
import type { EnvPlatform, InstancePlatform } from './platform.js';
import {
  ENV_PLATFORMS,
  INSTANCE_PLATFORMS,
  namedPlatform,
  platformFacts,
} from './platform-facts.js';

const MARKER_KEYS = [ATTR_CLOUD_PROVIDER, ATTR_CLOUD_PLATFORM] as const;

// A named platform rules out every other platform, and an instance platform
// reports only when no platform is named. Both are known from the variables.
function mayReport(platform: EnvPlatform | InstancePlatform, context: DetectionContext): boolean {
  const named = namedPlatform(context);
  return named === undefined
    ? INSTANCE_PLATFORMS.includes(platform as InstancePlatform)
    : named === platform;
}

// A platform ruled out gives no keys rather than keys that settle empty,
// because the SDK wraps every pending value again at each resource merge.
function platformDetector(
  platform: EnvPlatform | InstancePlatform,
  context: DetectionContext,
): ProvenanceDetector {
  return {
    name: platform.name,
    detect: () => {
      if (!mayReport(platform, context)) {
        return { attributes: {} };
      }
      // Without requests a virtual machine's marker gives its provider and platform only.
      const isInstance = INSTANCE_PLATFORMS.includes(platform as InstancePlatform);
      const keys = isInstance && !context.detectNetwork ? MARKER_KEYS : platform.keys;
      return {
        attributes: deferredAttributes(
          platform.name,
          keys,
          platformFacts(context).then((facts) =>
            facts?.detector === platform.name ? facts.attributes : {},
          ),
        ),
      };
    },
  };
}

/**
 * Detects the fallback `deployment.id` derived from the platform's own
 * revision id, with `provenance.deployment.id.source` naming the platform.
 * Gives nothing when a manifest or `OTEL_RESOURCE_ATTRIBUTES` names the
 * deployment, or the platform has no revision. Never rejects.
 */
export function deploymentFallbackDetector(
  options: ContextOptions = {},
  context = createDetectionContext(options),
): ProvenanceDetector {
  return {
    name: 'deployment-fallback',
    detect: () => {
      // Only the platforms named in the variables have revisions to derive from.
      if (namedPlatform(context) === undefined) {
        return { attributes: {} };
      }
      return {
        attributes: deferredAttributes(
          'deployment-fallback',
          [ATTR_DEPLOYMENT_ID, ATTR_PROVENANCE_DEPLOYMENT_ID_SOURCE],
          context.memo('deployment-fallback', () => detectFallbackDeployment(context)),
        ),
      };
    },
  };
}

/**
 * Returns one detector per serverless and cloud platform: AWS Lambda and
 * ECS, Google Cloud Run and Cloud Functions, Azure Functions, App Service
 * and Container Apps, Fly.io, Heroku, Vercel, and the EC2, GCE and Azure VM
 * metadata services. At most one of them reports: the first platform whose
 * variables match, else, outside a Kubernetes pod, the virtual machine whose
 * DMI marker is under `root`. Metadata requests share one time budget and
 * stop at `--no-network`. None throws or rejects.
 */
export function platformDetectors(
  options: ContextOptions = {},
  context = createDetectionContext(options),
): ProvenanceDetector[] {
  return [...ENV_PLATFORMS, ...INSTANCE_PLATFORMS].map((platform) =>
    platformDetector(platform, context),
  );
}
