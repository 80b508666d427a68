// CommonJS consumer: type-checks that the processors fit the installed SDK's provider options.
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { ProvenanceLogRecordProcessor, ProvenanceSpanProcessor } from '@otel-provenance/processors';

export const tracerProvider = new TracerProvider({
  spanProcessors: [new ProvenanceSpanProcessor()],
});
export const loggerProvider = new LoggerProvider({
  processors: [new ProvenanceLogRecordProcessor()],
});
