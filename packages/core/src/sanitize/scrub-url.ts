// Hosts whose SSH clone path is also the repository's https path, so
// `git@github.com:org/repo.git` becomes `https://github.com/org/repo.git`.
const HTTPS_MIRRORED_SSH_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);

// Query parameters that carry credentials in the URLs CI systems and cloud
// consoles hand out (signed URLs, OAuth, personal tokens).
const TOKEN_QUERY_PARAMETER =
  /^(access_?token|token|auth|authorization|api_?key|apikey|key|secret|password|passwd|pwd|sig|signature|client_secret|private_token|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)$/i;

// Schemes whose URLs we keep; anything else (`javascript:`, `data:`) is dropped.
const URL_PROTOCOLS = new Set(['http:', 'https:', 'ssh:', 'git:', 'git+ssh:']);

// `user@host:path` without a scheme, as git accepts it for SSH remotes.
const SCP_LIKE = /^(?:[^@/\s:]+@)?([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/;

/**
 * Removes credentials from a URL: userinfo from http(s) URLs, the user from
 * `ssh://` URLs, token-like query parameters from any URL. An SCP-style remote
 * on a host with a known https mirror becomes its https form; on any other host
 * it keeps its SSH form without the user. Returns `undefined` for a value that
 * is not a URL, so an unparsable value is never kept raw.
 */
export function scrubUrl(raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') {
    return undefined;
  }

  const scp = SCP_LIKE.exec(value);
  if (scp && !value.includes('://')) {
    const host = scp[1]!.toLowerCase();
    const path = scp[2]!.replace(/^\/+/, '');
    if (HTTPS_MIRRORED_SSH_HOSTS.has(host)) {
      return `https://${host}/${path}`;
    }
    return `${host}:${path}`;
  }

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }

  if (!URL_PROTOCOLS.has(url.protocol)) {
    return undefined;
  }
  url.username = '';
  url.password = '';

  for (const name of [...url.searchParams.keys()]) {
    if (TOKEN_QUERY_PARAMETER.test(name)) {
      url.searchParams.delete(name);
    }
  }
  return url.toString();
}

/**
 * Scrubs a repository URL and drops a trailing `.git`, because the semantic
 * conventions say `vcs.repository.url.full` should not end with it.
 */
export function scrubRepositoryUrl(raw: string): string | undefined {
  const scrubbed = scrubUrl(raw);
  if (scrubbed === undefined) {
    return undefined;
  }
  return scrubbed.replace(/\.git\/?$/, '').replace(/\/$/, '');
}
