import { v5 as uuidV5, v7 as uuidV7, validate, version } from 'uuid';

/**
 * The namespace UUID in which otel-provenance derives a fallback
 * `deployment.id` from a platform's own revision id (UUIDv5 of
 * `<cloud.platform>:<scope>:<revision>`). Fixed forever: changing it would
 * give every existing deployment a new id.
 */
export const DEPLOYMENT_ID_NAMESPACE = 'd6dd8f8c-fded-4d0a-8ae4-3e68d701e945';

/**
 * The namespace the semantic conventions give for `service.instance.id` on
 * Kubernetes: UUIDv5 of `<namespace>.<pod>.<container>`.
 */
export const SERVICE_INSTANCE_ID_NAMESPACE = '4d63009a-8d0f-11ee-aad7-4c796ed8e320';

/** Mints a new deployment id: a UUIDv7, so deployments sort by creation time. */
export function mintDeploymentId(): string {
  return uuidV7();
}

/** Reports whether `value` is a UUID in canonical form, of any version. */
export function isUuid(value: string): boolean {
  return validate(value);
}

/** Returns the version of a canonical UUID, or `undefined` when `value` is not one. */
export function uuidVersion(value: string): number | undefined {
  return validate(value) ? version(value) : undefined;
}

/** Derives a deterministic UUIDv5 from a name in the given namespace. */
export function deriveUuid(name: string, namespace: string): string {
  return uuidV5(name, namespace);
}
