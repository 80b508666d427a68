import type { CommandIo } from './io.js';

/** One `provenance` subcommand. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Runs the command and returns its exit status; throws `CliError` for a usage or input error. */
  run(argv: string[], io: CommandIo): Promise<number>;
}
