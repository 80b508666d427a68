import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from './support/harness.js';
import { postJson, tracesRequest } from './support/otlp-builders.js';
import { STORE_FACTORIES } from './support/store-factories.js';

const CLI = join(import.meta.dirname, '..', '..', 'cli', 'bin', 'provenance.cjs');
// Recent record times, so the default 30-day retention keeps them.
const T0 = Date.now() - 60_000;

// Starts `provenance serve` in a child process and resolves with its URL once it listens.
function serve(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr!.on('data', (chunk) => {
      output += String(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${output}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.each(STORE_FACTORIES)('durability of the $name store', (factory) => {
  let dir: string;
  let running: ChildProcess | undefined;

  afterEach(async () => {
    if (running && running.exitCode === null && running.signalCode === null) {
      await killHard(running);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged request across kill -9', async () => {
    dir = makeTempDir('durability-');
    const first = await serve(factory.serveArgs(dir));
    running = first.child;

    // Requests keep flowing while the process is killed; only acknowledged ones count.
    const acknowledged: string[] = [];
    let senderDone = false;
    const sender = (async () => {
      for (let i = 0; i < 400; i++) {
        const ip = `10.50.${Math.floor(i / 250)}.${(i % 250) + 1}`;
        const asset = { serviceName: 'durable', instanceId: `i-${i}`, ip, network: 'vpc-d' };
        try {
          const response = await postJson(first.url, '/v1/traces', tracesRequest(asset, [T0 + i]));
          if (response.status === 200) {
            acknowledged.push(ip);
          }
        } catch {
          return;
        }
      }
    })().finally(() => {
      senderDone = true;
    });
    while (acknowledged.length < 40 && !senderDone) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await killHard(first.child);
    await sender;

    const second = await serve(factory.serveArgs(dir));
    running = second.child;
    const missing: string[] = [];
    for (const ip of acknowledged) {
      const response = await fetch(
        `${second.url}/api/v1/whois?ip=${ip}&network=vpc-d&at=${new Date(T0 + 200).toISOString()}`,
      );
      const answer = (await response.json()) as { candidates: unknown[] };
      if (answer.candidates.length !== 1) {
        missing.push(ip);
      }
    }

    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(missing).toEqual([]);
  });
});
