import type { Attributes } from '@opentelemetry/api';
import type { Logger } from '@opentelemetry/api-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import type { ProvenanceProcessorOptions } from '../src/index.js';
import { ProvenanceLogRecordProcessor, ProvenanceSpanProcessor } from '../src/index.js';

export const IDENTITY: Attributes = {
  'service.name': 'checkout',
  'service.version': '1.4.2',
  'deployment.id': '01936f4e-8a5b-7c3d-9e2f-0123456789ab',
  'service.instance.id': '5b0c1f9e-2d4a-4e8b-9c7d-6a5f4e3d2c1b',
  'provenance.network.id': 'vpc-0abc1234',
  'host.name': 'ip-10-0-1-5',
};

export const COMPACT_EXPECTED = {
  'service.name': 'checkout',
  'service.version': '1.4.2',
  'deployment.id': '01936f4e-8a5b-7c3d-9e2f-0123456789ab',
  'service.instance.id': '5b0c1f9e-2d4a-4e8b-9c7d-6a5f4e3d2c1b',
  'provenance.network.id': 'vpc-0abc1234',
};

export const COUNT_KEY = Symbol.for('otel-provenance.invocation-count');

/** Builds a tracer provider with our processor ahead of an in-memory exporter. */
export function tracing(
  options: ProvenanceProcessorOptions = {},
  resource = resourceFromAttributes(IDENTITY),
) {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    resource,
    spanProcessors: [new ProvenanceSpanProcessor(options), new SimpleSpanProcessor({ exporter })],
  });
  return { exporter, provider, tracer: provider.getTracer('test') };
}

/** Builds a logger provider with our processor ahead of an in-memory exporter. */
export function logging(
  options: ProvenanceProcessorOptions = {},
  resource = resourceFromAttributes(IDENTITY),
): { exporter: InMemoryLogRecordExporter; provider: LoggerProvider; logger: Logger } {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource,
    processors: [
      new ProvenanceLogRecordProcessor(options),
      new SimpleLogRecordProcessor({ exporter }),
    ],
  });
  return { exporter, provider, logger: provider.getLogger('test') };
}
