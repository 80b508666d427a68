import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../src/index.js';
import { detectWith, makeRoot } from './support/detect-with.js';
import {
  MARKER_ROOTS,
  METADATA_ADDRESSES,
  PLATFORM_VARIABLES,
  pointedAt,
} from './support/platform-inputs.js';

// The tests point every endpoint here; nothing listens, and the recording
// fetch below never opens a connection anyway.
const LOOPBACK = 'http://127.0.0.1:9';

const RUNTIME_FIXTURES = fileURLToPath(
  new URL('../../cli/test/fixtures/runtime/', import.meta.url),
);

/** Records every URL and returns a 404 response for each, without any network I/O. */
function recordingFetch(urls: string[]): FetchLike {
  return (url) => {
    urls.push(url);
    return Promise.resolve(new Response('', { status: 404 }));
  };
}

function expectOnlyLoopback(urls: string[]) {
  for (const url of urls) {
    expect(new URL(url).hostname, url).toBe('127.0.0.1');
    for (const address of METADATA_ADDRESSES) {
      expect(url, url).not.toContain(address);
    }
  }
}

const fixtures = readdirSync(RUNTIME_FIXTURES)
  .sort()
  .map((name) => {
    const text = readFileSync(join(RUNTIME_FIXTURES, name, 'case.json'), 'utf8');
    const env = JSON.parse(text.replaceAll('{{METADATA_URL}}', LOOPBACK)) as {
      env: Record<string, string>;
    };
    return { name, env: env.env };
  });

describe('metadata address guard', () => {
  it.each(
    fixtures.flatMap(({ name, env }) =>
      Object.keys(MARKER_ROOTS).map((marker) => ({ name, env, marker })),
    ),
  )('requests only loopback for $name with the $marker marker', async ({ env, marker }) => {
    const urls: string[] = [];

    await detectWith({
      env: { ...pointedAt(LOOPBACK), ...env },
      root: makeRoot(MARKER_ROOTS[marker]),
      fetch: recordingFetch(urls),
    });

    expectOnlyLoopback(urls);
  });

  it('requests each marked service at loopback', async () => {
    const urls: string[] = [];
    for (const marker of ['ec2', 'gce', 'azure']) {
      await detectWith({
        env: pointedAt(LOOPBACK),
        root: makeRoot(MARKER_ROOTS[marker]),
        fetch: recordingFetch(urls),
      });
    }

    // The guard above means something only if the services are asked at all.
    expect(urls.some((url) => url.includes('/latest/api/token'))).toBe(true);
    expect(urls.some((url) => url.includes('/computeMetadata/v1/'))).toBe(true);
    expect(urls.some((url) => url.includes('/metadata/instance'))).toBe(true);
    expectOnlyLoopback(urls);
  });

  it('requests only the endpoints the variables give', async () => {
    const roots = Object.values(MARKER_ROOTS).map((files) => makeRoot(files));
    const endpoint = fc
      .oneof(
        fc.string(),
        fc.webUrl(),
        fc.constantFrom(
          'http://127.0.0.1:9',
          'http://127.0.0.1:9/',
          '127.0.0.1:9',
          'ftp://x',
          'http://',
        ),
      )
      .filter((value) => value.trim() !== '');
    const endpoints = fc.record({
      AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint,
      GCE_METADATA_HOST: endpoint,
      PROVENANCE_AZURE_IMDS_ENDPOINT: endpoint,
      ECS_CONTAINER_METADATA_URI_V4: endpoint,
    });
    const platform = fc.constantFrom<Record<string, string>>(
      {},
      { K_SERVICE: 'checkout', K_REVISION: 'checkout-00001-abc' },
      { AWS_EXECUTION_ENV: 'AWS_ECS_FARGATE' },
    );

    let requested = 0;
    await fc.assert(
      fc.asyncProperty(endpoints, platform, fc.constantFrom(...roots), async (env, extra, root) => {
        const urls: string[] = [];
        await detectWith({ env: { ...env, ...extra }, root, fetch: recordingFetch(urls) });
        requested += urls.length;

        // Each request starts with one of the given endpoints, never a default address.
        const given = [
          env.AWS_EC2_METADATA_SERVICE_ENDPOINT.trim().replace(/\/$/, ''),
          env.PROVENANCE_AZURE_IMDS_ENDPOINT.trim().replace(/\/$/, ''),
          env.ECS_CONTAINER_METADATA_URI_V4.trim().replace(/\/+$/, ''),
          `http://${env.GCE_METADATA_HOST.trim()}`,
        ];
        for (const url of urls) {
          expect(
            given.some((prefix) => url.startsWith(prefix)),
            url,
          ).toBe(true);
        }
      }),
      { numRuns: 150 },
    );

    // The property means something only if some endpoints were valid and requested.
    expect(requested).toBeGreaterThan(0);
  });

  it('requests only loopback for random platform variables', async () => {
    const roots = Object.fromEntries(
      Object.entries(MARKER_ROOTS).map(([name, files]) => [name, makeRoot(files)]),
    );
    const variables = fc.dictionary(fc.constantFrom(...PLATFORM_VARIABLES), fc.string(), {
      maxKeys: 12,
    });

    await fc.assert(
      fc.asyncProperty(
        variables,
        fc.constantFrom(...Object.keys(roots)),
        fc.boolean(),
        async (env, marker, onEcs) => {
          const urls: string[] = [];
          const ecs: Record<string, string> = onEcs
            ? { ECS_CONTAINER_METADATA_URI_V4: `${LOOPBACK}/v4/task` }
            : {};
          await detectWith({
            env: { ...env, ...pointedAt(LOOPBACK), ...ecs },
            root: roots[marker],
            fetch: recordingFetch(urls),
          });
          expectOnlyLoopback(urls);
        },
      ),
      { numRuns: 150 },
    );
  });
});
