import type { DiagLogger } from '@opentelemetry/api';
import { context, DiagLogLevel, diag } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beginInvocation, ProvenanceSpanProcessor, setInvocation } from '../src/index.js';
import { COMPACT_EXPECTED, COUNT_KEY, IDENTITY, tracing } from './support.js';

function captureDiag(): string[] {
  const messages: string[] = [];
  const record = (message: string) => {
    messages.push(message);
  };
  const logger: DiagLogger = {
    error: record,
    warn: record,
    info: () => {},
    debug: () => {},
    verbose: () => {},
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  return messages;
}

describe('ProvenanceSpanProcessor', () => {
  beforeEach(() => {
    Reflect.deleteProperty(globalThis, COUNT_KEY);
  });

  afterEach(() => {
    diag.disable();
  });

  it('copies the compact keys by default', () => {
    const { exporter, tracer } = tracing();

    tracer.startSpan('work').end();

    const [span] = exporter.getFinishedSpans();
    expect(span?.attributes).toEqual(COMPACT_EXPECTED);
  });

  it('keeps an attribute the application set', () => {
    const { exporter, tracer } = tracing();

    tracer.startSpan('work', { attributes: { 'service.version': 'app-set' } }).end();

    expect(exporter.getFinishedSpans()[0]?.attributes['service.version']).toBe('app-set');
    expect(exporter.getFinishedSpans()[0]?.attributes['service.name']).toBe('checkout');
  });

  it('counts copied attributes toward the attribute count limit', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({
      resource: resourceFromAttributes(IDENTITY),
      spanLimits: { attributeCountLimit: 6 },
      spanProcessors: [new ProvenanceSpanProcessor(), new SimpleSpanProcessor({ exporter })],
    });

    const span = provider.getTracer('test').startSpan('work');
    span.setAttribute('app.first', 1);
    span.setAttribute('app.second', 2);
    span.end();

    const [finished] = exporter.getFinishedSpans();
    expect(Object.keys(finished?.attributes ?? {})).toHaveLength(6);
    expect(finished?.attributes['app.first']).toBe(1);
    expect(finished?.droppedAttributesCount).toBe(1);
  });

  it('copies nothing with the none preset', () => {
    const { exporter, tracer } = tracing({ recordAttributes: 'none' });

    tracer.startSpan('work').end();

    expect(exporter.getFinishedSpans()[0]?.attributes).toEqual({});
  });

  it('copies an explicit list and skips keys the resource lacks', () => {
    const { exporter, tracer } = tracing({ recordAttributes: ['host.name', 'k8s.pod.ip'] });

    tracer.startSpan('work').end();

    expect(exporter.getFinishedSpans()[0]?.attributes).toEqual({ 'host.name': 'ip-10-0-1-5' });
  });

  it('adds invocation attributes only inside the invocation', () => {
    const { exporter, tracer } = tracing({ recordAttributes: 'none' });
    const first = setInvocation(
      context.active(),
      beginInvocation({ invocationId: 'req-1', trigger: 'http' }),
    );
    const second = setInvocation(context.active(), beginInvocation({ invocationId: 'req-2' }));

    tracer.startSpan('first', {}, first).end();
    tracer.startSpan('second', {}, second).end();
    tracer.startSpan('outside').end();

    const [one, two, outside] = exporter.getFinishedSpans();
    expect(one?.attributes).toEqual({
      'faas.invocation_id': 'req-1',
      'faas.trigger': 'http',
      'faas.coldstart': true,
    });
    expect(two?.attributes).toEqual({ 'faas.invocation_id': 'req-2', 'faas.coldstart': false });
    expect(outside?.attributes).toEqual({});
  });

  it('never marks a cold start under provisioned concurrency', () => {
    const invocation = beginInvocation({ invocationId: 'req-1', provisionedConcurrency: true });

    expect(invocation.coldStart).toBe(false);
  });

  it('fills spans started before async resource attributes settled', async () => {
    const messages = captureDiag();
    let resolveDeployment: (value: string) => void = () => {};
    const deployment = new Promise<string>((resolve) => {
      resolveDeployment = resolve;
    });
    const resource = resourceFromAttributes({ ...IDENTITY, 'deployment.id': deployment });
    const { exporter, provider, tracer } = tracing({}, resource);

    const open = tracer.startSpan('open');
    tracer.startSpan('ended', { attributes: { 'service.name': 'app-set' } }).end();
    resolveDeployment('01936f4e-8a5b-7c3d-9e2f-0123456789ab');
    await resource.waitForAsyncAttributes?.();
    open.end();
    await provider.forceFlush();

    const byName = Object.fromEntries(exporter.getFinishedSpans().map((s) => [s.name, s]));
    expect(byName.open?.attributes).toEqual(COMPACT_EXPECTED);
    expect(byName.ended?.attributes).toEqual({ ...COMPACT_EXPECTED, 'service.name': 'app-set' });
    expect(messages).toEqual([]);
  });

  it('does not throw when the span is broken', () => {
    const messages = captureDiag();
    const processor = new ProvenanceSpanProcessor();
    // Writing to a frozen attribute map throws in strict code, as a broken span would.
    const broken = { resource: resourceFromAttributes(IDENTITY), attributes: Object.freeze({}) };

    for (let i = 0; i < 3; i += 1) {
      expect(() => processor.onStart(broken as never, context.active())).not.toThrow();
    }
    expect(messages).toHaveLength(1);
  });
});
