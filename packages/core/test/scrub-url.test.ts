import { describe, expect, it } from 'vitest';
import {
  scrubEmbeddedCredentials,
  scrubRepositoryUrl,
  scrubUrl,
} from '../src/sanitize/scrub-url.js';

describe('scrubUrl', () => {
  it.each([
    [
      'https user and password',
      'https://bot:FAKE-PASS@git.example.com/org/repo.git',
      'https://git.example.com/org/repo.git',
    ],
    [
      'https token as user',
      'https://FAKE-TOKEN@github.com/org/repo',
      'https://github.com/org/repo',
    ],
    [
      'http userinfo',
      'http://user:FAKE@ci.example.com:8080/job/1/',
      'http://ci.example.com:8080/job/1/',
    ],
    [
      'ssh:// user',
      'ssh://git@git.example.com:2222/org/repo.git',
      'ssh://git.example.com:2222/org/repo.git',
    ],
    [
      'ssh:// user and password',
      'ssh://deploy:FAKE@git.example.com/org/repo.git',
      'ssh://git.example.com/org/repo.git',
    ],
    [
      'git+ssh:// user',
      'git+ssh://git@git.example.com/org/repo.git',
      'git+ssh://git.example.com/org/repo.git',
    ],
    [
      'clean https URL',
      'https://ci.example.com/runs/42?tab=logs',
      'https://ci.example.com/runs/42?tab=logs',
    ],
  ])('removes credentials from %s', (_case, raw, expected) => {
    expect(scrubUrl(raw)).toBe(expected);
  });

  it.each([
    ['github.com', 'git@github.com:example-org/api.git', 'https://github.com/example-org/api.git'],
    ['gitlab.com', 'git@gitlab.com:group/sub/api.git', 'https://gitlab.com/group/sub/api.git'],
    ['bitbucket.org', 'git@bitbucket.org:team/api.git', 'https://bitbucket.org/team/api.git'],
    [
      'an upper-case host',
      'git@GitHub.com:example-org/api.git',
      'https://github.com/example-org/api.git',
    ],
    ['no user', 'github.com:example-org/api.git', 'https://github.com/example-org/api.git'],
  ])('turns an SCP remote on %s into https', (_case, raw, expected) => {
    expect(scrubUrl(raw)).toBe(expected);
  });

  it.each([
    ['a host with a dot', 'git@git.example.com:org/repo.git', 'git.example.com:org/repo.git'],
    ['a host without a dot', 'deploy@buildhost:repos/api.git', 'buildhost:repos/api.git'],
  ])('keeps an SCP remote on %s without the user', (_case, raw, expected) => {
    expect(scrubUrl(raw)).toBe(expected);
  });

  it.each([
    [
      'access_token',
      'https://ci.example.com/a?access_token=FAKE&page=2',
      'https://ci.example.com/a?page=2',
    ],
    ['token', 'https://ci.example.com/a?token=FAKE', 'https://ci.example.com/a'],
    [
      'private_token',
      'https://gitlab.example.com/api?private_token=FAKE',
      'https://gitlab.example.com/api',
    ],
    [
      'an S3 signature',
      'https://b.s3.amazonaws.com/k?X-Amz-Signature=FAKE&X-Amz-Credential=FAKE&X-Amz-Expires=60',
      'https://b.s3.amazonaws.com/k?X-Amz-Expires=60',
    ],
    [
      'an Azure SAS sig',
      'https://a.blob.core.windows.net/c/b?sv=2024&sig=FAKE',
      'https://a.blob.core.windows.net/c/b?sv=2024',
    ],
    ['a mixed-case name', 'https://ci.example.com/a?API_KEY=FAKE', 'https://ci.example.com/a'],
    [
      'a token fragment',
      'https://app.example.com/cb#access_token=FAKE&state=1',
      'https://app.example.com/cb',
    ],
  ])('drops the query parameter %s', (_case, raw, expected) => {
    expect(scrubUrl(raw)).toBe(expected);
  });

  it.each([
    ['plain text', 'not a url'],
    ['a relative path', '/builds/42'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/plain,FAKE'],
    ['a mailto: URL', 'mailto:dev@example.com'],
    ['an empty string', '   '],
    ['a broken host', 'https://exa mple.com/'],
  ])('returns undefined for %s', (_case, raw) => {
    expect(scrubUrl(raw)).toBeUndefined();
  });
});

describe('scrubRepositoryUrl', () => {
  it.each([
    ['a .git suffix', 'https://git.example.com/org/repo.git', 'https://git.example.com/org/repo'],
    ['a trailing slash', 'https://git.example.com/org/repo/', 'https://git.example.com/org/repo'],
    ['an SCP remote on GitHub', 'git@github.com:org/repo.git', 'https://github.com/org/repo'],
    [
      'userinfo and .git',
      'https://gitlab-ci-token:FAKE@gitlab.example.com/g/p.git',
      'https://gitlab.example.com/g/p',
    ],
  ])('normalises %s', (_case, raw, expected) => {
    expect(scrubRepositoryUrl(raw)).toBe(expected);
  });

  it('returns undefined for an unparsable value', () => {
    expect(scrubRepositoryUrl('::::')).toBeUndefined();
  });
});

describe('scrubEmbeddedCredentials', () => {
  it.each([
    [
      'a URL in free text',
      'clone https://bot:FAKE@git.example.com/r.git now',
      'clone https://git.example.com/r.git now',
    ],
    [
      'a nested raw URL',
      'https://ci.example.com/login?next=https://u:FAKE@h.example.com/',
      'https://ci.example.com/login?next=https://h.example.com/',
    ],
    [
      'a nested encoded URL',
      'https://ci.example.com/login?next=https%3A%2F%2Fu%3AFAKE%40h.example.com%2F',
      'https://ci.example.com/login?next=https%3A%2F%2Fh.example.com%2F',
    ],
    [
      'two URLs',
      'a=ssh://git@h1.example.com/x b=https://t:FAKE@h2.example.com',
      'a=ssh://h1.example.com/x b=https://h2.example.com',
    ],
  ])('removes userinfo from %s', (_case, raw, expected) => {
    expect(scrubEmbeddedCredentials(raw)).toBe(expected);
  });

  it('keeps text without URLs unchanged', () => {
    expect(scrubEmbeddedCredentials('Build and deploy: step 2/3')).toBe(
      'Build and deploy: step 2/3',
    );
  });
});
