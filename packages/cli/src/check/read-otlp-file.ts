import { readFile } from 'node:fs/promises';
import {
  detectOtlpSignal,
  type OtlpRequest,
  OtlpShapeError,
  readOtlpRequest,
  splitJsonValues,
} from '@otel-provenance/core';
import { CliError, EXIT_UNREADABLE } from '../exit-codes.js';

/** The requests read from one file, and the JSON values that were not OTLP/JSON requests. */
export interface OtlpFile {
  path: string;
  requests: OtlpRequest[];
  /** One entry per JSON value with no OTLP/JSON top-level key, naming the line and its keys. */
  foreign: { line: number; keys: string[] }[];
}

/**
 * Reads a file of OTLP/JSON request bodies: one body, JSON Lines as the
 * Collector file exporter writes them, or several bodies one after another.
 * Throws `CliError` with exit 3 naming the file and line when the file cannot
 * be read, a value is not valid JSON, or a known field has the wrong type.
 */
export async function readOtlpFile(path: string, displayPath = path): Promise<OtlpFile> {
  // NOTE: the whole file is read into memory; split very large exporter output first.
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(`cannot read ${displayPath}: ${(error as Error).message}`);
  }

  const result: OtlpFile = { path: displayPath, requests: [], foreign: [] };
  for (const chunk of splitJsonValues(text)) {
    let value: unknown;
    try {
      value = JSON.parse(chunk.text);
    } catch (error) {
      const line = chunk.line + lineOffset(chunk.text, (error as Error).message);
      throw unreadable(`${displayPath}:${line}: invalid JSON: ${(error as Error).message}`);
    }

    const signal = detectOtlpSignal(value);
    if (signal === undefined) {
      const keys = typeof value === 'object' && value !== null ? Object.keys(value) : [];
      result.foreign.push({ line: chunk.line, keys });
      continue;
    }
    try {
      result.requests.push(readOtlpRequest(value, signal));
    } catch (error) {
      if (error instanceof OtlpShapeError) {
        throw unreadable(
          `${displayPath}:${chunk.line}: invalid OTLP/JSON ${signal} request: ${error.message}`,
        );
      }
      throw error;
    }
  }
  return result;
}

// JSON.parse reports a character position; count the newlines before it.
function lineOffset(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (!position) {
    return 0;
  }
  return text.slice(0, Number(position[1])).split('\n').length - 1;
}

function unreadable(message: string): CliError {
  return new CliError(`provenance check: ${message}`, EXIT_UNREADABLE, 'UNREADABLE');
}
