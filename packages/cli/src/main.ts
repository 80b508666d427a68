import { commands } from './commands/index.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { type CommandIo, processIo } from './io.js';

function topLevelHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: provenance <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `provenance <command> --help` for the options of one command.',
    '',
  ].join('\n');
}

/**
 * Runs the `provenance` command line with the given arguments (without the
 * node and script paths) and returns the exit status. Errors are written to
 * `io.stderr` as one line; nothing is thrown.
 */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // A usage error: the help goes to stderr, so a pipeline reading stdout gets nothing.
    io.stderr(topLevelHelp());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topLevelHelp());
    return EXIT_OK;
  }

  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`provenance: unknown command "${name}"; run \`provenance --help\` for the list\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return EXIT_OK;
  }

  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`provenance ${name}: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
}
