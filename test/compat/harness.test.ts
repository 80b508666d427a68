import { describe, expect, it } from 'vitest';
import { consumerManifest } from './lib/consumer-project.mjs';
import { checkInstalledTree } from './lib/installed-tree.mjs';
import { expandRuns } from './lib/matrix.mjs';
import { findRecordResource } from './lib/otlp-payload.mjs';

const KEYS = ['service.name', 'service.instance.id', 'deployment.id'];

function jsonExport(signal: 'traces' | 'logs' | 'metrics', payload: unknown) {
  return { signal, contentType: 'application/json', body: Buffer.from(JSON.stringify(payload)) };
}

// Hand-encoded protobuf: a field with wire type 2 is tag, varint length, bytes.
function lengthDelimited(field: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([(field << 3) | 2, content.length]), content]);
}

function protobufKeyValue(key: string, value: string): Buffer {
  const anyValue = lengthDelimited(1, Buffer.from(value));
  return lengthDelimited(
    1,
    Buffer.concat([lengthDelimited(1, Buffer.from(key)), lengthDelimited(2, anyValue)]),
  );
}

describe('findRecordResource', () => {
  const resource = {
    attributes: [
      { key: 'service.name', value: { stringValue: 'compat-smoke' } },
      { key: 'host.ip', value: { arrayValue: { values: [{ stringValue: '10.0.0.1' }] } } },
      { key: 'deployment.id', value: { stringValue: '0190c3e2-0000-7000-8000-000000000001' } },
    ],
  };

  it('reads the resource of a JSON span', () => {
    const received = [
      jsonExport('traces', {
        resourceSpans: [{ resource, scopeSpans: [{ spans: [{ name: 'compat-smoke-span' }] }] }],
      }),
    ];

    expect(findRecordResource(received, 'traces', 'compat-smoke-span', KEYS)).toEqual({
      'service.name': 'compat-smoke',
      'deployment.id': '0190c3e2-0000-7000-8000-000000000001',
    });
  });

  it('matches a log record by its body', () => {
    const received = [
      jsonExport('logs', {
        resourceLogs: [
          {
            resource,
            scopeLogs: [{ logRecords: [{ body: { stringValue: 'compat-smoke-log' } }] }],
          },
        ],
      }),
    ];

    expect(findRecordResource(received, 'logs', 'compat-smoke-log', KEYS)).toMatchObject({
      'service.name': 'compat-smoke',
    });
  });

  it('returns undefined for a missing record', () => {
    const received = [
      jsonExport('metrics', {
        resourceMetrics: [{ resource, scopeMetrics: [{ metrics: [{ name: 'other.metric' }] }] }],
      }),
    ];

    expect(findRecordResource(received, 'metrics', 'compat.smoke.count', KEYS)).toBeUndefined();
    expect(findRecordResource(received, 'traces', 'other.metric', KEYS)).toBeUndefined();
  });

  it('reads string attributes from protobuf', () => {
    const body = Buffer.concat([
      protobufKeyValue('service.name', 'compat-smoke'),
      protobufKeyValue('service.instance.id', 'b3c1d6a0-5f1e-4d3a-9a6e-2f4b8c7d9e10'),
      lengthDelimited(1, Buffer.from('compat-smoke-span')),
    ]);
    const received = [{ signal: 'traces', contentType: 'application/x-protobuf', body }];

    expect(findRecordResource(received, 'traces', 'compat-smoke-span', KEYS)).toEqual({
      'service.name': 'compat-smoke',
      'service.instance.id': 'b3c1d6a0-5f1e-4d3a-9a6e-2f4b8c7d9e10',
    });
  });
});

describe('checkInstalledTree', () => {
  const projectDir = '/consumer';

  function installedPackage(name: string, version: string, dir = `/consumer/node_modules/${name}`) {
    return { name, version, dir, installScripts: [] as string[], hasBindingGyp: false };
  }

  it('accepts the expected tree', () => {
    const installed = [
      installedPackage('@opentelemetry/api', '1.10.0'),
      installedPackage('@opentelemetry/core', '3.1.1'),
      installedPackage(
        '@opentelemetry/core',
        '3.0.0',
        '/consumer/node_modules/x/node_modules/@opentelemetry/core',
      ),
    ];
    const rules = {
      projectDir,
      expectedVersions: { '@opentelemetry/api': '1.10.0', '@opentelemetry/core': '3.1.1' },
      forbidden: ['better-sqlite3'],
    };

    expect(checkInstalledTree(installed, rules)).toEqual([]);
  });

  it('reports each problem', () => {
    const installed = [
      installedPackage('@opentelemetry/api', '1.9.1'),
      installedPackage(
        '@opentelemetry/api',
        '1.10.0',
        '/consumer/node_modules/x/node_modules/@opentelemetry/api',
      ),
      {
        ...installedPackage('better-sqlite3', '12.0.0'),
        installScripts: ['install'],
        hasBindingGyp: true,
      },
    ];
    const rules = {
      projectDir,
      expectedVersions: { '@opentelemetry/api': '1.10.0', '@opentelemetry/resources': '3.1.1' },
      forbidden: ['better-sqlite3'],
    };

    const problems = checkInstalledTree(installed, rules);

    expect(problems).toEqual([
      '@opentelemetry/api: expected 1.10.0 in node_modules, found 1.9.1',
      '@opentelemetry/resources: expected 3.1.1 in node_modules, found nothing',
      expect.stringContaining('@opentelemetry/api is installed 2 times'),
      expect.stringContaining('better-sqlite3 must not be installed'),
      'better-sqlite3@12.0.0 runs or compiles code on install (install, binding.gyp)',
    ]);
  });
});

describe('consumerManifest', () => {
  it('pins tarballs through overrides', () => {
    const tarballs = new Map([['@otel-provenance/core', '/tmp/core.tgz']]);

    const manifest = consumerManifest(tarballs, { '@opentelemetry/api': '1.10.0' });

    expect(manifest.dependencies).toEqual({
      '@opentelemetry/api': '1.10.0',
      '@otel-provenance/core': 'file:/tmp/core.tgz',
    });
    expect(manifest.overrides).toEqual({ '@otel-provenance/core': '$@otel-provenance/core' });
  });
});

describe('expandRuns', () => {
  it('makes one run per set and runtime', () => {
    const matrix = {
      runtimes: { '22': { source: 'system' }, '24': { source: 'system' } },
      lines: [
        {
          name: '3.x',
          runtimes: ['22', '24'],
          logsApi: '@opentelemetry/api',
          sets: { lowest: {}, newest: {} },
        },
      ],
    };

    const ids = expandRuns(matrix).map((run: { id: string }) => run.id);

    expect(ids).toEqual([
      'otel-3.x-lowest-node22',
      'otel-3.x-lowest-node24',
      'otel-3.x-newest-node22',
      'otel-3.x-newest-node24',
    ]);
  });

  it('rejects an undefined runtime', () => {
    const matrix = {
      runtimes: {},
      lines: [{ name: '2.x', runtimes: ['20'], sets: { lowest: {} } }],
    };

    expect(() => expandRuns(matrix)).toThrow('names runtime "20"');
  });
});
