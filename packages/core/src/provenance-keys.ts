// Keys the semantic conventions lack, all under the `provenance.` prefix.

/** The isolated network the asset sits in: a VPC or VNet id, a Kubernetes cluster's pod network, or a name the platform team chose. */
export const ATTR_PROVENANCE_NETWORK_ID = 'provenance.network.id';

/** The kind of network `provenance.network.id` names: one of {@link NETWORK_KINDS}. */
export const ATTR_PROVENANCE_NETWORK_KIND = 'provenance.network.kind';

/**
 * The CIDR blocks of the subnets the asset's addresses sit in, where the
 * platform's metadata gives them (ECS task metadata), so a platform team can
 * register them as the ranges of `provenance.network.id`.
 */
export const ATTR_PROVENANCE_NETWORK_SUBNET = 'provenance.network.subnet';

/** The asset's own DNS name, set only where the name resolves to this one instance. */
export const ATTR_PROVENANCE_DNS_NAME = 'provenance.dns.name';

/** `true` when a pod shares its node's network, so its address is not its own. */
export const ATTR_PROVENANCE_HOST_NETWORK = 'provenance.host_network';

/** The pipeline run's attempt number, where the CI system counts attempts. */
export const ATTR_PROVENANCE_CICD_RUN_ATTEMPT = 'provenance.cicd.run.attempt';

/** The login that started the pipeline run; recorded only on request (`stamp --include-actor`). */
export const ATTR_PROVENANCE_CICD_ACTOR = 'provenance.cicd.actor';

/** The origin of `deployment.id`: `manifest`, or the platform a fallback id was derived from. */
export const ATTR_PROVENANCE_DEPLOYMENT_ID_SOURCE = 'provenance.deployment.id.source';

/** The values `provenance.network.kind` may take. */
export const NETWORK_KINDS = [
  'aws.vpc',
  'gcp.vpc',
  'azure.vnet',
  'k8s.cluster',
  'docker.network',
  'custom',
] as const;

export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** Reports whether `value` is one of {@link NETWORK_KINDS}. */
export function isNetworkKind(value: string): value is NetworkKind {
  return (NETWORK_KINDS as readonly string[]).includes(value);
}
