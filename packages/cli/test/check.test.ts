import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Copies of the OTLP/JSON files other SDKs and the Collector wrote; SOURCES.md there names each origin.
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/otlp/', import.meta.url));
const fixtureFiles = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));

// Records in each fixture, per signal, as SOURCES.md describes them.
const EXPECTED_RECORDS: Record<string, Record<string, number>> = {
  'opentelemetry-proto-trace.json': { traces: 1 },
  'opentelemetry-proto-logs.json': { logs: 1 },
  'opentelemetry-proto-metrics.json': { metrics: 4 },
  'opentelemetry-proto-events.json': { logs: 1 },
  'opentelemetry-js-otel-collector-output.json': { metrics: 1, traces: 1, logs: 1 },
  'jaeger-otel_traces_01.json': { traces: 4 },
  'opentelemetry-operations-go-traces_basic.json': { traces: 45 },
  'opentelemetry-operations-go-logs_span_trace_id.json': { logs: 5 },
  'opentelemetry-operations-go-summary.json': { metrics: 1 },
  'fluent-bit-test_logs_metadata_001.in.json': {},
};

describe('provenance check', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'check-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('has an expectation for every fixture', () => {
    expect(Object.keys(EXPECTED_RECORDS).sort()).toEqual([...fixtureFiles].sort());
  });

  it.each(fixtureFiles)('counts the records of %s', async (file) => {
    const run = await runCli([
      'check',
      join(FIXTURES, file),
      '--format',
      'json',
      '--require',
      'service.name',
    ]);
    const report = JSON.parse(run.stdout);

    const records = Object.fromEntries(
      Object.entries(report.signals).map(([signal, c]) => [
        signal,
        (c as { records: number }).records,
      ]),
    );
    expect(records).toEqual(EXPECTED_RECORDS[file]);
  });

  it('says plainly that protobuf field names decode to nothing', async () => {
    const run = await runCli([
      'check',
      join(FIXTURES, 'fluent-bit-test_logs_metadata_001.in.json'),
    ]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('no OTLP/JSON records');
    expect(run.stdout).toContain('protobuf field names (resource_logs)');
    expect(run.stdout).not.toContain('100.0%');
  });

  it('reports missing keys with counts and exits 1', async () => {
    const run = await runCli([
      'check',
      join(FIXTURES, 'opentelemetry-operations-go-traces_basic.json'),
    ]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('traces: 0/45 records complete');
    expect(run.stdout).toContain('missing deployment.id: 45');
  });

  it('exits 0 when every record carries the required keys', async () => {
    const run = await runCli([
      'check',
      join(FIXTURES, 'opentelemetry-proto-trace.json'),
      '--require',
      'service.name',
    ]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('traces: 1/1 records complete (100.0%)');
  });

  it('counts a key carried on the record itself', async () => {
    const body = JSON.parse(readFileSync(join(FIXTURES, 'opentelemetry-proto-logs.json'), 'utf8'));
    body.resourceLogs[0].scopeLogs[0].logRecords[0].attributes.push({
      key: 'deployment.id',
      value: { stringValue: 'd-1' },
    });
    writeFileSync(join(dir, 'logs.json'), JSON.stringify(body));

    const run = await runCli(['check', 'logs.json', '--require', 'service.name,deployment.id'], {
      cwd: dir,
    });

    expect(run.code).toBe(0);
  });

  it('exits 3 naming the file and line of invalid JSON', async () => {
    const good = JSON.stringify(
      JSON.parse(readFileSync(join(FIXTURES, 'opentelemetry-proto-trace.json'), 'utf8')),
    );
    writeFileSync(join(dir, 'lines.jsonl'), `${good}\n${good}\n{"resourceSpans": [}\n`);

    const run = await runCli(['check', 'lines.jsonl'], { cwd: dir });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain('lines.jsonl:3: invalid JSON');
  });

  it('exits 3 naming the line of a wrongly typed field', async () => {
    writeFileSync(join(dir, 'typed.json'), '\n\n{"resourceLogs": {"x": 1}}');

    const run = await runCli(['check', 'typed.json'], { cwd: dir });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'typed.json:3: invalid OTLP/JSON logs request: resourceLogs must be an array',
    );
  });

  it('exits 3 for a file that does not exist', async () => {
    const run = await runCli(['check', 'missing.json'], { cwd: dir });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain('cannot read missing.json');
  });

  it('exits 2 without a file', async () => {
    const run = await runCli(['check']);

    expect(run.code).toBe(2);
  });
});
