import { CliError, EXIT_USAGE } from './exit-codes.js';

/** The correlator package's exports, loaded on demand. */
export type CorrelatorModule = typeof import('@otel-provenance/correlator');

const PACKAGE = '@otel-provenance/correlator';

/**
 * Imports the correlator, an optional peer of the CLI, so that installing the
 * CLI never compiles SQLite. Throws a usage error (exit 2) naming the package
 * to install when it is missing; any other import failure is rethrown.
 */
export async function loadCorrelator(
  command: string,
  importModule: (name: string) => Promise<unknown> = (name) => import(name),
  packageName = PACKAGE,
): Promise<CorrelatorModule> {
  try {
    return (await importModule(packageName)) as CorrelatorModule;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    if (missing && String((error as Error).message).includes(packageName)) {
      throw new CliError(
        `provenance ${command}: this command needs the optional package ${PACKAGE}; install it with \`npm install ${PACKAGE}\``,
        EXIT_USAGE,
        'CORRELATOR_MISSING',
      );
    }
    throw error;
  }
}
