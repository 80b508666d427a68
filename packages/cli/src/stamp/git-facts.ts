import { execFile } from 'node:child_process';
import {
  ATTR_VCS_REF_HEAD_NAME,
  ATTR_VCS_REF_HEAD_REVISION,
  ATTR_VCS_REPOSITORY_URL_FULL,
} from '@otel-provenance/core';

type Env = Readonly<Record<string, string | undefined>>;

const GIT_TIMEOUT_MS = 5_000;

// Runs one read-only git command without a shell and returns its trimmed
// output, or undefined when git is missing, fails or prints nothing.
function git(args: string[], cwd: string, env: Env): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: { ...env, GIT_TERMINAL_PROMPT: '0' },
        timeout: GIT_TIMEOUT_MS,
        windowsHide: true,
      },
      (error, stdout) => {
        const text = String(stdout).trim();
        resolve(error || text === '' ? undefined : text);
      },
    );
  });
}

const GIT_QUERIES: Record<string, string[]> = {
  [ATTR_VCS_REF_HEAD_REVISION]: ['rev-parse', '--verify', '--quiet', 'HEAD'],
  // Fails on a detached HEAD, the usual state of a CI checkout, so the key stays absent.
  [ATTR_VCS_REF_HEAD_NAME]: ['symbolic-ref', '--quiet', '--short', 'HEAD'],
  [ATTR_VCS_REPOSITORY_URL_FULL]: ['config', '--get', 'remote.origin.url'],
};

/**
 * Reads the requested version-control keys from the git checkout in `cwd`.
 * A key git cannot read (no git, no checkout, detached HEAD, no `origin`)
 * is absent. Never throws. The remote URL is returned raw, so the caller
 * must sanitise it.
 */
export async function readGitFacts(
  keys: readonly string[],
  cwd: string,
  env: Env,
): Promise<Record<string, string>> {
  const facts: Record<string, string> = {};
  for (const key of keys) {
    const args = GIT_QUERIES[key];
    const value = args ? await git(args, cwd, env) : undefined;
    if (value !== undefined) {
      facts[key] = value;
    }
  }
  return facts;
}

/** The keys {@link readGitFacts} can read. */
export const GIT_FACT_KEYS: readonly string[] = Object.keys(GIT_QUERIES);
