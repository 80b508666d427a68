// A function that handles one request every few milliseconds, like a serverless invocation
// that lives about a second. It contains no provenance code: `node --import
// @otel-provenance/node/register app.mjs` adds the identity and the exporters.
//
// Usage: node --import @otel-provenance/node/register app.mjs COUNTS_FILE exit|idle MILLISECONDS
//   exit  handle requests for MILLISECONDS, then let the process end by itself
//   idle  handle requests for MILLISECONDS, print "idle", then wait, like a warm function
//         instance, until the platform scales it in with SIGTERM
//
// The idle wait matters because records made after SIGTERM, while the SDK flushes, may be
// dropped: the SDK stops accepting records when it shuts down. A process killed while still
// working therefore cannot show that nothing it produced before the signal was lost.
//
// After each request it rewrites COUNTS_FILE with what it has produced so far, so the count
// is complete at whatever moment the process ends.
import { writeFileSync } from 'node:fs';
import { metrics, trace } from '@opentelemetry/api';
import { logs, SeverityNumber } from '@opentelemetry/api-logs';

const [countsFile, mode, lifetimeText] = process.argv.slice(2);
const lifetimeMs = Number(lifetimeText);
if (countsFile === undefined || !['exit', 'idle'].includes(mode) || !(lifetimeMs > 0)) {
  console.error('usage: app.mjs COUNTS_FILE exit|idle MILLISECONDS');
  process.exit(2);
}

const REQUEST_INTERVAL_MS = 40;
const ROUTES = ['/orders', '/refunds'];

const tracer = trace.getTracer('demo-function');
const logger = logs.getLogger('demo-function');
const meter = metrics.getMeter('demo-function');
const requests = meter.createCounter('demo.requests', { description: 'requests handled' });
const duration = meter.createHistogram('demo.request.duration', { unit: 'ms' });

const counts = { spans: 0, logRecords: 0, metricSeries: [], startedAt: Date.now(), lastAt: 0 };
const series = new Set();
let handled = 0;

function handleRequest() {
  const route = ROUTES[handled % ROUTES.length];
  handled += 1;
  tracer.startActiveSpan(`POST ${route}`, (span) => {
    const started = performance.now();
    tracer.startActiveSpan('db.query', (child) => child.end());
    logger.emit({
      severityNumber: SeverityNumber.INFO,
      severityText: 'INFO',
      body: `handled request ${handled}`,
      attributes: { 'http.route': route },
    });
    requests.add(1, { 'http.route': route });
    duration.record(performance.now() - started, { 'http.route': route });
    span.end();
  });

  // Two spans, one log record, and one data point per instrument and route at export time.
  counts.spans += 2;
  counts.logRecords += 1;
  series.add(`demo.requests ${route}`);
  series.add(`demo.request.duration ${route}`);
  counts.metricSeries = [...series];
  counts.lastAt = Date.now();
  writeFileSync(countsFile, JSON.stringify(counts));
  if (handled === 1) {
    process.stdout.write('started\n');
  }
}

const timer = setInterval(handleRequest, REQUEST_INTERVAL_MS);
handleRequest();
setTimeout(() => {
  clearInterval(timer);
  if (mode === 'idle') {
    // Only a timer keeps an idle Node process alive; this one does no work.
    setInterval(() => {}, 60_000);
    process.stdout.write('idle\n');
  }
}, lifetimeMs);
