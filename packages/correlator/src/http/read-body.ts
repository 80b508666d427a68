import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';

/** A body read failure; `status` is the HTTP status to respond with. */
export class BodyError extends Error {
  readonly status: 400 | 413 | 415;

  constructor(status: 400 | 413 | 415, message: string) {
    super(message);
    this.name = 'BodyError';
    this.status = status;
  }
}

/** Size limits of a request body, in bytes. */
export interface BodyLimits {
  maxBodyBytes: number;
  maxDecompressedBytes: number;
}

/**
 * Reads the body, stopping at `maxBodyBytes`, then gunzips it when
 * `Content-Encoding` is gzip, stopping at `maxDecompressedBytes`. Throws
 * `BodyError` with 413 for a body over a limit, 415 for an unknown encoding,
 * and 400 for invalid gzip data.
 */
export async function readBody(request: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'identity') {
    throw new BodyError(
      415,
      `unsupported Content-Encoding "${encoding}"; send gzip or no encoding`,
    );
  }

  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    throw new BodyError(
      413,
      `body of ${declared} bytes exceeds the limit of ${limits.maxBodyBytes} bytes`,
    );
  }

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limits.maxBodyBytes) {
      throw new BodyError(413, `body exceeds the limit of ${limits.maxBodyBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  return encoding === 'gzip' ? gunzipBounded(body, limits.maxDecompressedBytes) : body;
}

function gunzipBounded(body: Buffer, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(body, { maxOutputLength: maxBytes }, (error, result) => {
      if (!error) {
        resolve(result);
      } else if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        reject(
          new BodyError(413, `gzip body decompresses to more than the limit of ${maxBytes} bytes`),
        );
      } else {
        reject(new BodyError(400, `invalid gzip body: ${error.message}`));
      }
    });
  });
}
