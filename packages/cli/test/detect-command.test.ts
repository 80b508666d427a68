import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCgroup, parseMountinfo } from '@otel-provenance/detectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../src/io.js';
import { main } from '../src/main.js';
import { startFixtureServer } from './support/fixture-server.js';
import { runCli } from './support/run-cli.js';

function bufferedIo(env: Record<string, string>, cwd: string) {
  const output = { stdout: '', stderr: '' };
  const io: CommandIo = {
    env,
    cwd,
    stdout: (text) => {
      output.stdout += text;
    },
    stderr: (text) => {
      output.stderr += text;
    },
  };
  return { io, output };
}

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'provenance-detect-command-'));
  await mkdir(join(root, 'app'));
  await writeFile(
    join(root, 'app', 'package.json'),
    JSON.stringify({ name: 'ledger-api', version: '3.1.0' }),
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('provenance detect', () => {
  it('prints attributes and their sources as JSON', async () => {
    const { io, output } = bufferedIo({ OTEL_SERVICE_NAME: 'checkout' }, '/app');

    const code = await main(['detect', '--root', root], io);

    expect(code).toBe(0);
    const report = JSON.parse(output.stdout);
    expect(report.attributes['service.name']).toBe('checkout');
    expect(report.attributes['service.version']).toBe('3.1.0');
    expect(report.sources['service.name']).toBe('environment');
    expect(report.sources['service.version']).toBe('application');
  });

  it('prints a table with one row per attribute', async () => {
    const { io, output } = bufferedIo({}, '/app');

    const code = await main(['detect', '--root', root, '--format', 'table'], io);

    expect(code).toBe(0);
    const lines = output.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^attribute\s+value\s+source$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^service\.version\s+3\.1\.0\s+application$/),
    );
  });

  it('writes warnings to stderr', async () => {
    const { io, output } = bufferedIo({ OTEL_RESOURCE_ATTRIBUTES: 'no-equals-sign' }, '/app');

    const code = await main(['detect', '--root', root], io);

    expect(code).toBe(0);
    expect(output.stderr).toContain('OTEL_RESOURCE_ATTRIBUTES is discarded');
  });

  it.each([
    [['detect', '--format', 'yaml'], 'invalid --format "yaml"'],
    [['detect', '--color'], "Unknown option '--color'"],
    [['detect', 'extra'], 'unexpected argument "extra"'],
    [['detect', '--root', ''], '--root needs a directory'],
  ])('rejects %j with exit status 2', async (argv, message) => {
    const { io, output } = bufferedIo({}, '/');

    const code = await main(argv, io);

    expect(code).toBe(2);
    expect(output.stderr).toContain(message);
  });

  it('names an unknown option in one short line', async () => {
    const { io, output } = bufferedIo({}, '/');

    const code = await main(['detect', '--color'], io);

    expect(code).toBe(2);
    expect(output.stderr).toBe(
      "provenance detect: Unknown option '--color'; see `provenance detect --help`\n",
    );
  });

  it("reports what the parsers find in this machine's /proc", async () => {
    const cgroup = parseCgroup(readFileSync('/proc/self/cgroup', 'utf8'));
    const mountinfo = parseMountinfo(readFileSync('/proc/self/mountinfo', 'utf8'));
    const { io, output } = bufferedIo({}, tmpdir());

    const code = await main(['detect', '--no-network'], io);

    expect(code).toBe(0);
    const report = JSON.parse(output.stdout);
    expect(report.attributes['container.id']).toBe(cgroup.containerId ?? mountinfo.containerId);
  });

  it('prints its help with exit status 0', async () => {
    const { io, output } = bufferedIo({}, '/');

    const code = await main(['detect', '--help'], io);

    expect(code).toBe(0);
    expect(output.stdout).toContain('--no-network');
    expect(output.stdout).toContain('--root DIR');
  });

  it('exits with 3 when the root is not a directory', async () => {
    const { io, output } = bufferedIo({}, '/');

    const code = await main(['detect', '--root', join(root, 'missing')], io);

    expect(code).toBe(3);
    expect(output.stderr).toContain('is not a readable directory');
  });

  it('makes no request off-cloud with metadata addresses redirected', async () => {
    const server = await startFixtureServer(undefined);
    try {
      const env = {
        AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url,
        GCE_METADATA_HOST: server.url.replace('http://', ''),
        PROVENANCE_AZURE_IMDS_ENDPOINT: server.url,
      };

      const result = await runCli(['detect', '--root', root], env, tmpdir());

      expect(result.code).toBe(0);
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
