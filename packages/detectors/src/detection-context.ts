import type { NetworkKind } from '@otel-provenance/core';
import type { Environment } from './env-value.js';
import { readTextFileSync } from './io/read-file.js';
import type { DetectorOptions, FetchLike } from './options.js';
import { parseCgroup } from './parse/cgroup.js';
import type { CgroupPathFacts } from './parse/container-path.js';
import { type MountinfoFacts, parseMountinfo } from './parse/mountinfo.js';
import { MAX_DETECT_BUDGET_MS, resolveProvenanceOptions } from './provenance-options.js';
import { warnOnce } from './warn-once.js';

/** The container and pod facts in `/proc/self/cgroup` and `/proc/self/mountinfo`. */
export interface ProcessFacts {
  cgroup: CgroupPathFacts;
  mountinfo: MountinfoFacts;
}

/**
 * The settled options and the file reads one detector set shares, so the
 * container, Kubernetes and network detectors read `/proc` once, and the three
 * signals that run the same set share one result.
 */
export interface DetectionContext {
  env: Environment;
  root: string;
  cwd: string;
  budgetMs: number;
  /** Whether network requests are allowed; when not, `fetch` rejects every call. */
  detectNetwork: boolean;
  /** The function for network requests; one that rejects every call when requests are off. */
  fetch: FetchLike;
  manifestPath?: string;
  networkId?: string;
  networkKind?: NetworkKind;
  /**
   * Reads `/proc/self/cgroup` and `/proc/self/mountinfo` synchronously, once,
   * so detectors know at `detect()` whether they run in a container or pod.
   */
  processFacts(): ProcessFacts;
  /** Memoises `load` under `key` for the lifetime of this context. */
  memo<T>(key: string, load: () => T): T;
}

/** The options `provenanceDetectors` passes down, with the `PROVENANCE_*` settings. */
export interface ContextOptions extends DetectorOptions {
  manifestPath?: string;
  networkId?: string;
  networkKind?: NetworkKind;
  detectNetwork?: boolean;
}

function refuseFetch(url: string): Promise<Response> {
  return Promise.reject(new Error(`provenance: network detection is off; no request to ${url}`));
}

// A budget set in code that is not a positive finite number of milliseconds
// is a programming error. It is reported, and the variable or default is used.
function validBudget(budgetMs: number | undefined): number | undefined {
  if (budgetMs === undefined) {
    return undefined;
  }
  if (Number.isFinite(budgetMs) && budgetMs > 0) {
    return Math.min(budgetMs, MAX_DETECT_BUDGET_MS);
  }
  warnOnce(
    `provenance: budgetMs ${budgetMs} is invalid and ignored; pass milliseconds from 1 to ${MAX_DETECT_BUDGET_MS}`,
  );
  return undefined;
}

/**
 * Builds a context from options, filling what they leave unset from the
 * `PROVENANCE_*` variables of `env`, then from the defaults.
 */
export function createDetectionContext(options: ContextOptions = {}): DetectionContext {
  const env = options.env ?? process.env;
  const fromEnv = resolveProvenanceOptions(env);
  const detectNetwork = options.detectNetwork ?? fromEnv.detectNetwork;
  const cache = new Map<string, unknown>();

  const context: DetectionContext = {
    env,
    root: options.root ?? '/',
    cwd: options.cwd ?? process.cwd(),
    budgetMs: validBudget(options.budgetMs) ?? fromEnv.budgetMs,
    detectNetwork,
    fetch: detectNetwork ? (options.fetch ?? ((url, init) => fetch(url, init))) : refuseFetch,
    manifestPath: options.manifestPath ?? fromEnv.manifestPath,
    networkId: options.networkId ?? fromEnv.networkId,
    networkKind: options.networkKind ?? fromEnv.networkKind,
    memo<T>(key: string, load: () => T): T {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key) as T;
    },
    processFacts: () => context.memo('process', () => readProcessFacts(context.root)),
  };
  return context;
}

// Synchronous, so detect() knows whether the container and pod keys exist.
// OpenTelemetry JS 3.x warns for every declared key that then settles empty.
function readProcessFacts(root: string): ProcessFacts {
  const cgroup = readTextFileSync(root, '/proc/self/cgroup').text;
  const mountinfo = readTextFileSync(root, '/proc/self/mountinfo').text;
  return {
    cgroup: cgroup === undefined ? {} : parseCgroup(cgroup),
    mountinfo: mountinfo === undefined ? { kubelet: false } : parseMountinfo(mountinfo),
  };
}
