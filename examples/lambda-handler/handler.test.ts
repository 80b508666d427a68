import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../test/support/otlp-receiver.js';

const EXAMPLE = fileURLToPath(new URL('./', import.meta.url));
const REQUEST_ID = '3f1c2a7e-0b8d-4e55-9f6a-1d2c3b4a5e6f';

// The variables the Lambda runtime sets that matter here, from the AWS Lambda documentation
// (defined runtime environment variables); the values are fictional.
const LAMBDA_ENV = {
  AWS_LAMBDA_FUNCTION_NAME: 'orders-function',
  AWS_LAMBDA_FUNCTION_VERSION: '14',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  AWS_REGION: 'eu-west-1',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  PROVENANCE_DETECT_NETWORK: 'off',
};

function invoke(endpoint: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['invoke.mjs', REQUEST_ID],
      {
        cwd: EXAMPLE,
        env: { ...LAMBDA_ENV, PATH: process.env.PATH ?? '', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
        encoding: 'utf8',
        timeout: 20_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr }),
    );
  });
}

describe('Lambda handler example', () => {
  let receiver: OtlpReceiver;

  beforeEach(async () => {
    receiver = await OtlpReceiver.start();
  });

  afterEach(async () => {
    await receiver.close();
  });

  it('delivers before the handler returns', async () => {
    const result = await invoke(receiver.url);

    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      statusCode: 202,
      body: JSON.stringify({ accepted: true, items: 2 }),
    });
    const [span] = receiver.of('traces');
    expect(span?.name).toBe('accept order');
    expect(span?.attributes['faas.invocation_id']).toBe(REQUEST_ID);
    expect(span?.attributes['faas.trigger']).toBe('http');
    expect(span?.attributes['faas.coldstart']).toBe(true);
    expect(span?.resource['service.name']).toBe('orders-function');
    expect(span?.resource['service.instance.id']).toEqual(expect.any(String));
    expect(receiver.of('metrics').some((metric) => metric.name === 'orders.accepted')).toBe(true);
  });
});
