// Incubating semantic-convention keys the platform detectors give, copied here
// as the OpenTelemetry JS project advises instead of importing
// `@opentelemetry/semantic-conventions/incubating`, whose exports may change in
// any minor release. Every name here is in that entry point of version 1.45.0.

export const ATTR_AWS_ECS_CLUSTER_ARN = 'aws.ecs.cluster.arn';
export const ATTR_AWS_ECS_CONTAINER_ARN = 'aws.ecs.container.arn';
export const ATTR_AWS_ECS_LAUNCHTYPE = 'aws.ecs.launchtype';
export const ATTR_AWS_ECS_TASK_ARN = 'aws.ecs.task.arn';
export const ATTR_AWS_ECS_TASK_FAMILY = 'aws.ecs.task.family';
export const ATTR_AWS_ECS_TASK_ID = 'aws.ecs.task.id';
export const ATTR_AWS_ECS_TASK_REVISION = 'aws.ecs.task.revision';
export const ATTR_AWS_LOG_GROUP_NAMES = 'aws.log.group.names';
export const ATTR_AWS_LOG_STREAM_NAMES = 'aws.log.stream.names';

export const ATTR_CONTAINER_NAME = 'container.name';
export const ATTR_HOST_IMAGE_ID = 'host.image.id';

export const ATTR_GCP_CLOUD_RUN_JOB_EXECUTION = 'gcp.cloud_run.job.execution';
export const ATTR_GCP_CLOUD_RUN_JOB_TASK_INDEX = 'gcp.cloud_run.job.task_index';

export const ATTR_HEROKU_APP_ID = 'heroku.app.id';
export const ATTR_HEROKU_RELEASE_COMMIT = 'heroku.release.commit';
export const ATTR_HEROKU_RELEASE_CREATION_TIMESTAMP = 'heroku.release.creation_timestamp';

export const ATTR_AZURE_RESOURCE_GROUP_NAME = 'azure.resource_group.name';

/** `cloud.platform` values of the semantic conventions (1.45.0). */
export const CLOUD_PLATFORM = {
  awsLambda: 'aws_lambda',
  awsEcs: 'aws_ecs',
  awsEc2: 'aws_ec2',
  gcpCloudRun: 'gcp_cloud_run',
  gcpCloudFunctions: 'gcp_cloud_functions',
  gcpComputeEngine: 'gcp_compute_engine',
  azureFunctions: 'azure.functions',
  azureAppService: 'azure.app_service',
  azureContainerApps: 'azure.container_apps',
  azureVm: 'azure.vm',
} as const;
