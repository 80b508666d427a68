import { OTLPLogExporter as HttpLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPMetricExporter as HttpMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as HttpTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhoisAnswer } from '../src/leases/whois.js';
import { type Harness, startHarness } from './support/harness.js';
import { readJson } from './support/read-json.js';
import { STORE_FACTORIES } from './support/store-factories.js';

const TOKEN = 'exporter-token';
const SHARED_IP = '10.20.0.5';

// Two assets in isolated networks that reuse one address range.
function resourceIn(network: string, instanceId: string) {
  return resourceFromAttributes({
    'service.name': `svc-${network}`,
    'service.version': '2.0.0',
    'deployment.id': `dep-${network}`,
    'service.instance.id': instanceId,
    'host.ip': [SHARED_IP],
    'provenance.network.id': network,
  });
}

const EXPORTERS = {
  http: { Trace: HttpTraceExporter, Log: HttpLogExporter, Metric: HttpMetricExporter },
  proto: { Trace: ProtoTraceExporter, Log: ProtoLogExporter, Metric: ProtoMetricExporter },
} as const;

describe.each(STORE_FACTORIES)('official OTLP exporters into the $name store', (factory) => {
  describe.each(Object.keys(EXPORTERS) as (keyof typeof EXPORTERS)[])('%s encoding', (encoding) => {
    let harness: Harness;
    const headers = { authorization: `Bearer ${TOKEN}` };
    const classes = EXPORTERS[encoding];

    beforeAll(async () => {
      harness = await startHarness(factory, { token: TOKEN });
    });

    afterAll(async () => {
      await harness.close();
    });

    async function whois(network?: string) {
      const params = new URLSearchParams({ ip: SHARED_IP });
      if (network) {
        params.set('network', network);
      }
      const response = await fetch(`${harness.url}/api/v1/whois?${params}`, { headers });
      return readJson<WhoisAnswer>(response);
    }

    async function sendSpans(network: string, instanceId: string) {
      const exporter = new classes.Trace({ url: `${harness.url}/v1/traces`, headers });
      const provider = new TracerProvider({
        resource: resourceIn(network, instanceId),
        spanProcessors: [new SimpleSpanProcessor({ exporter })],
      });
      provider.getTracer('test').startSpan('work').end();
      await provider.forceFlush();
      await provider.shutdown();
    }

    it('tells two networks apart from spans', async () => {
      await sendSpans('vpc-east', `${encoding}-span-east`);
      await sendSpans('vpc-west', `${encoding}-span-west`);

      const everywhere = await whois();
      const east = await whois('vpc-east');

      const spanCandidates = everywhere.candidates.filter((c) =>
        c['service.instance.id']?.includes('span'),
      );
      expect(spanCandidates.map((c) => c.network).sort()).toEqual(['vpc-east', 'vpc-west']);
      expect(everywhere.ambiguous).toBe(true);
      expect(east.candidates.map((c) => c['service.instance.id'])).toContain(
        `${encoding}-span-east`,
      );
      expect(east.candidates.every((c) => c.network === 'vpc-east')).toBe(true);
      expect(spanCandidates[0]?.source).toBe('telemetry');
      expect(spanCandidates[0]?.to).toBeNull();
    });

    it('records entity events sent as log records', async () => {
      const exporter = new classes.Log({ url: `${harness.url}/v1/logs`, headers });
      const provider = new LoggerProvider({
        resource: resourceIn('vpc-west', `${encoding}-entity-west`),
        processors: [new SimpleLogRecordProcessor({ exporter })],
      });
      provider.getLogger('lifecycle').emit({
        eventName: 'entity.state',
        attributes: {
          'entity.type': 'service.instance',
          'entity.id': `${encoding}-entity-west`,
          'entity.report.interval': 30,
        },
      });
      await provider.forceFlush();
      await provider.shutdown();

      const west = await whois('vpc-west');
      const entity = west.candidates.find(
        (c) => c['service.instance.id'] === `${encoding}-entity-west`,
      );

      expect(entity).toBeDefined();
      expect(entity?.source).toBe('entity');
      expect(entity?.['deployment.id']).toBe('dep-vpc-west');
    });

    it('records metric data points', async () => {
      const exporter = new classes.Metric({ url: `${harness.url}/v1/metrics`, headers });
      const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
      const provider = new MeterProvider({
        resource: resourceIn('vpc-east', `${encoding}-metric-east`),
        readers: [reader],
      });
      provider.getMeter('test').createCounter('requests').add(3);
      await provider.forceFlush();
      await provider.shutdown();

      const east = await whois('vpc-east');

      expect(east.candidates.map((c) => c['service.instance.id'])).toContain(
        `${encoding}-metric-east`,
      );
      expect(harness.logs.filter((entry) => entry.level !== 'info')).toEqual([]);
    });
  });
});
