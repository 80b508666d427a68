import type { NetworkInterfaceInfo } from 'node:os';
import type { Environment } from './env-value.js';

/** The subset of the WHATWG `fetch` the detectors call. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Returns the host's network interfaces, as `os.networkInterfaces()` does. */
export type NetworkInterfacesLike = () => NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Options every detector takes, so tests need no module stubbing. */
export interface DetectorOptions {
  /** The environment to read named variables from. Default: `process.env`. */
  env?: Environment;
  /** The directory that replaces `/` for every file read. Default: `/`. */
  root?: string;
  /** The working directory, under `root`. Default: `process.cwd()`. */
  cwd?: string;
  /** The function used for every network request. Default: the global `fetch`. */
  fetch?: FetchLike;
  /** The time detection may take before it settles with what it has, in milliseconds. */
  budgetMs?: number;
}
