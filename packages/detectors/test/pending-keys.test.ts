import { describe, expect, it } from 'vitest';
import { provenanceDetectors } from '../src/index.js';
import { makeRoot } from './support/temp-root.js';

// The keys each detector returns, pending or not, by detector name.
function keysByDetector(env: Record<string, string>, root: string, detectNetwork = false) {
  const detectors = provenanceDetectors({ env, root, cwd: '/', detectNetwork });
  return Object.fromEntries(
    detectors.map((detector) => [detector.name, Object.keys(detector.detect().attributes ?? {})]),
  );
}

const ENV_PLATFORM_NAMES = [
  'aws-lambda',
  'aws-ecs',
  'google-cloud',
  'azure-app-service',
  'azure-container-apps',
  'fly-io',
  'heroku',
  'vercel',
];
const INSTANCE_PLATFORM_NAMES = ['aws-ec2', 'gce', 'azure-vm'];

describe('pending keys of ruled-out platforms', () => {
  it('off-platform: instance platforms only', async () => {
    const keys = keysByDetector({}, await makeRoot());

    for (const name of ENV_PLATFORM_NAMES) expect(keys[name], name).toEqual([]);
    for (const name of INSTANCE_PLATFORM_NAMES) expect(keys[name], name).not.toEqual([]);
    expect(keys['deployment-fallback']).toEqual([]);
  });

  it('on Lambda: Lambda and fallback only', async () => {
    const keys = keysByDetector({ AWS_LAMBDA_FUNCTION_NAME: 'resize' }, await makeRoot());

    for (const name of [...ENV_PLATFORM_NAMES, ...INSTANCE_PLATFORM_NAMES]) {
      if (name === 'aws-lambda') expect(keys[name]).toContain('faas.name');
      else expect(keys[name], name).toEqual([]);
    }
    expect(keys['deployment-fallback']).toEqual([
      'deployment.id',
      'provenance.deployment.id.source',
    ]);
  });

  it('network off: marker keys only', async () => {
    const keys = keysByDetector({}, await makeRoot());

    for (const name of INSTANCE_PLATFORM_NAMES) {
      expect(keys[name], name).toEqual(['cloud.provider', 'cloud.platform']);
    }
  });

  it('network on: every instance key', async () => {
    const keys = keysByDetector({}, await makeRoot(), true);

    for (const name of INSTANCE_PLATFORM_NAMES) {
      expect(keys[name], name).toContain('cloud.region');
    }
  });
});
