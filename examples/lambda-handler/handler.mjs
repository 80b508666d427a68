// An AWS Lambda-style handler. startProvenance() runs once, in the init phase. withProvenance
// marks each call as one invocation and flushes all three signals before the result is
// returned, because Lambda may freeze the process as soon as the handler returns.
import { metrics, trace } from '@opentelemetry/api';
import { startProvenance, withProvenance } from '@otel-provenance/node';

startProvenance();

const tracer = trace.getTracer('orders-function');
const orders = metrics.getMeter('orders-function').createCounter('orders.accepted');

export const handler = withProvenance(async (event) => {
  return tracer.startActiveSpan('accept order', async (span) => {
    try {
      const order = JSON.parse(event.body ?? '{}');
      const items = Array.isArray(order.items) ? order.items.length : 0;
      span.setAttribute('order.items', items);
      orders.add(1);
      return { statusCode: 202, body: JSON.stringify({ accepted: true, items }) };
    } finally {
      span.end();
    }
  });
});
