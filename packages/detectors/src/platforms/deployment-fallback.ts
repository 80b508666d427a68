import { diag } from '@opentelemetry/api';
import {
  ATTR_DEPLOYMENT_ID,
  ATTR_PROVENANCE_DEPLOYMENT_ID_SOURCE,
  DEPLOYMENT_ID_NAMESPACE,
  deriveUuid,
} from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { resourceAttributesFromEnv } from '../detectors/environment-detector.js';
import { loadManifest } from '../detectors/manifest-detector.js';
import type { DeploymentBasis } from './platform.js';
import { platformFacts } from './platform-facts.js';

/**
 * Derives the fallback `deployment.id`: the UUIDv5, in
 * `DEPLOYMENT_ID_NAMESPACE`, of `<platform>:<scope...>:<revision>`, such as
 * `aws_lambda:111122223333:eu-west-1:checkout:14`. Returns `undefined` when a
 * scope part or the revision is unknown, so two services never share an id.
 */
export function fallbackDeploymentId(basis: DeploymentBasis): string | undefined {
  const parts = [basis.platform, ...basis.scope, basis.revision];
  if (parts.some((part) => part === undefined || part.trim() === '')) {
    return undefined;
  }
  return deriveUuid(parts.join(':'), DEPLOYMENT_ID_NAMESPACE);
}

/**
 * Gives `deployment.id` and `provenance.deployment.id.source` from the
 * platform's own revision, only when neither a manifest nor
 * `OTEL_RESOURCE_ATTRIBUTES` names the deployment. Never rejects.
 */
export async function detectFallbackDeployment(
  context: DetectionContext,
): Promise<Record<string, unknown>> {
  if (Object.keys(loadManifest(context)).length > 0) {
    return {};
  }
  if (resourceAttributesFromEnv(context)[ATTR_DEPLOYMENT_ID] !== undefined) {
    return {};
  }

  const basis = (await platformFacts(context))?.deployment;
  const id = basis === undefined ? undefined : fallbackDeploymentId(basis);
  if (basis !== undefined && id === undefined) {
    diag.debug(
      `provenance: no fallback deployment.id on ${basis.platform}: its scope or revision is unknown`,
    );
  }
  return id === undefined
    ? {}
    : { [ATTR_DEPLOYMENT_ID]: id, [ATTR_PROVENANCE_DEPLOYMENT_ID_SOURCE]: basis!.platform };
}
