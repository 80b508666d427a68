import {
  ATTR_CICD_PIPELINE_NAME,
  ATTR_CICD_PIPELINE_RUN_ID,
  ATTR_CICD_PIPELINE_RUN_URL_FULL,
  ATTR_CICD_PIPELINE_TASK_NAME,
  ATTR_CICD_PIPELINE_TASK_RUN_ID,
  ATTR_PROVENANCE_CICD_RUN_ATTEMPT,
  ATTR_VCS_REF_HEAD_NAME,
  ATTR_VCS_REF_HEAD_REVISION,
  ATTR_VCS_REPOSITORY_URL_FULL,
} from '@otel-provenance/core';
import type { CiSystem } from './ci-system.js';

const ATTRIBUTE_VARIABLES = {
  [ATTR_CICD_PIPELINE_NAME]: 'PROVENANCE_CICD_PIPELINE_NAME',
  [ATTR_CICD_PIPELINE_RUN_ID]: 'PROVENANCE_CICD_PIPELINE_RUN_ID',
  [ATTR_CICD_PIPELINE_RUN_URL_FULL]: 'PROVENANCE_CICD_PIPELINE_RUN_URL',
  [ATTR_CICD_PIPELINE_TASK_NAME]: 'PROVENANCE_CICD_PIPELINE_TASK_NAME',
  [ATTR_CICD_PIPELINE_TASK_RUN_ID]: 'PROVENANCE_CICD_PIPELINE_TASK_RUN_ID',
  [ATTR_VCS_REF_HEAD_REVISION]: 'PROVENANCE_VCS_REF_HEAD_REVISION',
  [ATTR_VCS_REF_HEAD_NAME]: 'PROVENANCE_VCS_REF_HEAD_NAME',
  [ATTR_VCS_REPOSITORY_URL_FULL]: 'PROVENANCE_VCS_REPOSITORY_URL',
  [ATTR_PROVENANCE_CICD_RUN_ATTEMPT]: 'PROVENANCE_CICD_RUN_ATTEMPT',
} as const;

/**
 * The `PROVENANCE_*` variables a pipeline sets itself where the CI system
 * exports no dependable variables of its own (Google Cloud Build, Tekton,
 * Argo Workflows), or to fill a gap a recognised system leaves. Each one
 * outranks the recognised system's value for the same attribute.
 */
export const EXPLICIT_VARIABLES: CiSystem = {
  id: 'explicit',
  name: 'PROVENANCE_* variables',
  markers: [...Object.values(ATTRIBUTE_VARIABLES), 'PROVENANCE_CICD_ACTOR'].map((variable) => ({
    variable,
  })),
  attributes: ATTRIBUTE_VARIABLES,
  actor: 'PROVENANCE_CICD_ACTOR',
};
