/** Exit statuses shared by every command. */
export const EXIT_OK = 0;
/** Bad input: an invalid file, a failed check. */
export const EXIT_FAILURE = 1;
/** A usage error: an unknown flag, a missing or malformed argument. */
export const EXIT_USAGE = 2;
/** An input file that cannot be read. */
export const EXIT_UNREADABLE = 3;

/** An error whose message is one line for the user and whose exit status is fixed. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly code: string;

  constructor(message: string, exitCode: number, code: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.code = code;
  }
}

/** Builds a usage error (exit 2) whose message names the flag or argument. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE, 'USAGE');
}
