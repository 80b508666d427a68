// Types of otlp-payload.mjs for the TypeScript tests.
export function findRecordResource(
  received: Array<{ signal: string; contentType: string; body: Buffer }>,
  signal: 'traces' | 'logs' | 'metrics',
  recordName: string,
  keys: readonly string[],
): Record<string, unknown> | undefined;
