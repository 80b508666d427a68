// Hosts whose SSH clone path is also the repository's https path, so
// `git@github.com:org/repo.git` becomes `https://github.com/org/repo.git`.
const HTTPS_MIRRORED_SSH_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);

// Query parameters that carry credentials in the URLs CI systems and cloud
// consoles hand out (signed URLs, OAuth, personal tokens).
const TOKEN_QUERY_PARAMETER =
  /^(access_?token|refresh_token|id_token|token|jwt|auth|authorization|api_?key|apikey|key|secret|password|passwd|pwd|sig|signature|client_secret|private_token|job_token|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)$/i;

// Schemes whose URLs we keep; anything else (`javascript:`, `data:`) is dropped.
const URL_PROTOCOLS = new Set(['http:', 'https:', 'ssh:', 'git:', 'git+ssh:']);

// `user@host:path` without a scheme, as git accepts it for SSH remotes.
const SCP_LIKE = /^(?:([^@/\s:]+)@)?([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/;

// Without a user, `name:rest` is only read as an SCP remote when the host has a
// dot, so `javascript:…`, `mailto:…` and `data:…` fall through to URL parsing
// and are dropped there as schemes we do not keep.
function isScpRemote(user: string | undefined, host: string): boolean {
  return user !== undefined || host.includes('.');
}

// Drops a fragment that carries a token, as OAuth implicit-flow redirects do.
function scrubFragment(url: URL): void {
  const fragment = new URLSearchParams(url.hash.slice(1));
  if ([...fragment.keys()].some((name) => TOKEN_QUERY_PARAMETER.test(name))) {
    url.hash = '';
  }
}

/**
 * Removes credentials from a URL: userinfo from http(s) URLs, the user from
 * `ssh://` URLs, token-like query parameters from any URL. An SCP-style remote
 * on a host with a known https mirror becomes its https form. On any other host
 * it keeps its SSH form without the user. Returns `undefined` for a value that
 * is not a URL, so an unparsable value is never kept raw.
 */
export function scrubUrl(raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') {
    return undefined;
  }

  const scp = SCP_LIKE.exec(value);
  if (scp && !value.includes('://') && isScpRemote(scp[1], scp[2]!)) {
    const host = scp[2]!.toLowerCase();
    const path = scp[3]!.replace(/^\/+/, '');
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
  scrubFragment(url);
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

// `scheme://user[:password]@` anywhere in a value, raw or percent-encoded once
// (as a URL nested in another URL's query string is).
const EMBEDDED_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/\s@?#]*@/gi;
const ENCODED_EMBEDDED_USERINFO = /(%3A%2F%2F)(?:(?!%2F|%3F|%23)[^/\s?#&%]|%[0-9A-F]{2})*?%40/gi;

/**
 * Removes the userinfo of every URL embedded in a free-text value, such as a
 * clone URL pasted into a job name or a redirect URL in a query string. The
 * rest of the text is kept as it is.
 */
export function scrubEmbeddedCredentials(value: string): string {
  // Most values contain no URL. Each check is a text that its pattern needs
  // to match, so skipping the pattern changes nothing but the startup cost.
  let scrubbed = value;
  if (scrubbed.includes('://') && scrubbed.includes('@')) {
    scrubbed = scrubbed.replace(EMBEDDED_USERINFO, '$1');
  }
  if (scrubbed.includes('%')) {
    scrubbed = scrubbed.replace(ENCODED_EMBEDDED_USERINFO, '$1');
  }
  return scrubbed;
}
