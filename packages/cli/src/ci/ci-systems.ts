import {
  ATTR_VCS_REF_HEAD_NAME as HEAD_NAME,
  ATTR_CICD_PIPELINE_NAME as PIPELINE_NAME,
  ATTR_VCS_REPOSITORY_URL_FULL as REPOSITORY_URL,
  ATTR_VCS_REF_HEAD_REVISION as REVISION,
  ATTR_PROVENANCE_CICD_RUN_ATTEMPT as RUN_ATTEMPT,
  ATTR_CICD_PIPELINE_RUN_ID as RUN_ID,
  ATTR_CICD_PIPELINE_RUN_URL_FULL as RUN_URL,
  ATTR_CICD_PIPELINE_TASK_NAME as TASK_NAME,
  ATTR_CICD_PIPELINE_TASK_RUN_ID as TASK_RUN_ID,
} from '@otel-provenance/core';
import type { CiSystem } from './ci-system.js';

const REF_PREFIXES = ['refs/heads/', 'refs/tags/'];

/**
 * The CI systems `provenance stamp` recognises, checked in this order. Each
 * variable name comes from the system's own reference of predefined variables.
 * Woodpecker comes before GitLab and Drone because it sets `CI_*` names that
 * overlap GitLab's, and older releases also set `DRONE_*` names.
 */
export const CI_SYSTEMS: readonly CiSystem[] = [
  {
    // https://docs.github.com/en/actions/reference/workflows-and-actions/variables
    id: 'github-actions',
    name: 'GitHub Actions',
    markers: [{ variable: 'GITHUB_ACTIONS', equals: 'true' }],
    attributes: {
      [PIPELINE_NAME]: 'GITHUB_WORKFLOW',
      [RUN_ID]: 'GITHUB_RUN_ID',
      [RUN_URL]: {
        template: '{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}/actions/runs/{GITHUB_RUN_ID}',
      },
      [TASK_NAME]: 'GITHUB_JOB',
      [REVISION]: 'GITHUB_SHA',
      // GITHUB_HEAD_REF is the source branch of a pull request and blank in other runs.
      [HEAD_NAME]: { firstOf: ['GITHUB_HEAD_REF', 'GITHUB_REF_NAME'] },
      [REPOSITORY_URL]: { template: '{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}' },
      [RUN_ATTEMPT]: 'GITHUB_RUN_ATTEMPT',
    },
    actor: { firstOf: ['GITHUB_TRIGGERING_ACTOR', 'GITHUB_ACTOR'] },
  },
  {
    // https://woodpecker-ci.org/docs/usage/environment
    id: 'woodpecker',
    name: 'Woodpecker CI',
    markers: [{ variable: 'CI', equals: 'woodpecker' }],
    attributes: {
      [PIPELINE_NAME]: 'CI_REPO',
      [RUN_ID]: 'CI_PIPELINE_NUMBER',
      [RUN_URL]: 'CI_PIPELINE_URL',
      [TASK_NAME]: 'CI_WORKFLOW_NAME',
      [REVISION]: 'CI_COMMIT_SHA',
      [HEAD_NAME]: { firstOf: ['CI_COMMIT_SOURCE_BRANCH', 'CI_COMMIT_BRANCH', 'CI_COMMIT_TAG'] },
      [REPOSITORY_URL]: 'CI_REPO_URL',
    },
    actor: 'CI_PIPELINE_AUTHOR',
  },
  {
    // https://docs.gitlab.com/ci/variables/predefined_variables/
    id: 'gitlab',
    name: 'GitLab CI/CD',
    markers: [{ variable: 'GITLAB_CI', equals: 'true' }],
    attributes: {
      [PIPELINE_NAME]: { firstOf: ['CI_PIPELINE_NAME', 'CI_PROJECT_PATH'] },
      [RUN_ID]: 'CI_PIPELINE_ID',
      [RUN_URL]: 'CI_PIPELINE_URL',
      [TASK_NAME]: 'CI_JOB_NAME',
      [TASK_RUN_ID]: 'CI_JOB_ID',
      [REVISION]: 'CI_COMMIT_SHA',
      [HEAD_NAME]: { firstOf: ['CI_MERGE_REQUEST_SOURCE_BRANCH_NAME', 'CI_COMMIT_REF_NAME'] },
      // CI_REPOSITORY_URL carries the job token as userinfo, so the web URL is read instead.
      [REPOSITORY_URL]: 'CI_PROJECT_URL',
    },
    actor: 'GITLAB_USER_LOGIN',
  },
  {
    // https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#using-environment-variables
    id: 'jenkins',
    name: 'Jenkins',
    markers: [{ variable: 'JENKINS_URL' }],
    attributes: {
      [PIPELINE_NAME]: 'JOB_NAME',
      [RUN_ID]: 'BUILD_NUMBER',
      [RUN_URL]: 'BUILD_URL',
      [TASK_NAME]: 'STAGE_NAME',
      [REVISION]: 'GIT_COMMIT',
      // BRANCH_NAME exists only in multibranch jobs, and the Git plugin's GIT_BRANCH starts with the remote.
      [HEAD_NAME]: {
        firstOf: [
          'BRANCH_NAME',
          { variable: 'GIT_BRANCH', removePrefix: ['origin/', ...REF_PREFIXES] },
        ],
      },
      [REPOSITORY_URL]: 'GIT_URL',
    },
  },
  {
    // https://circleci.com/docs/reference/variables/
    id: 'circleci',
    name: 'CircleCI',
    markers: [{ variable: 'CIRCLECI', equals: 'true' }],
    attributes: {
      [PIPELINE_NAME]: 'CIRCLE_PROJECT_REPONAME',
      [RUN_ID]: 'CIRCLE_PIPELINE_ID',
      [TASK_NAME]: 'CIRCLE_JOB',
      [TASK_RUN_ID]: 'CIRCLE_WORKFLOW_JOB_ID',
      [REVISION]: 'CIRCLE_SHA1',
      [HEAD_NAME]: { firstOf: ['CIRCLE_BRANCH', 'CIRCLE_TAG'] },
      [REPOSITORY_URL]: 'CIRCLE_REPOSITORY_URL',
    },
    actor: 'CIRCLE_USERNAME',
  },
  {
    // https://learn.microsoft.com/azure/devops/pipelines/build/variables
    id: 'azure-pipelines',
    name: 'Azure Pipelines',
    markers: [{ variable: 'TF_BUILD', equals: 'true' }],
    attributes: {
      [PIPELINE_NAME]: 'BUILD_DEFINITIONNAME',
      [RUN_ID]: 'BUILD_BUILDID',
      [TASK_NAME]: 'SYSTEM_JOBDISPLAYNAME',
      [TASK_RUN_ID]: 'SYSTEM_JOBID',
      [REVISION]: 'BUILD_SOURCEVERSION',
      // BUILD_SOURCEBRANCHNAME holds only the last path segment of the branch.
      [HEAD_NAME]: {
        firstOf: [
          { variable: 'SYSTEM_PULLREQUEST_SOURCEBRANCH', removePrefix: REF_PREFIXES },
          { variable: 'BUILD_SOURCEBRANCH', removePrefix: REF_PREFIXES },
        ],
      },
      [REPOSITORY_URL]: 'BUILD_REPOSITORY_URI',
      [RUN_ATTEMPT]: 'SYSTEM_JOBATTEMPT',
    },
  },
  {
    // https://support.atlassian.com/bitbucket-cloud/docs/variables-and-secrets/
    id: 'bitbucket-pipelines',
    name: 'Bitbucket Pipelines',
    markers: [{ variable: 'BITBUCKET_BUILD_NUMBER' }],
    attributes: {
      [PIPELINE_NAME]: 'BITBUCKET_REPO_FULL_NAME',
      [RUN_ID]: 'BITBUCKET_BUILD_NUMBER',
      [RUN_URL]: {
        template:
          'https://bitbucket.org/{BITBUCKET_REPO_FULL_NAME}/pipelines/results/{BITBUCKET_BUILD_NUMBER}',
      },
      [TASK_RUN_ID]: 'BITBUCKET_STEP_UUID',
      [REVISION]: 'BITBUCKET_COMMIT',
      [HEAD_NAME]: { firstOf: ['BITBUCKET_BRANCH', 'BITBUCKET_TAG'] },
      [REPOSITORY_URL]: 'BITBUCKET_GIT_HTTP_ORIGIN',
    },
  },
  {
    // https://buildkite.com/docs/pipelines/environment_variables
    id: 'buildkite',
    name: 'Buildkite',
    markers: [{ variable: 'BUILDKITE', equals: 'true' }],
    attributes: {
      [PIPELINE_NAME]: 'BUILDKITE_PIPELINE_SLUG',
      [RUN_ID]: 'BUILDKITE_BUILD_ID',
      [RUN_URL]: 'BUILDKITE_BUILD_URL',
      [TASK_NAME]: { firstOf: ['BUILDKITE_LABEL', 'BUILDKITE_STEP_KEY'] },
      [TASK_RUN_ID]: 'BUILDKITE_JOB_ID',
      // A build started without a commit has BUILDKITE_COMMIT=HEAD, so git in the checkout supplies it.
      [REVISION]: { variable: 'BUILDKITE_COMMIT', ignore: ['HEAD'] },
      [HEAD_NAME]: { firstOf: ['BUILDKITE_BRANCH', 'BUILDKITE_TAG'] },
      [REPOSITORY_URL]: 'BUILDKITE_REPO',
    },
  },
  {
    // https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-env-vars.html
    id: 'aws-codebuild',
    name: 'AWS CodeBuild',
    markers: [{ variable: 'CODEBUILD_BUILD_ID' }],
    attributes: {
      // The build id is `<project name>:<uuid>`.
      [PIPELINE_NAME]: { variable: 'CODEBUILD_BUILD_ID', match: '^(.+):[^:]+$' },
      [RUN_ID]: 'CODEBUILD_BUILD_ID',
      [RUN_URL]: 'CODEBUILD_PUBLIC_BUILD_URL',
      [REVISION]: 'CODEBUILD_RESOLVED_SOURCE_VERSION',
      [HEAD_NAME]: { variable: 'CODEBUILD_WEBHOOK_HEAD_REF', removePrefix: REF_PREFIXES },
      [REPOSITORY_URL]: 'CODEBUILD_SOURCE_REPO_URL',
    },
    actor: 'CODEBUILD_INITIATOR',
  },
  {
    // https://docs.travis-ci.com/user/environment-variables/#default-environment-variables
    id: 'travis-ci',
    name: 'Travis CI',
    markers: [{ variable: 'TRAVIS', equals: 'true' }],
    attributes: {
      [PIPELINE_NAME]: 'TRAVIS_REPO_SLUG',
      [RUN_ID]: 'TRAVIS_BUILD_ID',
      [RUN_URL]: 'TRAVIS_BUILD_WEB_URL',
      [TASK_NAME]: 'TRAVIS_JOB_NAME',
      [TASK_RUN_ID]: 'TRAVIS_JOB_ID',
      [REVISION]: 'TRAVIS_COMMIT',
      // In a pull request build TRAVIS_BRANCH is the target branch.
      [HEAD_NAME]: { firstOf: ['TRAVIS_PULL_REQUEST_BRANCH', 'TRAVIS_BRANCH'] },
    },
  },
  {
    // https://docs.drone.io/pipeline/environment/reference/
    id: 'drone',
    name: 'Drone',
    markers: [{ variable: 'DRONE', equals: 'true' }],
    attributes: {
      [PIPELINE_NAME]: 'DRONE_REPO',
      [RUN_ID]: 'DRONE_BUILD_NUMBER',
      [RUN_URL]: 'DRONE_BUILD_LINK',
      [TASK_NAME]: 'DRONE_STAGE_NAME',
      [REVISION]: 'DRONE_COMMIT_SHA',
      [HEAD_NAME]: { firstOf: ['DRONE_SOURCE_BRANCH', 'DRONE_BRANCH', 'DRONE_TAG'] },
      [REPOSITORY_URL]: 'DRONE_REPO_LINK',
    },
  },
  {
    // https://www.jetbrains.com/help/teamcity/predefined-build-parameters.html
    id: 'teamcity',
    name: 'TeamCity',
    markers: [{ variable: 'TEAMCITY_VERSION' }],
    attributes: {
      [PIPELINE_NAME]: 'TEAMCITY_BUILDCONF_NAME',
      [REVISION]: 'BUILD_VCS_NUMBER',
    },
  },
];
