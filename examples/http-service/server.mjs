// An HTTP service with no telemetry setup of its own. Start it with
//   node --import @otel-provenance/node/register server.mjs
// and every span, log record and metric it makes carries the service's identity.
import { createServer } from 'node:http';
import { trace } from '@opentelemetry/api';
import { logs, SeverityNumber } from '@opentelemetry/api-logs';

const tracer = trace.getTracer('greeting-service');
const logger = logs.getLogger('greeting-service');

const server = createServer((request, response) => {
  tracer.startActiveSpan(`${request.method} ${request.url}`, (span) => {
    logger.emit({ severityNumber: SeverityNumber.INFO, body: `greeting ${request.url}` });
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('hello\n');
    span.end();
  });
});

const host = process.env.HOST ?? '0.0.0.0';
server.listen(Number(process.env.PORT ?? 8080), host, () => {
  console.log(`listening on ${host}:${server.address().port}`);
});
