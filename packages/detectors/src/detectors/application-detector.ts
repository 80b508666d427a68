import { dirname, join } from 'node:path';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import {
  type ContextOptions,
  createDetectionContext,
  type DetectionContext,
} from '../detection-context.js';
import { deferredAttributes, type ProvenanceDetector } from '../detector.js';
import { readTextFile } from '../io/read-file.js';
import { withinBudget } from '../within-budget.js';

/** Options of the application detector. */
export interface ApplicationDetectorOptions extends ContextOptions {
  /**
   * The application's main module; the package.json nearest to it names the
   * application. `false` skips it and reads only the working directory's, as
   * the `provenance` command does. Default: `process.argv[1]`.
   */
  entryPoint?: string | false;
}

// Deep enough for any real layout, bounded so a symlink loop cannot spin.
const MAX_PARENT_DIRECTORIES = 32;

type PackageFacts = { name?: unknown; version?: unknown };

async function readPackage(root: string, directory: string): Promise<PackageFacts | undefined> {
  const text = await readTextFile(root, join(directory, 'package.json'));
  if (text === undefined) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as PackageFacts) : undefined;
  } catch {
    return undefined;
  }
}

// The nearest package.json with a name, walking up from the entry point's
// folder; one without a name (a `{"type": "module"}` marker) does not count.
async function findNamedPackage(context: DetectionContext, entryPoint: string) {
  let directory = dirname(entryPoint);
  for (let depth = 0; depth < MAX_PARENT_DIRECTORIES; depth += 1) {
    const found = await readPackage(context.root, directory);
    if (typeof found?.name === 'string') {
      return found;
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return undefined;
}

async function detectApplication(
  context: DetectionContext,
  entryPoint: string | false,
): Promise<Record<string, unknown>> {
  const found =
    (entryPoint === false ? undefined : await findNamedPackage(context, entryPoint)) ??
    (await readPackage(context.root, context.cwd));

  return {
    [ATTR_SERVICE_NAME]: typeof found?.name === 'string' ? found.name : undefined,
    [ATTR_SERVICE_VERSION]: typeof found?.version === 'string' ? found.version : undefined,
  };
}

/**
 * Detects `service.name` and `service.version` from the package.json nearest
 * to the application's main module, else from the working directory's. The
 * least specific source: every other one outranks it. A missing or malformed
 * package.json gives nothing. Never rejects.
 */
export function applicationDetector(
  options: ApplicationDetectorOptions = {},
  context = createDetectionContext(options),
): ProvenanceDetector {
  const entryPoint = options.entryPoint ?? process.argv[1] ?? false;
  return {
    name: 'application',
    detect: () => ({
      attributes: deferredAttributes(
        'application',
        [ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION],
        context.memo('application', () =>
          withinBudget(detectApplication(context, entryPoint), context.budgetMs, {}),
        ),
      ),
    }),
  };
}
