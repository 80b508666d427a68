export type { Command } from './command.js';
export { CliError, EXIT_FAILURE, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE } from './exit-codes.js';
export type { CommandIo } from './io.js';
export { main } from './main.js';
