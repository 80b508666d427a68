import { describe, expect, it } from 'vitest';
import { provenanceDetectors } from '../src/index.js';
import { MARKER_ROOTS } from './support/platform-inputs.js';
import { makeRoot } from './support/temp-root.js';

// Rejects every request: a marker root with the network on would otherwise
// reach the real metadata services once the pending keys settle.
const rejectRequests = () => Promise.reject(new Error('no network in this test'));

// The keys each detector returns, pending or not, by detector name.
function keysByDetector(env: Record<string, string>, root: string, detectNetwork = false) {
  const detectors = provenanceDetectors({
    env,
    root,
    cwd: '/',
    detectNetwork,
    fetch: rejectRequests,
  });
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

// The DMI marker files of each instance platform.
const { ec2, gce, azure } = MARKER_ROOTS as Record<'ec2' | 'gce' | 'azure', Record<string, string>>;
const INSTANCE_MARKERS: Record<string, Record<string, string>> = {
  'aws-ec2': ec2,
  gce,
  'azure-vm': azure,
};

describe('pending keys of ruled-out platforms', () => {
  it('off-platform: no platform keys', async () => {
    const keys = keysByDetector({}, await makeRoot());

    for (const name of [...ENV_PLATFORM_NAMES, ...INSTANCE_PLATFORM_NAMES]) {
      expect(keys[name], name).toEqual([]);
    }
    expect(keys['deployment-fallback']).toEqual([]);
  });

  it('DMI marker: that instance platform only', async () => {
    for (const [marked, files] of Object.entries(INSTANCE_MARKERS)) {
      const keys = keysByDetector({}, await makeRoot(files));

      for (const name of INSTANCE_PLATFORM_NAMES) {
        if (name === marked) expect(keys[name], name).not.toEqual([]);
        else expect(keys[name], `${name} beside ${marked}`).toEqual([]);
      }
    }
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
    for (const [name, files] of Object.entries(INSTANCE_MARKERS)) {
      const keys = keysByDetector({}, await makeRoot(files));

      expect(keys[name], name).toEqual(['cloud.provider', 'cloud.platform']);
    }
  });

  it('network on: every instance key', async () => {
    for (const [name, files] of Object.entries(INSTANCE_MARKERS)) {
      const keys = keysByDetector({}, await makeRoot(files), true);

      expect(keys[name], name).toContain('cloud.region');
    }
  });
});

describe('pending keys of containers and pods', () => {
  const DOCKER_CGROUP = {
    '/proc/self/cgroup': `0::/system.slice/docker-${'a'.repeat(64)}.scope\n`,
  };

  it('off-pod: no pod or container keys', async () => {
    const keys = keysByDetector({}, await makeRoot());

    expect(keys.kubernetes).toEqual([]);
    expect(keys.container).toEqual([]);
    expect(keys.network).not.toContain('k8s.pod.ip');
    expect(keys.network).not.toContain('provenance.network.id');
  });

  it('in a container: the container id at once', async () => {
    const detectors = provenanceDetectors({
      env: {},
      root: await makeRoot(DOCKER_CGROUP),
      cwd: '/',
    });
    const container = detectors.find((detector) => detector.name === 'container');

    expect(container?.detect().attributes).toEqual({ 'container.id': 'a'.repeat(64) });
  });

  it('in a pod: every pod key pending', async () => {
    const keys = keysByDetector({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, await makeRoot());

    expect(keys.kubernetes).toContain('k8s.pod.name');
    expect(keys.network).toContain('k8s.pod.ip');
  });

  it('network variables: the id at once', async () => {
    const keys = keysByDetector({ PROVENANCE_NETWORK_ID: 'vpc-1' }, await makeRoot());

    expect(keys.network).toContain('provenance.network.id');
    expect(keys.network).toContain('provenance.network.kind');
  });
});
