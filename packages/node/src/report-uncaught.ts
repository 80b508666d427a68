import { writeSync } from 'node:fs';
import { inspect } from 'node:util';

// The exit code Node gives an uncaught exception ("Uncaught Fatal Exception").
const UNCAUGHT_EXIT_CODE = 1;

/**
 * Formats an uncaught error as Node's fatal exception handler does
 * (`afterInspector` in Node's lib/internal/errors.js, compared with Node 20's
 * output): `util.inspect` of the error without custom inspection and with a
 * depth of at least 5, then the Node version. Throws only for a value that
 * can be neither inspected nor converted to a string.
 *
 * NOTE: Node also prints the throw site's source line with a caret above the
 * stack. It records that site in a private field when the error is first
 * thrown, so this report starts at the error's message and stack instead.
 */
export function formatUncaught(error: unknown, colors: boolean): string {
  const depth = Math.max(inspect.defaultOptions.depth ?? 2, 5);
  let text: string;
  try {
    text = inspect(error, { colors, customInspect: false, depth });
  } catch {
    text = error instanceof Error && error.stack !== undefined ? error.stack : String(error);
  }
  return `${text}\n\nNode.js ${process.version}\n`;
}

/**
 * Prints an uncaught error to stderr and ends the process with code 1, as Node
 * does when no `uncaughtException` listener handles it. Throwing the error
 * again also ends the process with code 1, but Node then shows the rethrow in
 * this package as the throw site. Writes synchronously so that the report is not lost at
 * exit; a closed stderr loses only the report.
 */
export function exitWithUncaught(error: unknown): never {
  const colors = process.stderr.isTTY === true && process.stderr.hasColors?.() === true;
  try {
    writeSync(2, formatUncaught(error, colors));
  } catch {
    // stderr is closed or full: exit with the same code anyway.
  }
  process.exit(UNCAUGHT_EXIT_CODE);
}
