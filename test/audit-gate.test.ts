import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { auditVerdict } from '../scripts/audit-verdict.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GATE = fileURLToPath(new URL('../scripts/audit-gate.mjs', import.meta.url));

function recorded(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/audit/${name}`, import.meta.url)), 'utf8');
}

describe('auditVerdict', () => {
  it('passes a clean report', () => {
    const verdict = auditVerdict(recorded('clean.json'));

    expect(verdict.exitCode).toBe(0);
    expect(verdict.message).toBe(
      'audit: no critical advisories (0 info, 0 low, 0 moderate, 0 high, 0 critical)',
    );
  });

  it('fails on a critical advisory naming it', () => {
    const verdict = auditVerdict(recorded('critical.json'));

    expect(verdict.exitCode).toBe(1);
    expect(verdict.message).toContain('critical advisories found');
    expect(verdict.message).toContain('example-template-engine <3.1.4');
    expect(verdict.message).not.toContain('example-glob');
  });

  it('passes high advisories only', () => {
    const verdict = auditVerdict(recorded('high-only.json'));

    expect(verdict.exitCode).toBe(0);
    expect(verdict.message).toContain('1 high, 0 critical');
  });

  it.each([
    ['a 405 from the registry', 'refused-405.json'],
    ['a refused connection', 'unreachable.json'],
  ])('skips on %s in one line', (_case, file) => {
    const verdict = auditVerdict(recorded(file));

    expect(verdict.exitCode).toBe(0);
    expect(verdict.message).toMatch(
      /^audit: advisory service unreachable or refused the request \(.+\); skipping/,
    );
    expect(verdict.message).not.toContain('\n');
  });

  it.each([
    ['empty output', ''],
    ['text', 'ERR_PNPM_SOMETHING broke'],
    [
      'an unknown error',
      JSON.stringify({ error: { code: 'ERR_PNPM_LOCKFILE_BROKEN', message: 'broken lockfile' } }),
    ],
    [
      'a 405 without the audit code',
      JSON.stringify({ error: { code: 'ERR_OTHER', message: 'responded with 405' } }),
    ],
    ['JSON without counts', JSON.stringify({ advisories: {} })],
  ])('fails closed on %s', (_case, stdout) => {
    expect(auditVerdict(stdout).exitCode).toBe(1);
  });
});

describe('audit gate script', () => {
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  // Serves one recorded response for every request, like a registry's advisory endpoint.
  async function registry(status: number, body: string): Promise<string> {
    server = createServer((request, response) => {
      request.resume();
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  function runGate(registryUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [GATE, '--registry', registryUrl],
        {
          cwd: ROOT,
          timeout: 60_000,
          env: { ...process.env, npm_config_update_notifier: 'false' },
        },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
        },
      );
    });
  }

  it('exits 1 when the registry reports a critical advisory', async () => {
    const url = await registry(200, recorded('critical.json'));

    const result = await runGate(url);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('critical advisories found');
  });

  it('exits 0 with one line on 405', async () => {
    const url = await registry(405, '');

    const result = await runGate(url);

    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toContain('skipping the dependency audit');
  });
});
