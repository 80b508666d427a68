import type { DetectionContext } from '../detection-context.js';
import type { Environment } from '../env-value.js';

/**
 * The parts a fallback deployment id is derived from, as the UUIDv5 of
 * `<platform>:<scope...>:<revision>`. Every scope part and the revision must
 * be known, or no id is derived.
 */
export interface DeploymentBasis {
  /** The `cloud.platform` value, or the provider's name where there is none. */
  platform: string;
  /** The account or project, the region and the service, as far as the platform has them. */
  scope: readonly (string | undefined)[];
  revision: string | undefined;
}

/** The facts one platform reader found. Values may be `undefined`, and those are left out. */
export interface PlatformFacts {
  /** The name of the detector that reports these facts. */
  detector: string;
  attributes: Record<string, unknown>;
  deployment?: DeploymentBasis;
}

/** A platform recognised from its own environment variables, with no I/O. */
export interface EnvPlatform {
  /** The detector's name, which `provenance detect` shows as each value's source. */
  name: string;
  /** Every attribute key the reader may give. */
  keys: readonly string[];
  recognise(env: Environment): boolean;
  /** Reads the facts; never rejects and settles within the network budget. */
  read(context: DetectionContext): Promise<PlatformFacts>;
}

/** The DMI identity files (`/sys/class/dmi/id/*`) and the Xen hypervisor id, trimmed. */
export interface DmiMarkers {
  sysVendor?: string;
  productName?: string;
  boardVendor?: string;
  biosVendor?: string;
  biosVersion?: string;
  chassisAssetTag?: string;
  hypervisorUuid?: string;
}

/** A virtual machine recognised from a local marker; its metadata service is asked next. */
export interface InstancePlatform {
  name: string;
  keys: readonly string[];
  recognise(markers: DmiMarkers): boolean;
  /** Reads the facts; never rejects and settles within the network budget. */
  read(context: DetectionContext): Promise<PlatformFacts>;
}
