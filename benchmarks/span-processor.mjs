// Per-span cost of ProvenanceSpanProcessor (compact preset) beside a no-op processor,
// @opentelemetry/baggage-span-processor copying five baggage entries, and a processor that
// copies the same five attributes with span.setAttributes. All variants run interleaved in one
// process, so machine noise hits them alike; results are ratios to the no-op processor.
import { propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import {
  ALLOW_ALL_BAGGAGE_KEYS,
  BaggageSpanProcessor,
} from '@opentelemetry/baggage-span-processor';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { ProvenanceSpanProcessor } from '@otel-provenance/processors';

const SPANS_PER_ROUND = Number(process.env.SPANS_PER_ROUND ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 25);

const IDENTITY = {
  'service.name': 'checkout',
  'service.version': '1.4.2',
  'deployment.id': '01936f4e-8a5b-7c3d-9e2f-0123456789ab',
  'service.instance.id': '5b0c1f9e-2d4a-4e8b-9c7d-6a5f4e3d2c1b',
  'provenance.network.id': 'vpc-0abc1234',
};
const resource = resourceFromAttributes({ ...IDENTITY, 'host.name': 'ip-10-0-1-5' });

class NoopProcessor {
  onStart() {}
  onEnd() {}
  forceFlush() {
    return Promise.resolve();
  }
  shutdown() {
    return Promise.resolve();
  }
}

class SetAttributesProcessor extends NoopProcessor {
  onStart(span) {
    span.setAttributes(IDENTITY);
  }
}

// Every variant gets the same parent context; only the baggage processor reads the baggage.
const baggage = propagation.createBaggage(
  Object.fromEntries(Object.entries(IDENTITY).map(([key, value]) => [key, { value }])),
);
const parent = propagation.setBaggage(ROOT_CONTEXT, baggage);

const variants = {
  'no-op processor': new NoopProcessor(),
  'ProvenanceSpanProcessor (compact)': new ProvenanceSpanProcessor({ recordAttributes: 'compact' }),
  'BaggageSpanProcessor (5 entries)': new BaggageSpanProcessor(ALLOW_ALL_BAGGAGE_KEYS),
  'span.setAttributes (5 keys)': new SetAttributesProcessor(),
};

const tracers = Object.fromEntries(
  Object.entries(variants).map(([name, processor]) => [
    name,
    new TracerProvider({ resource, spanProcessors: [processor] }).getTracer('bench'),
  ]),
);

function round(tracer) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < SPANS_PER_ROUND; i += 1) {
    tracer.startSpan('op', undefined, parent).end();
  }
  return Number(process.hrtime.bigint() - start) / SPANS_PER_ROUND;
}

// Warm-up lets the JIT settle on every path before anything is measured.
for (const tracer of Object.values(tracers)) {
  round(tracer);
}

const samples = Object.fromEntries(Object.keys(tracers).map((name) => [name, []]));
for (let r = 0; r < ROUNDS; r += 1) {
  for (const [name, tracer] of Object.entries(tracers)) {
    samples[name].push(round(tracer));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const baseline = median(samples['no-op processor']);
console.log(
  `node ${process.version}, ${ROUNDS} rounds x ${SPANS_PER_ROUND} spans, median per span`,
);
console.log('| processor | ns/span | ratio to no-op |');
console.log('|---|---|---|');
for (const [name, values] of Object.entries(samples)) {
  const ns = median(values);
  console.log(`| ${name} | ${ns.toFixed(0)} | ${(ns / baseline).toFixed(2)}x |`);
}
