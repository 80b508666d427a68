import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { diag } from '@opentelemetry/api';
import { untraced } from './untraced.js';

/**
 * The maximum number of bytes read from one file. The files the detectors
 * read (`/proc/self/mountinfo`, `/etc/hosts`, a manifest) are a few kilobytes;
 * the bound keeps a wrong path, a huge file or a device such as `/dev/zero`
 * from stalling startup.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

export type ReadResult = { text: string } | { text: undefined; code: string };

/** Maps an absolute path onto the detectors' filesystem root, which replaces `/`. */
export function pathUnderRoot(root: string, path: string): string {
  return root === '/' ? path : join(root, path);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * Reads a text file under `root`, at most {@link MAX_FILE_BYTES}. A missing or
 * unreadable file gives `undefined` and a debug line, because it only means
 * "not on this platform". Never rejects.
 */
export function readTextFile(root: string, path: string): Promise<string | undefined> {
  const fullPath = pathUnderRoot(root, path);
  return untraced(async () => {
    try {
      const handle = await open(fullPath, 'r');
      try {
        const chunks: Buffer[] = [];
        let total = 0;
        while (total < MAX_FILE_BYTES) {
          const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, MAX_FILE_BYTES - total));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
          if (bytesRead === 0) break;
          chunks.push(buffer.subarray(0, bytesRead));
          total += bytesRead;
        }
        return Buffer.concat(chunks).toString('utf8');
      } finally {
        // Not awaited: the text is complete, and waiting for the close would
        // add one more trip through the thread pool to every read.
        handle.close().catch(() => undefined);
      }
    } catch (error) {
      diag.debug(`provenance: ${fullPath} not read (${errorCode(error)})`);
      return undefined;
    }
  });
}

/**
 * The size of the one read {@link readShortFile} makes: a page, the most a
 * sysfs attribute file gives.
 */
export const SHORT_FILE_BYTES = 4096;

/**
 * Reads at most {@link SHORT_FILE_BYTES} of a text file under `root` in one
 * read, for sysfs attributes such as `/sys/class/dmi/id/sys_vendor`, which
 * the kernel returns whole in the first read. One thread-pool trip fewer than
 * {@link readTextFile}. A missing or unreadable file gives `undefined` and a
 * debug line. Never rejects.
 */
export function readShortFile(root: string, path: string): Promise<string | undefined> {
  const fullPath = pathUnderRoot(root, path);
  return untraced(async () => {
    try {
      const handle = await open(fullPath, 'r');
      try {
        const buffer = Buffer.allocUnsafe(SHORT_FILE_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        return buffer.toString('utf8', 0, bytesRead);
      } finally {
        handle.close().catch(() => undefined);
      }
    } catch (error) {
      diag.debug(`provenance: ${fullPath} not read (${errorCode(error)})`);
      return undefined;
    }
  });
}

/**
 * Reads a text file under `root` synchronously, at most {@link MAX_FILE_BYTES},
 * for the detectors whose attribute keys are known only after reading (the
 * manifest). Returns the error code instead of throwing.
 */
export function readTextFileSync(root: string, path: string): ReadResult {
  const fullPath = pathUnderRoot(root, path);
  return untraced(() => {
    let descriptor: number | undefined;
    try {
      // A missing file, the usual case, is found without creating an error.
      if (statSync(fullPath, { throwIfNoEntry: false }) === undefined) {
        return { text: undefined, code: 'ENOENT' };
      }
      descriptor = openSync(fullPath, 'r');
      const chunks: Buffer[] = [];
      let total = 0;
      while (total < MAX_FILE_BYTES) {
        const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, MAX_FILE_BYTES - total));
        const bytesRead = readSync(descriptor, buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        total += bytesRead;
      }
      return { text: Buffer.concat(chunks).toString('utf8') };
    } catch (error) {
      return { text: undefined, code: errorCode(error) };
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
    }
  });
}
