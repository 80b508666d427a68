import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type MetadataServer,
  startMetadataServer,
} from '../../detectors/test/support/metadata-server.js';
import { runCli } from './support/run-cli.js';

// An EC2 instance's DMI marker and an IMDSv2 service on loopback; fictional values.
const IMDS = {
  'PUT /latest/api/token': { body: 'AQAEAFAKE-TOKEN==' },
  'GET /latest/dynamic/instance-identity/document': {
    body: JSON.stringify({
      accountId: '111122223333',
      region: 'eu-west-1',
      availabilityZone: 'eu-west-1a',
      instanceId: 'i-0abc1234def567890',
      instanceType: 't3.small',
    }),
  },
};

let root: string;
let workDir: string;
let server: MetadataServer;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'provenance-detect-ec2-'));
  mkdirSync(join(root, 'sys/class/dmi/id'), { recursive: true });
  writeFileSync(join(root, 'sys/class/dmi/id/sys_vendor'), 'Amazon EC2\n');
  workDir = mkdtempSync(join(tmpdir(), 'provenance-detect-cwd-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

afterEach(async () => {
  await server.close();
});

async function detect(extraEnv: Record<string, string>, extraArgs: string[] = []) {
  server = await startMetadataServer(IMDS);
  const env = {
    AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url,
    GCE_METADATA_HOST: server.host,
    PROVENANCE_AZURE_IMDS_ENDPOINT: server.url,
    ...extraEnv,
  };
  const result = await runCli(['detect', '--root', root, ...extraArgs], env, workDir);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    attributes: Record<string, unknown>;
    sources: Record<string, string>;
  };
}

describe('provenance detect on an EC2 marker', () => {
  it('reads IMDSv2 at the endpoint given', async () => {
    const report = await detect({});

    expect(report.attributes['cloud.platform']).toBe('aws_ec2');
    expect(report.attributes['host.id']).toBe('i-0abc1234def567890');
    expect(report.attributes['cloud.account.id']).toBe('111122223333');
    expect(report.sources['host.id']).toBe('aws-ec2');
    expect(server.requests.map((request) => request.method)).toContain('PUT');
  });

  it.each([
    ['--no-network', {}, ['--no-network']],
    ['PROVENANCE_DETECT_NETWORK=off', { PROVENANCE_DETECT_NETWORK: 'off' }, []],
    ['AWS_EC2_METADATA_DISABLED', { AWS_EC2_METADATA_DISABLED: 'true' }, []],
  ])('keeps only the marker with %s', async (_name, env, args) => {
    const report = await detect(env, args);

    expect(server.requests).toEqual([]);
    expect(report.attributes['cloud.platform']).toBe('aws_ec2');
    expect(report.attributes).not.toHaveProperty('host.id');
  });
});
