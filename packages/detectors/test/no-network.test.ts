import { describe, expect, it } from 'vitest';
import { detectProvenance } from '../src/detect-provenance.js';
import { createDetectionContext } from '../src/detection-context.js';
import type { FetchLike } from '../src/options.js';
import { makeRoot } from './support/temp-root.js';

function recordingFetch(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: async (url) => {
      calls.push(url);
      return new Response('{}');
    },
  };
}

// A host with files and variables of every kind the detectors read, but no
// platform that has a metadata service.
const OFF_CLOUD_ENV = {
  HOSTNAME: 'build-7',
  OTEL_SERVICE_NAME: 'ledger-api',
  AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9/',
  GCE_METADATA_HOST: '127.0.0.1:9',
  PROVENANCE_AZURE_IMDS_ENDPOINT: 'http://127.0.0.1:9/',
};

describe('network requests during detection', () => {
  it('makes none off-cloud by default', async () => {
    const root = await makeRoot({ '/proc/self/cgroup': '0::/system.slice/ledger.service\n' });
    const recorder = recordingFetch();

    await detectProvenance({ env: OFF_CLOUD_ENV, root, fetch: recorder.fetch, entryPoint: false });

    expect(recorder.calls).toEqual([]);
  });

  it('makes none with network detection off', async () => {
    const recorder = recordingFetch();

    await detectProvenance({
      env: {},
      root: await makeRoot(),
      fetch: recorder.fetch,
      detectNetwork: false,
    });

    expect(recorder.calls).toEqual([]);
  });

  it('rejects every request when PROVENANCE_DETECT_NETWORK is off', async () => {
    const recorder = recordingFetch();
    const context = createDetectionContext({
      env: { PROVENANCE_DETECT_NETWORK: 'off' },
      fetch: recorder.fetch,
    });

    await expect(context.fetch('http://127.0.0.1:9/latest/meta-data')).rejects.toThrow(
      'network detection is off',
    );
    expect(recorder.calls).toEqual([]);
  });

  it('lets an explicit option outrank the variable', async () => {
    const recorder = recordingFetch();
    const context = createDetectionContext({
      env: { PROVENANCE_DETECT_NETWORK: 'on' },
      fetch: recorder.fetch,
      detectNetwork: false,
    });

    await expect(context.fetch('http://127.0.0.1:9/')).rejects.toThrow();
    expect(recorder.calls).toEqual([]);
  });
});
