import { createServer } from 'node:http';
import { gunzipSync } from 'node:zlib';

const SIGNAL_PATHS = new Map([
  ['/v1/traces', 'traces'],
  ['/v1/logs', 'logs'],
  ['/v1/metrics', 'metrics'],
]);

// Exporters send batches of a few kilobytes here; anything far larger is a bug.
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * @typedef {{ signal: 'traces' | 'logs' | 'metrics', contentType: string, body: Buffer }} ReceivedExport
 */

/**
 * Starts a minimal OTLP/HTTP receiver on 127.0.0.1 at a free port. It stores
 * every export request to `/v1/traces`, `/v1/logs` and `/v1/metrics`
 * (gzip-decoded) and acknowledges it with an empty success response in the
 * request's own encoding. Other paths get 404, bodies over 8 MiB get 413 and an
 * invalid gzip body gets 400.
 *
 * @returns {Promise<{ endpoint: string, received: ReceivedExport[], close: () => Promise<void> }>}
 */
export async function startOtlpReceiver() {
  const received = [];

  const server = createServer((request, response) => {
    const signal = SIGNAL_PATHS.get(request.url ?? '');
    if (request.method !== 'POST' || !signal) {
      response.writeHead(404).end();
      return;
    }

    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        response.writeHead(413).end();
        return;
      }

      const raw = Buffer.concat(chunks);
      const contentType = request.headers['content-type'] ?? '';
      let body = raw;
      if (request.headers['content-encoding'] === 'gzip') {
        try {
          body = gunzipSync(raw);
        } catch {
          response.writeHead(400).end('invalid gzip body');
          return;
        }
      }
      received.push({ signal, contentType, body });

      if (contentType.includes('json')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      }
    });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
