// ESM smoke app of the compatibility matrix, run as
//   node --import @otel-provenance/node/register app.mjs
// It makes one span, one log record and one metric and ends at once, so the
// register entry has to flush all three before the process exits.
import { metrics, trace } from '@opentelemetry/api';

// The logs API lives in @opentelemetry/api-logs on the 2.x line and in
// @opentelemetry/api from 1.10 (the 3.x line); the harness names the module.
const { logs } = await import(process.env.COMPAT_LOGS_API ?? '@opentelemetry/api');

trace.getTracer('compat-smoke').startSpan('compat-smoke-span').end();
logs.getLogger('compat-smoke').emit({ body: 'compat-smoke-log', severityNumber: 9 });
metrics.getMeter('compat-smoke').createCounter('compat.smoke.count').add(1);
