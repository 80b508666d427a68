// A loopback stand-in for the OpenTelemetry Collector of examples/otel-collector. It receives
// OTLP/HTTP JSON and forwards every request to the correlator. Once the correlator has
// acknowledged a request, it appends the body to one JSON Lines file per signal and counts
// its records. The files play the usual backend, in the format of the Collector's file
// exporter. The function's exporter gets the correlator's own status back, so a rejected
// batch is retried or reported there and never counted here.
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readOtlpRequest } from '@otel-provenance/core';

const SIGNALS = { '/v1/traces': 'traces', '/v1/logs': 'logs', '/v1/metrics': 'metrics' };

/** Fields of an OTLP partial-success response that count rejected records, per signal. */
const REJECTED_FIELDS = {
  traces: 'rejectedSpans',
  logs: 'rejectedLogRecords',
  metrics: 'rejectedDataPoints',
};

/**
 * Starts the fan-out on 127.0.0.1 and a free port. Returns its URL, the paths of the JSON Lines
 * files, the counts of acknowledged records per signal (log records split into entity events
 * and the rest), and `close()`.
 */
export async function startFanOut({ correlatorUrl, directory }) {
  const files = {
    traces: join(directory, 'traces.jsonl'),
    logs: join(directory, 'logs.jsonl'),
    metrics: join(directory, 'metrics.jsonl'),
  };
  const received = { spans: 0, logRecords: 0, entityEvents: 0, metricPoints: 0, rejected: 0 };
  const failures = [];

  const server = createServer((request, response) => {
    collectBody(request)
      .then((body) => forward(request, body))
      .then(({ status, contentType, reply }) => {
        response.writeHead(status, { 'content-type': contentType });
        response.end(reply);
      })
      .catch((error) => {
        failures.push(String(error));
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: `forwarding failed: ${error}` }));
      });
  });

  async function forward(request, body) {
    const signal = SIGNALS[request.url ?? ''];
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim();
    if (request.method !== 'POST' || signal === undefined || mediaType !== 'application/json') {
      return {
        status: 415,
        contentType: 'application/json',
        reply: JSON.stringify({
          message: 'send OTLP/HTTP JSON to /v1/traces, /v1/logs or /v1/metrics',
        }),
      };
    }
    const json = request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;

    const answer = await fetch(`${correlatorUrl}/v1/${signal}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: json,
    });
    const reply = Buffer.from(await answer.arrayBuffer());
    if (answer.status === 200) {
      const parsed = JSON.parse(json.toString('utf8'));
      count(signal, parsed, reply);
      appendFileSync(files[signal], `${JSON.stringify(parsed)}\n`);
    }
    return {
      status: answer.status,
      contentType: answer.headers.get('content-type') ?? 'application/json',
      reply,
    };
  }

  function count(signal, parsed, reply) {
    const otlp = readOtlpRequest(parsed, signal);
    for (const group of otlp.resources) {
      for (const record of group.records) {
        if (signal === 'traces') received.spans += 1;
        else if (signal === 'metrics') received.metricPoints += 1;
        else if (record.eventName?.startsWith('entity.')) received.entityEvents += 1;
        else received.logRecords += 1;
      }
    }
    const text = reply.toString('utf8');
    const partial = text === '' ? undefined : JSON.parse(text).partialSuccess;
    received.rejected += Number(partial?.[REJECTED_FIELDS[signal]] ?? 0);
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    files,
    received,
    failures,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function collectBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
