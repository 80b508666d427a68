// Every variable and marker file the platform detectors read, for tests that
// feed them random values or check which addresses the detectors request.

export const PLATFORM_VARIABLES = [
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_EC2_METADATA_DISABLED',
  'K_SERVICE',
  'K_REVISION',
  'K_CONFIGURATION',
  'CLOUD_RUN_JOB',
  'CLOUD_RUN_EXECUTION',
  'CLOUD_RUN_TASK_INDEX',
  'FUNCTION_TARGET',
  'FUNCTION_NAME',
  'FUNCTION_REGION',
  'GOOGLE_CLOUD_PROJECT',
  'GCLOUD_PROJECT',
  'GCP_PROJECT',
  'FUNCTIONS_EXTENSION_VERSION',
  'FUNCTIONS_WORKER_RUNTIME',
  'WEBSITE_SITE_NAME',
  'WEBSITE_SKU',
  'WEBSITE_SKU_NAME',
  'WEBSITE_OWNER_NAME',
  'WEBSITE_RESOURCE_GROUP',
  'WEBSITE_INSTANCE_ID',
  'WEBSITE_POD_NAME',
  'WEBSITE_MEMORY_LIMIT_MB',
  'CONTAINER_NAME',
  'REGION_NAME',
  'CONTAINER_APP_NAME',
  'CONTAINER_APP_REVISION',
  'CONTAINER_APP_ENV_DNS_SUFFIX',
  'VERCEL',
  'VERCEL_REGION',
  'VERCEL_PROJECT_ID',
  'VERCEL_DEPLOYMENT_ID',
  'FLY_APP_NAME',
  'FLY_MACHINE_ID',
  'FLY_ALLOC_ID',
  'FLY_REGION',
  'FLY_IMAGE_REF',
  'DYNO',
  'HEROKU_APP_ID',
  'HEROKU_DYNO_ID',
  'HEROKU_RELEASE_VERSION',
  'HEROKU_RELEASE_CREATED_AT',
  'HEROKU_SLUG_COMMIT',
  'KUBERNETES_SERVICE_HOST',
  'OTEL_RESOURCE_ATTRIBUTES',
] as const;

/** DMI files with a value that marks each virtual machine. */
export const MARKER_ROOTS: Record<string, Record<string, string>> = {
  none: {},
  ec2: { '/sys/class/dmi/id/sys_vendor': 'Amazon EC2\n' },
  ec2Xen: { '/sys/class/dmi/id/bios_version': '4.11.amazon\n' },
  gce: { '/sys/class/dmi/id/product_name': 'Google Compute Engine\n' },
  azure: { '/sys/class/dmi/id/chassis_asset_tag': '7783-7084-3265-9085-8269-3286-77\n' },
};

/** The addresses of real metadata services, which no test may ever request. */
export const METADATA_ADDRESSES = [
  '169.254.169.254',
  '169.254.170.2',
  '100.100.100.200',
  'metadata.google.internal',
  'fd00:ec2::254',
] as const;

/**
 * Points every instance metadata endpoint at `url` (a loopback server or a
 * port nothing listens on). ECS's endpoint is left out: setting it makes the
 * asset an ECS task.
 */
export function pointedAt(url: string): Record<string, string> {
  return {
    AWS_EC2_METADATA_SERVICE_ENDPOINT: url,
    GCE_METADATA_HOST: new URL(url).host,
    PROVENANCE_AZURE_IMDS_ENDPOINT: url,
  };
}
