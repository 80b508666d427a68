import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../../test/support/otlp-receiver.js';
import { childEnv } from './support/identity.js';
import { fixture, runChild } from './support/run-child.js';

const FLUSH_TIMEOUT_MS = 1000;
// Node's own start-up and module loading come on top of the flush timeout.
const EXIT_BOUND_MS = FLUSH_TIMEOUT_MS + 2500;

/** Returns a loopback URL on which nothing listens, so connections are refused. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('receiver down', () => {
  let stalled: OtlpReceiver;

  beforeEach(async () => {
    stalled = await OtlpReceiver.start('stall');
  });

  afterEach(async () => {
    await stalled.close();
  });

  it('exits within the flush timeout when connections are refused', async () => {
    const result = await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('one-of-each.mjs')],
      env: childEnv(await refusedUrl(), { PROVENANCE_FLUSH_TIMEOUT_MS: String(FLUSH_TIMEOUT_MS) }),
    });

    expect(result.elapsedMs).toBeLessThan(EXIT_BOUND_MS);
    expect(result.code).toBe(0);
  });

  it('exits within the flush timeout and reports once when the receiver hangs', async () => {
    const result = await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture('one-of-each.mjs')],
      env: childEnv(stalled.url, { PROVENANCE_FLUSH_TIMEOUT_MS: String(FLUSH_TIMEOUT_MS) }),
    });

    expect(result.elapsedMs).toBeLessThan(EXIT_BOUND_MS);
    expect(result.code).toBe(0);
    const reports = result.stderr
      .split('\n')
      .filter((line) => line.includes('did not finish within'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/\d+ spans pending/);
  });
});

describe('receiver down under withProvenance', () => {
  it('returns from each invocation within the flush timeout', async () => {
    const stalled = await OtlpReceiver.start('stall');
    try {
      const result = await runChild({
        args: ['--import', '@otel-provenance/node/register', fixture('lambda-handler.mjs')],
        env: childEnv(stalled.url, { PROVENANCE_FLUSH_TIMEOUT_MS: String(FLUSH_TIMEOUT_MS) }),
      });

      expect(result.lines.map((line) => line.invoked)).toEqual([1, 2, 3]);
      expect(result.elapsedMs).toBeLessThan(3 * FLUSH_TIMEOUT_MS + 2500);
      const reports = result.stderr.split('\n').filter((line) => line.includes('did not finish'));
      expect(reports).toHaveLength(1);
    } finally {
      await stalled.close();
    }
  });
});

describe('fatal errors', () => {
  let receiver: OtlpReceiver;

  beforeEach(async () => {
    receiver = await OtlpReceiver.start();
  });

  afterEach(async () => {
    await receiver.close();
  });

  it.each([
    ['throws.mjs', 'before-crash', 'fixture crashed on purpose'],
    ['rejects.mjs', 'before-rejection', 'fixture rejected on purpose'],
  ])('flushes and fails as Node would for %s', async (file, spanName, message) => {
    const result = await runChild({
      args: ['--import', '@otel-provenance/node/register', fixture(file)],
      env: childEnv(receiver.url),
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    // The application's error and stack come first, as without this package.
    const [first, second] = result.stderr.split('\n');
    expect(first).toBe(`Error: ${message}`);
    expect(second).toMatch(
      new RegExp(`^    at .*fixtures/${file.replace('.', '\\.')}:\\d+:\\d+\\)?$`),
    );
    expect(result.stderr).not.toContain('/dist/');
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(`Node.js ${process.version}`);
    expect(receiver.of('traces').map((span) => span.name)).toEqual([spanName]);
    const fatal = receiver
      .of('logs')
      .filter((log) => log.attributes['exception.message'] === message);
    expect(fatal).toHaveLength(1);
    const deletion = receiver.of('logs').find((log) => log.eventName === 'entity.delete');
    expect(deletion?.attributes['entity.delete.reason']).toBe('error');
  });
});

describe('another SDK first', () => {
  it('warns once and leaves the other SDK in charge', async () => {
    const receiver = await OtlpReceiver.start();
    try {
      const result = await runChild({
        args: [
          '--import',
          fixture('foreign-sdk.mjs'),
          '--import',
          '@otel-provenance/node/register',
          fixture('one-of-each.mjs'),
        ],
        env: childEnv(receiver.url),
      });

      expect(result.code).toBe(0);
      expect(result.stderr.match(/OTEL_PROVENANCE_GLOBALS_TAKEN/g)).toHaveLength(1);
      expect(receiver.records).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
