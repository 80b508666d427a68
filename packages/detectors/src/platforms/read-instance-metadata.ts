import { ATTR_CLOUD_PLATFORM, ATTR_CLOUD_PROVIDER } from '@otel-provenance/core';
import type { DetectionContext } from '../detection-context.js';
import { mergeDefined } from './json-fields.js';
import { collectWithinBudget } from './network-budget.js';
import type { PlatformFacts } from './platform.js';

/** One virtual machine platform whose metadata service fills in what its DMI marker cannot. */
export interface InstanceMetadataSource {
  detector: string;
  provider: string;
  platform: string;
  /** The service's base URL, or `undefined` when its variables switch it off or are invalid. */
  base: string | undefined;
  /** Requests the service and writes the attributes it reads into `sink`. */
  request: (base: string, sink: Record<string, unknown>) => Promise<void>;
}

/**
 * Asks a VM's metadata service within the shared network budget. The provider
 * and platform the DMI marker proved are kept whatever the service returns,
 * and a missing base URL means no request at all.
 */
export async function readInstanceMetadata(
  context: DetectionContext,
  source: InstanceMetadataSource,
): Promise<PlatformFacts> {
  const { base } = source;
  const found = await collectWithinBudget<Record<string, unknown>>(context, async (sink) => {
    if (base !== undefined) await source.request(base, sink);
  });

  return {
    detector: source.detector,
    attributes: mergeDefined(
      { [ATTR_CLOUD_PROVIDER]: source.provider, [ATTR_CLOUD_PLATFORM]: source.platform },
      found,
    ),
  };
}
