import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from './exit-codes.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The values and positionals `parseArgs` returns for the flags `T`. */
export type ParsedFlags<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

/**
 * Parses flags strictly with `node:util` and turns its errors into one-line
 * usage errors that name the flag and point at `--help`.
 */
export function parseFlags<T extends Options>(
  command: string,
  argv: string[],
  options: T,
): ParsedFlags<T> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    let message = (error as Error).message.split('\n')[0] ?? String(error);
    // Node adds a hint about `--` to an unknown option that only fits positional arguments.
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      message = message.split('. ')[0] ?? message;
    }
    throw usageError(`provenance ${command}: ${message}; see \`provenance ${command} --help\``);
  }
}

/** Returns the value of a choice flag, rejecting anything outside `choices` with a usage error. */
export function parseChoice<C extends string>(
  command: string,
  flag: string,
  value: string | undefined,
  choices: readonly C[],
  fallback: C,
): C {
  if (value === undefined) {
    return fallback;
  }
  if ((choices as readonly string[]).includes(value)) {
    return value as C;
  }
  throw usageError(
    `provenance ${command}: invalid --${flag} "${value}"; expected one of ${choices.join(', ')}`,
  );
}
