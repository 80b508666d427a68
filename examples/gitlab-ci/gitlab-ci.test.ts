import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepareCheckout, recordedEnvironment, runStep } from '../support/ci-checkout.js';

interface Job {
  script: string[];
  artifacts?: { paths?: string[] };
}

// `npm ci` needs the npm registry; prepareCheckout() leaves the checkout as it would find it.
const SKIPPED_LINES = new Set(['npm ci']);

describe('GitLab CI example', () => {
  let checkout: string | undefined;

  afterEach(async () => {
    if (checkout !== undefined) {
      await rm(checkout, { recursive: true, force: true });
    }
  });

  it('stamps the artifact it keeps', async () => {
    const text = await readFile(new URL('./.gitlab-ci.yml', import.meta.url), 'utf8');
    const job = (parse(text) as Record<string, Job>)['build-image'];
    expect(job?.script.length).toBeGreaterThan(0);
    const env = await recordedEnvironment('gitlab-ci-branch.json');
    checkout = await prepareCheckout();

    // GitLab runs the script lines in one shell, so a variable set on one line is seen later.
    const script = (job?.script ?? []).filter((line) => !SKIPPED_LINES.has(line.trim()));
    const result = await runStep(script.join('\n'), checkout, env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const manifest = JSON.parse(await readFile(join(checkout, 'dist', 'provenance.json'), 'utf8'));
    expect(manifest.attributes['cicd.pipeline.run.id']).toBe(env.CI_PIPELINE_ID);
    expect(manifest.attributes['cicd.pipeline.task.run.id']).toBe(env.CI_JOB_ID);
    expect(manifest.attributes['vcs.repository.url.full']).toBe(env.CI_PROJECT_URL);

    const envLine = await readFile(join(checkout, 'dist', 'otel-resource-attributes.env'), 'utf8');
    expect(envLine).toMatch(/^OTEL_RESOURCE_ATTRIBUTES=/);
    expect(envLine).toContain(`deployment.id=${manifest.attributes['deployment.id']}`);
    expect(envLine).not.toContain('FAKE');
    expect(job?.artifacts?.paths).toContain('dist/');
  });
});
