/** One JSON text found in a file, with the 1-based line it starts on. */
export interface JsonChunk {
  text: string;
  line: number;
}

/**
 * Splits `text` into its top-level JSON values, so JSON Lines (the Collector
 * file exporter's output), one request body, and pretty-printed bodies written
 * one after another all read the same way. Only objects and arrays are split;
 * anything else outside them becomes one chunk up to the end of its line, so that
 * parsing it fails naming the right line and text.
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
      // A stray word such as `not json` becomes one chunk up to the end of its line, so
      // parsing it reports the word itself, not its first letter.
      if (char !== '{' && char !== '[' && char !== '"') {
        const lineEnd = text.indexOf('\n', index);
        const end = lineEnd === -1 ? text.length : lineEnd;
        chunks.push({ text: text.slice(index, end).trimEnd(), line });
        start = -1;
        index = end - 1;
        continue;
      }
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
