import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepareCheckout, recordedEnvironment, runStep } from '../support/ci-checkout.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

// `npm ci` needs the npm registry; prepareCheckout() leaves the checkout as it would find it.
const SKIPPED_RUNS = new Set(['npm ci']);

async function loadWorkflow(): Promise<Workflow> {
  const text = await readFile(new URL('./deploy.yml', import.meta.url), 'utf8');
  return parse(text) as Workflow;
}

describe('GitHub Actions example', () => {
  let checkout: string | undefined;

  afterEach(async () => {
    if (checkout !== undefined) {
      await rm(checkout, { recursive: true, force: true });
    }
  });

  it('stamps the artifact it uploads', async () => {
    const workflow = await loadWorkflow();
    const job = workflow.jobs['build-image'];
    expect(job).toBeDefined();
    const env: Record<string, string> = {
      ...(await recordedEnvironment('github-actions-push.json')),
      GITHUB_JOB: 'build-image',
    };
    checkout = await prepareCheckout();

    for (const step of job?.steps ?? []) {
      if (step.run === undefined || SKIPPED_RUNS.has(step.run.trim())) {
        continue;
      }
      const result = await runStep(step.run, checkout, env);
      expect(result.stderr, step.name ?? step.run).toBe('');
      expect(result.code, step.name ?? step.run).toBe(0);
    }

    const manifest = JSON.parse(await readFile(join(checkout, 'dist', 'provenance.json'), 'utf8'));
    expect(manifest.schemaVersion).toBe(1);
    expect(manifest.attributes['service.name']).toBe('checkout-service');
    expect(manifest.attributes['cicd.pipeline.run.id']).toBe(env.GITHUB_RUN_ID);
    expect(manifest.attributes['vcs.ref.head.revision']).toBe(env.GITHUB_SHA);
    expect(manifest.attributes['deployment.id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);

    const annotations = parse(
      await readFile(join(checkout, 'dist', 'pod-annotations.yaml'), 'utf8'),
    ) as Record<string, unknown>;
    const flat = JSON.stringify(annotations);
    expect(flat).toContain(
      `"resource.opentelemetry.io/deployment.id":"${manifest.attributes['deployment.id']}"`,
    );

    const upload = job?.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('dist/');
    expect(JSON.stringify(manifest)).not.toContain('ghs_FAKE');
  });
});
