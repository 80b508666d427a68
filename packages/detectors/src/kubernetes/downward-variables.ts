// The variables a pod spec sets from the downward API, as a data table: the
// names the OpenTelemetry Operator injects first, then the names the
// Kubernetes documentation and common Helm charts use. The first one set wins.

export const POD_NAME_VARIABLES = [
  'OTEL_RESOURCE_ATTRIBUTES_POD_NAME',
  'K8S_POD_NAME',
  'POD_NAME',
  'MY_POD_NAME',
  'KUBERNETES_POD_NAME',
] as const;

export const POD_NAMESPACE_VARIABLES = [
  'K8S_NAMESPACE_NAME',
  'K8S_POD_NAMESPACE',
  'POD_NAMESPACE',
  'MY_POD_NAMESPACE',
  'KUBERNETES_NAMESPACE',
] as const;

export const POD_UID_VARIABLES = [
  'OTEL_RESOURCE_ATTRIBUTES_POD_UID',
  'K8S_POD_UID',
  'POD_UID',
  'MY_POD_UID',
] as const;

export const NODE_NAME_VARIABLES = [
  'OTEL_RESOURCE_ATTRIBUTES_NODE_NAME',
  'K8S_NODE_NAME',
  'NODE_NAME',
  'MY_NODE_NAME',
  'KUBERNETES_NODE_NAME',
] as const;

export const POD_IP_VARIABLES = ['OTEL_POD_IP', 'K8S_POD_IP', 'POD_IP', 'MY_POD_IP'] as const;

export const NODE_IP_VARIABLES = [
  'OTEL_NODE_IP',
  'K8S_NODE_IP',
  'NODE_IP',
  'HOST_IP',
  'MY_NODE_IP',
] as const;

export const CONTAINER_NAME_VARIABLES = ['K8S_CONTAINER_NAME', 'CONTAINER_NAME'] as const;

/** Set by the kubelet in every container of a pod that may reach the API server. */
export const SERVICE_HOST_VARIABLE = 'KUBERNETES_SERVICE_HOST';

/** The cluster's name, which nothing inside a pod gives unless the platform team sets it. */
export const CLUSTER_NAME_VARIABLE = 'K8S_CLUSTER_NAME';
