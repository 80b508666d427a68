/**
 * The address ranges (CIDR blocks) of the subnets the asset's addresses sit
 * in, where the platform's metadata gives them (ECS task metadata). Not a
 * semantic-convention key: the correlator can register these ranges for the
 * network in `provenance.network.id`.
 */
export const ATTR_PROVENANCE_NETWORK_SUBNET = 'provenance.network.subnet';
