import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

/** A loopback server that serves a fixture's `http/` folder and counts requests. */
export interface FixtureServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

// `GET /a/b` returns the file `http/a/b`, or `http/a/b/index` when `a/b` is a
// folder; anything else is 404, as the fixtures' README describes.
function bodyFor(folder: string | undefined, path: string): string | undefined {
  if (folder === undefined) return undefined;
  const file = normalize(join(folder, decodeURIComponent(path)));
  if (!file.startsWith(folder) || !existsSync(file)) return undefined;
  const target = statSync(file).isDirectory() ? join(file, 'index') : file;
  return existsSync(target) && statSync(target).isFile() ? readFileSync(target, 'utf8') : undefined;
}

/** Starts the server on 127.0.0.1, port 0. `folder` may be undefined: then every path is 404. */
export async function startFixtureServer(folder: string | undefined): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(`${request.method} ${path}`);
    const body = bodyFor(folder, path);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
