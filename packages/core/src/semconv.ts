// Incubating semantic-convention keys, copied here as the OpenTelemetry JS
// project advises instead of importing `@opentelemetry/semantic-conventions/incubating`,
// whose exports may change in any minor release. Every name here except
// `faas.invocation_id` is in that entry point of version 1.45.0.

export const ATTR_DEPLOYMENT_ID = 'deployment.id';

export const ATTR_CICD_PIPELINE_NAME = 'cicd.pipeline.name';
export const ATTR_CICD_PIPELINE_RUN_ID = 'cicd.pipeline.run.id';
export const ATTR_CICD_PIPELINE_RUN_URL_FULL = 'cicd.pipeline.run.url.full';
export const ATTR_CICD_PIPELINE_TASK_NAME = 'cicd.pipeline.task.name';
export const ATTR_CICD_PIPELINE_TASK_RUN_ID = 'cicd.pipeline.task.run.id';

export const ATTR_VCS_REF_HEAD_REVISION = 'vcs.ref.head.revision';
export const ATTR_VCS_REF_HEAD_NAME = 'vcs.ref.head.name';
export const ATTR_VCS_REPOSITORY_URL_FULL = 'vcs.repository.url.full';

export const ATTR_FAAS_NAME = 'faas.name';
export const ATTR_FAAS_VERSION = 'faas.version';
export const ATTR_FAAS_INSTANCE = 'faas.instance';
export const ATTR_FAAS_MAX_MEMORY = 'faas.max_memory';
// The FaaS span attribute of the semantic conventions; the 1.45.0 package does not list it.
export const ATTR_FAAS_INVOCATION_ID = 'faas.invocation_id';
export const ATTR_FAAS_TRIGGER = 'faas.trigger';
export const ATTR_FAAS_COLDSTART = 'faas.coldstart';

export const ATTR_CLOUD_PROVIDER = 'cloud.provider';
export const ATTR_CLOUD_PLATFORM = 'cloud.platform';
export const ATTR_CLOUD_REGION = 'cloud.region';
export const ATTR_CLOUD_AVAILABILITY_ZONE = 'cloud.availability_zone';
export const ATTR_CLOUD_ACCOUNT_ID = 'cloud.account.id';
export const ATTR_CLOUD_RESOURCE_ID = 'cloud.resource_id';

export const ATTR_HOST_ID = 'host.id';
export const ATTR_HOST_NAME = 'host.name';
export const ATTR_HOST_TYPE = 'host.type';
export const ATTR_HOST_ARCH = 'host.arch';
export const ATTR_HOST_IP = 'host.ip';
