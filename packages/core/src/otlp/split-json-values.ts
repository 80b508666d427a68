/** One JSON text found in a file, with the 1-based line it starts on. */
export interface JsonChunk {
  text: string;
  line: number;
}

/**
 * Splits `text` into its top-level JSON values, so JSON Lines (the Collector
 * file exporter's output), one request body, and pretty-printed bodies written
 * one after another all read the same way. Only objects and arrays are split;
 * a stray character outside them becomes its own chunk so that parsing it fails
 * with the right line.
 */
export function splitJsonValues(text: string): JsonChunk[] {
  const chunks: JsonChunk[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  let startLine = 1;
  let line = 1;

  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n') {
      line++;
    }
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (char === '\\') {
        escaped = true;
      } else if (char === '"') {
        inString = false;
      }
      continue;
    }

    if (start === -1) {
      if (char === ' ' || char === '\t' || char === '\r' || char === '\n' || char === '\uFEFF') {
        continue;
      }
      start = index;
      startLine = line;
    }

    if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
    }

    if (depth <= 0) {
      chunks.push({ text: text.slice(start, index + 1), line: startLine });
      start = -1;
      depth = 0;
    }
  }

  if (start !== -1) {
    chunks.push({ text: text.slice(start), line: startLine });
  }
  return chunks;
}
