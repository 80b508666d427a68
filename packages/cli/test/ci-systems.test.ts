import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CiSystem } from '../src/ci/ci-system.js';
import { CI_SYSTEMS } from '../src/ci/ci-systems.js';
import { detectCi, mapCiAttributes, recognizeCiSystem } from '../src/ci/detect-ci.js';
import { EXPLICIT_VARIABLES } from '../src/ci/explicit-variables.js';
import { variablesOf } from '../src/ci/read-variable.js';

function system(id: string): CiSystem {
  const found = CI_SYSTEMS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no CI system ${id}`);
  return found;
}

describe('recognizeCiSystem', () => {
  it.each([
    ['github-actions', { GITHUB_ACTIONS: 'true' }],
    ['gitlab', { GITLAB_CI: 'true', CI: 'true' }],
    ['jenkins', { JENKINS_URL: 'https://jenkins.example.com/' }],
    ['circleci', { CIRCLECI: 'true' }],
    ['azure-pipelines', { TF_BUILD: 'True' }],
    ['bitbucket-pipelines', { BITBUCKET_BUILD_NUMBER: '7', CI: 'true' }],
    ['buildkite', { BUILDKITE: 'true' }],
    ['aws-codebuild', { CODEBUILD_BUILD_ID: 'p:1' }],
    ['travis-ci', { TRAVIS: 'true' }],
    ['drone', { DRONE: 'true' }],
    [
      'woodpecker',
      { CI: 'woodpecker', CI_COMMIT_SHA: 'abc', CI_PIPELINE_URL: 'https://ci.example.com/1' },
    ],
    ['woodpecker', { CI: 'woodpecker', DRONE: 'true' }],
    ['teamcity', { TEAMCITY_VERSION: '2025.07.2' }],
  ])('recognises %s from its marker', (id, env) => {
    expect(recognizeCiSystem(env)?.id).toBe(id);
  });

  it.each([
    ['CI=true alone', { CI: 'true' }],
    ['CI=1 alone', { CI: '1', CONTINUOUS_INTEGRATION: 'true' }],
    ['a blank marker', { GITHUB_ACTIONS: ' ', JENKINS_URL: '' }],
    ['a false marker', { GITHUB_ACTIONS: 'false', TRAVIS: 'no' }],
    ['GitLab-like variables without GITLAB_CI', { CI_COMMIT_SHA: 'abc', CI_PIPELINE_ID: '1' }],
    ['an empty environment', {}],
  ])('recognises nothing from %s', (_case, env) => {
    expect(recognizeCiSystem(env)).toBeUndefined();
  });
});

// One row per attribute mapping: system, environment, expected attributes.
const MAPPINGS: [string, string, Record<string, string>, Record<string, string>][] = [
  [
    'github-actions',
    'a push',
    {
      GITHUB_WORKFLOW: 'CI',
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://github.example.com',
      GITHUB_REPOSITORY: 'org/app',
      GITHUB_JOB: 'build',
      GITHUB_SHA: 'abc123',
      GITHUB_HEAD_REF: '',
      GITHUB_REF_NAME: 'main',
      GITHUB_RUN_ATTEMPT: '1',
    },
    {
      'cicd.pipeline.name': 'CI',
      'cicd.pipeline.run.id': '42',
      'cicd.pipeline.run.url.full': 'https://github.example.com/org/app/actions/runs/42',
      'cicd.pipeline.task.name': 'build',
      'vcs.ref.head.revision': 'abc123',
      'vcs.ref.head.name': 'main',
      'vcs.repository.url.full': 'https://github.example.com/org/app',
      'provenance.cicd.run.attempt': '1',
    },
  ],
  [
    'github-actions',
    'a run without GITHUB_SERVER_URL',
    {
      GITHUB_RUN_ID: '42',
      GITHUB_REPOSITORY: 'org/app',
      GITHUB_HEAD_REF: 'feature/x',
      GITHUB_REF_NAME: '7/merge',
    },
    { 'cicd.pipeline.run.id': '42', 'vcs.ref.head.name': 'feature/x' },
  ],
  [
    'gitlab',
    'a tag pipeline',
    {
      CI_PIPELINE_ID: '9',
      CI_PIPELINE_URL: 'https://gitlab.example.com/g/p/-/pipelines/9',
      CI_PROJECT_PATH: 'g/p',
      CI_JOB_NAME: 'release',
      CI_JOB_ID: '77',
      CI_COMMIT_SHA: 'def456',
      CI_COMMIT_REF_NAME: 'v1.2.0',
      CI_PROJECT_URL: 'https://gitlab.example.com/g/p',
      CI_REPOSITORY_URL: 'https://gitlab-ci-token:FAKE@gitlab.example.com/g/p.git',
    },
    {
      'cicd.pipeline.name': 'g/p',
      'cicd.pipeline.run.id': '9',
      'cicd.pipeline.run.url.full': 'https://gitlab.example.com/g/p/-/pipelines/9',
      'cicd.pipeline.task.name': 'release',
      'cicd.pipeline.task.run.id': '77',
      'vcs.ref.head.revision': 'def456',
      'vcs.ref.head.name': 'v1.2.0',
      'vcs.repository.url.full': 'https://gitlab.example.com/g/p',
    },
  ],
  [
    'jenkins',
    'a freestyle job',
    {
      JOB_NAME: 'nightly',
      BUILD_NUMBER: '5',
      BUILD_URL: 'https://j.example.com/job/nightly/5/',
      GIT_BRANCH: 'origin/release/2',
    },
    {
      'cicd.pipeline.name': 'nightly',
      'cicd.pipeline.run.id': '5',
      'cicd.pipeline.run.url.full': 'https://j.example.com/job/nightly/5/',
      'vcs.ref.head.name': 'release/2',
    },
  ],
  [
    'jenkins',
    'a multibranch job',
    {
      BRANCH_NAME: 'feature/a',
      GIT_BRANCH: 'feature/a',
      STAGE_NAME: 'Build',
      GIT_COMMIT: 'aaa',
      GIT_URL: 'https://git.example.com/r.git',
    },
    {
      'cicd.pipeline.task.name': 'Build',
      'vcs.ref.head.name': 'feature/a',
      'vcs.ref.head.revision': 'aaa',
      'vcs.repository.url.full': 'https://git.example.com/r.git',
    },
  ],
  [
    'circleci',
    'a tag job',
    {
      CIRCLE_PROJECT_REPONAME: 'app',
      CIRCLE_PIPELINE_ID: 'p-1',
      CIRCLE_JOB: 'deploy',
      CIRCLE_WORKFLOW_JOB_ID: 'j-1',
      CIRCLE_SHA1: 'bbb',
      CIRCLE_TAG: 'v2.0.0',
      CIRCLE_REPOSITORY_URL: 'git@github.com:org/app.git',
    },
    {
      'cicd.pipeline.name': 'app',
      'cicd.pipeline.run.id': 'p-1',
      'cicd.pipeline.task.name': 'deploy',
      'cicd.pipeline.task.run.id': 'j-1',
      'vcs.ref.head.revision': 'bbb',
      'vcs.ref.head.name': 'v2.0.0',
      'vcs.repository.url.full': 'git@github.com:org/app.git',
    },
  ],
  [
    'azure-pipelines',
    'a tag build',
    {
      BUILD_DEFINITIONNAME: 'app-ci',
      BUILD_BUILDID: '100',
      BUILD_SOURCEBRANCH: 'refs/tags/v3',
      SYSTEM_JOBATTEMPT: '1',
    },
    {
      'cicd.pipeline.name': 'app-ci',
      'cicd.pipeline.run.id': '100',
      'vcs.ref.head.name': 'v3',
      'provenance.cicd.run.attempt': '1',
    },
  ],
  [
    'bitbucket-pipelines',
    'a tag build',
    {
      BITBUCKET_REPO_FULL_NAME: 'team/app',
      BITBUCKET_BUILD_NUMBER: '12',
      BITBUCKET_TAG: 'v1',
      BITBUCKET_COMMIT: 'ccc',
    },
    {
      'cicd.pipeline.name': 'team/app',
      'cicd.pipeline.run.id': '12',
      'cicd.pipeline.run.url.full': 'https://bitbucket.org/team/app/pipelines/results/12',
      'vcs.ref.head.name': 'v1',
      'vcs.ref.head.revision': 'ccc',
    },
  ],
  [
    'buildkite',
    'a build without a commit',
    {
      BUILDKITE_PIPELINE_SLUG: 'app',
      BUILDKITE_COMMIT: 'HEAD',
      BUILDKITE_STEP_KEY: 'test',
      BUILDKITE_BRANCH: 'main',
    },
    { 'cicd.pipeline.name': 'app', 'cicd.pipeline.task.name': 'test', 'vcs.ref.head.name': 'main' },
  ],
  [
    'aws-codebuild',
    'a manual build',
    {
      CODEBUILD_BUILD_ID: 'my:project:abc-123',
      CODEBUILD_RESOLVED_SOURCE_VERSION: 'ddd',
      CODEBUILD_PUBLIC_BUILD_URL: 'https://public.example.com/b/1',
    },
    {
      'cicd.pipeline.name': 'my:project',
      'cicd.pipeline.run.id': 'my:project:abc-123',
      'cicd.pipeline.run.url.full': 'https://public.example.com/b/1',
      'vcs.ref.head.revision': 'ddd',
    },
  ],
  [
    'travis-ci',
    'a pull request build',
    {
      TRAVIS_REPO_SLUG: 'org/app',
      TRAVIS_BRANCH: 'main',
      TRAVIS_PULL_REQUEST_BRANCH: 'fix/b',
      TRAVIS_COMMIT: 'eee',
    },
    {
      'cicd.pipeline.name': 'org/app',
      'vcs.ref.head.name': 'fix/b',
      'vcs.ref.head.revision': 'eee',
    },
  ],
  [
    'drone',
    'a pull request build',
    {
      DRONE_REPO: 'org/app',
      DRONE_BRANCH: 'main',
      DRONE_SOURCE_BRANCH: 'fix/c',
      DRONE_COMMIT_SHA: 'fff',
      DRONE_STAGE_NAME: 'default',
    },
    {
      'cicd.pipeline.name': 'org/app',
      'vcs.ref.head.name': 'fix/c',
      'vcs.ref.head.revision': 'fff',
      'cicd.pipeline.task.name': 'default',
    },
  ],
  [
    'woodpecker',
    'a tag pipeline',
    {
      CI_REPO: 'org/app',
      CI_PIPELINE_NUMBER: '3',
      CI_COMMIT_BRANCH: '',
      CI_COMMIT_TAG: 'v9',
      CI_WORKFLOW_NAME: 'release',
    },
    {
      'cicd.pipeline.name': 'org/app',
      'cicd.pipeline.run.id': '3',
      'vcs.ref.head.name': 'v9',
      'cicd.pipeline.task.name': 'release',
    },
  ],
  [
    'teamcity',
    'a build',
    { TEAMCITY_BUILDCONF_NAME: 'Build', BUILD_VCS_NUMBER: '123abc', BUILD_NUMBER: '87' },
    { 'cicd.pipeline.name': 'Build', 'vcs.ref.head.revision': '123abc' },
  ],
];

describe('mapCiAttributes', () => {
  it.each(MAPPINGS)('maps %s in %s', (id, _case, env, expected) => {
    expect(mapCiAttributes(env, system(id))).toEqual(expected);
  });

  it.each(CI_SYSTEMS.map((entry) => [entry.id, entry] as const))(
    'returns nothing for %s without its variables',
    (_id, entry) => {
      expect(mapCiAttributes({}, entry, true)).toEqual({});
    },
  );

  it.each([
    ['github-actions', { GITHUB_ACTOR: 'pusher', GITHUB_TRIGGERING_ACTOR: 'rerunner' }, 'rerunner'],
    ['gitlab', { GITLAB_USER_LOGIN: 'jdoe' }, 'jdoe'],
    ['circleci', { CIRCLE_USERNAME: 'cuser' }, 'cuser'],
    ['woodpecker', { CI_PIPELINE_AUTHOR: 'wuser' }, 'wuser'],
    ['aws-codebuild', { CODEBUILD_INITIATOR: 'iam-user' }, 'iam-user'],
  ])('reads the %s actor only on request', (id, env, login) => {
    expect(mapCiAttributes(env, system(id), false)).toEqual({});
    expect(mapCiAttributes(env, system(id), true)).toEqual({ 'provenance.cicd.actor': login });
  });
});

describe('detectCi', () => {
  it('lays PROVENANCE_* variables over the recognised system', () => {
    const result = detectCi({
      TEAMCITY_VERSION: '2025.07',
      TEAMCITY_BUILDCONF_NAME: 'Build',
      BUILD_VCS_NUMBER: 'abc',
      PROVENANCE_VCS_REF_HEAD_NAME: 'main',
      PROVENANCE_CICD_PIPELINE_NAME: 'Treasury build',
    });

    expect(result.system?.id).toBe('teamcity');
    expect(result.attributes).toEqual({
      'cicd.pipeline.name': 'Treasury build',
      'vcs.ref.head.revision': 'abc',
      'vcs.ref.head.name': 'main',
    });
  });

  it('reads PROVENANCE_* variables without a recognised system', () => {
    const result = detectCi({
      CI: 'true',
      PROVENANCE_CICD_PIPELINE_RUN_ID: 'run-1',
      PROVENANCE_CICD_ACTOR: 'me',
    });

    expect(result.system).toBeUndefined();
    expect(result.attributes).toEqual({ 'cicd.pipeline.run.id': 'run-1' });
  });

  it('reads only variables the tables name', () => {
    const named = new Set(
      [...CI_SYSTEMS, EXPLICIT_VARIABLES].flatMap((entry) => [
        ...entry.markers.map((marker) => marker.variable),
        ...Object.values(entry.attributes).flatMap(variablesOf),
        ...(entry.actor ? variablesOf(entry.actor) : []),
      ]),
    );
    const read = new Set<string>();
    // An environment that records every read and returns `value` for each.
    const recordingEnv = (value: string | undefined) =>
      new Proxy({} as Record<string, string | undefined>, {
        get(_target, name) {
          read.add(String(name));
          return value;
        },
      });

    detectCi(recordingEnv(undefined), { includeActor: true });
    for (const entry of CI_SYSTEMS) {
      detectCi(recordingEnv('true'), { includeActor: true, systems: [entry] });
    }

    for (const entry of CI_SYSTEMS) {
      expect(read, entry.id).toContain(entry.markers[0]!.variable);
    }
    expect([...read].filter((name) => !named.has(name))).toEqual([]);
  });

  it('names no credential or e-mail variable in its tables', () => {
    const variables = [...CI_SYSTEMS, EXPLICIT_VARIABLES].flatMap((entry) => [
      ...Object.values(entry.attributes).flatMap(variablesOf),
      ...(entry.actor ? variablesOf(entry.actor) : []),
    ]);

    expect(
      variables.filter((name) =>
        /TOKEN|PASSWORD|SECRET|EMAIL|API_KEY|ACCESS_KEY|PRIVATE_KEY/.test(name),
      ),
    ).toEqual([]);
  });
});

describe('CI system docs', () => {
  const readDoc = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

  it.each(CI_SYSTEMS.map((entry) => [entry.name, entry] as const))(
    'CI-SYSTEMS.md covers %s',
    (name, entry) => {
      const doc = readDoc('CI-SYSTEMS.md');
      const variables = [
        ...entry.markers.map((marker) => marker.variable),
        ...Object.values(entry.attributes).flatMap(variablesOf),
        ...(entry.actor ? variablesOf(entry.actor) : []),
      ];

      expect(doc).toContain(`### ${name}`);
      expect(
        variables.filter(
          (variable) => !doc.includes(`\`${variable}`) && !doc.includes(`{${variable}}`),
        ),
      ).toEqual([]);
    },
  );

  it('README names every PROVENANCE_* variable', () => {
    const readme = readDoc('README.md');
    const variables = [
      ...Object.values(EXPLICIT_VARIABLES.attributes).flatMap(variablesOf),
      ...(EXPLICIT_VARIABLES.actor ? variablesOf(EXPLICIT_VARIABLES.actor) : []),
    ];

    expect(variables.filter((variable) => !readme.includes(`\`${variable}\``))).toEqual([]);
  });
});
