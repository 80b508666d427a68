import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as downward from '../../packages/detectors/src/kubernetes/downward-variables.js';
import { recordedEnvironment } from '../support/ci-checkout.js';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: { fieldPath: string } };
}

interface DeploymentManifest {
  spec: {
    template: {
      metadata: { annotations: Record<string, string> };
      spec: { containers: { name: string; env: EnvVar[] }[] };
    };
  };
}

const PROVENANCE_BIN = fileURLToPath(
  new URL('../../packages/cli/bin/provenance.cjs', import.meta.url),
);

// Each fact the detectors read in a pod, the variable names they accept for it, and the
// downward-API field that supplies it (undefined where the pod spec writes the value out).
const FACTS = [
  { fact: 'pod name', names: downward.POD_NAME_VARIABLES, field: 'metadata.name' },
  { fact: 'namespace', names: downward.POD_NAMESPACE_VARIABLES, field: 'metadata.namespace' },
  { fact: 'pod uid', names: downward.POD_UID_VARIABLES, field: 'metadata.uid' },
  { fact: 'pod IP', names: downward.POD_IP_VARIABLES, field: 'status.podIP' },
  { fact: 'node name', names: downward.NODE_NAME_VARIABLES, field: 'spec.nodeName' },
  { fact: 'node IP', names: downward.NODE_IP_VARIABLES, field: 'status.hostIP' },
  { fact: 'container name', names: downward.CONTAINER_NAME_VARIABLES, field: undefined },
  { fact: 'cluster name', names: [downward.CLUSTER_NAME_VARIABLE], field: undefined },
  { fact: 'network id', names: ['PROVENANCE_NETWORK_ID'], field: undefined },
];

async function loadDeployment(): Promise<DeploymentManifest> {
  const text = await readFile(new URL('./deployment.yaml', import.meta.url), 'utf8');
  return parse(text) as DeploymentManifest;
}

function stampAnnotations(cwd: string, env: Record<string, string>, deploymentId: string) {
  return new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [PROVENANCE_BIN, 'stamp', '--format', 'k8s', '--deployment-id', deploymentId],
      { cwd, env: { ...env, PATH: process.env.PATH ?? '', HOME: cwd }, encoding: 'utf8' },
      (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)),
    );
  });
}

describe('Kubernetes example', () => {
  it.each(FACTS)('provides the $fact', async ({ names, field }) => {
    const deployment = await loadDeployment();
    const env = deployment.spec.template.spec.containers[0]?.env ?? [];
    const provided = env.find((variable) => (names as readonly string[]).includes(variable.name));

    expect(provided, `one of ${names.join(', ')}`).toBeDefined();
    if (field === undefined) {
      expect(provided?.value).toMatch(/\S/);
    } else {
      expect(provided?.valueFrom?.fieldRef?.fieldPath).toBe(field);
    }
  });

  it('annotates the manifest attributes', async () => {
    const deployment = await loadDeployment();
    const annotations = deployment.spec.template.metadata.annotations;
    const deploymentId = annotations['resource.opentelemetry.io/deployment.id'];
    expect(deploymentId).toBeDefined();

    // Stamp the recorded CI job that built checkout-service 2.14.0 again, with the same
    // deployment id, and compare what it prints with the annotations in the manifest.
    const directory = await mkdtemp(join(tmpdir(), 'provenance-k8s-'));
    try {
      const packageJson = { name: 'checkout-service', version: '2.14.0' };
      await writeFile(join(directory, 'package.json'), JSON.stringify(packageJson));
      const env = await recordedEnvironment('github-actions-push.json');
      const stamped = parse(await stampAnnotations(directory, env, deploymentId ?? '')) as Record<
        string,
        string
      >;

      expect(Object.keys(stamped).length).toBeGreaterThan(5);
      expect(annotations).toEqual(stamped);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
