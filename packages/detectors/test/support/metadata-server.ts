import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned reply: a status, a body, headers, and an optional delay before it. */
export interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A request the server saw, with the headers the detectors must send. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface MetadataServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT`, as `GCE_METADATA_HOST` takes it. */
  host: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Starts a loopback server on port 0 that replies to `METHOD /path?query`
 * (or `METHOD /path`) from `routes`, and 404 to anything else. Delayed
 * replies are cut short when the server closes, so a test never waits on them.
 */
export async function startMetadataServer(routes: Record<string, Reply>): Promise<MetadataServer> {
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: request.method ?? '', path: url.pathname, headers: request.headers });
    const reply = routes[`${request.method} ${url.pathname}${url.search}`] ??
      routes[`${request.method} ${url.pathname}`] ?? { status: 404 };
    const send = () => {
      response.writeHead(reply.status ?? 200, reply.headers ?? {});
      response.end(reply.body ?? '');
    };
    if (reply.delayMs === undefined) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, reply.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Returns a loopback URL where nothing listens, so a connection is refused at once. */
export async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
