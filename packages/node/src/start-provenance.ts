import { diag } from '@opentelemetry/api';
import { EntityReporter } from '@otel-provenance/processors';
import {
  globalsTaken,
  installDiagLogger,
  installErrorHandler,
  registerGlobals,
} from './globals.js';
import type { ProvenanceOptions } from './options.js';
import { resolveOptions } from './options.js';
import { optionsFromEnv } from './options-from-env.js';
import { installProcessHooks } from './process-hooks.js';
import type { ProvenanceHandle } from './provenance-sdk.js';
import { ProvenanceSdk } from './provenance-sdk.js';
import { buildProviders } from './providers.js';
import { buildResource, defaultDetectors } from './resource.js';

// The running SDK is kept on globalThis so that `--import .../register` (the ES module build)
// and a handler that `require`s this package (the CommonJS build) find the same instance.
const ACTIVE_KEY = Symbol.for('otel-provenance.node.sdk');
type ActiveHolder = { [ACTIVE_KEY]?: ProvenanceSdk };
const holder = globalThis as ActiveHolder;

const INERT_HANDLE: ProvenanceHandle = {
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/** Returns the SDK started in this process, if any. */
export function activeSdk(): ProvenanceSdk | undefined {
  return holder[ACTIVE_KEY];
}

/**
 * Starts the OpenTelemetry SDK for traces, logs and metrics with otel-provenance identity:
 * detects the resource, adds our processors, registers the global providers, starts entity
 * events and, unless `handleProcessEvents` is false, flushes when the process ends.
 * Explicit options win over the `PROVENANCE_*` variables, which win over the defaults.
 *
 * It never throws. When another SDK has already registered the global providers, it emits one
 * process warning and returns a handle that does nothing, leaving that SDK in charge. A second
 * call returns the first call's handle.
 */
export function startProvenance(options: ProvenanceOptions = {}): ProvenanceHandle {
  const running = holder[ACTIVE_KEY];
  if (running !== undefined) {
    return running;
  }
  try {
    return start(options);
  } catch (error) {
    diag.error('otel-provenance failed to start; telemetry is not recorded', error);
    return INERT_HANDLE;
  }
}

function start(options: ProvenanceOptions): ProvenanceHandle {
  const env = options.env ?? process.env;
  if (globalsTaken()) {
    process.emitWarning(
      'another OpenTelemetry SDK already registered the global tracer provider; otel-provenance did not start and leaves it in charge',
      { code: 'OTEL_PROVENANCE_GLOBALS_TAKEN' },
    );
    return INERT_HANDLE;
  }
  installDiagLogger(env);
  installErrorHandler();

  const fromEnv = optionsFromEnv(env);
  const resolved = resolveOptions({ ...fromEnv.options, ...definedOnly(options), env });
  const warnings = [...fromEnv.warnings];

  const detectors =
    options.detectors ??
    defaultDetectors({
      env,
      root: options.root,
      fetch: options.fetch,
      budgetMs: options.detectBudgetMs,
    });
  const resource = buildResource(detectors);
  const providers = buildProviders(resource, resolved, warnings);
  registerGlobals(providers);
  for (const warning of warnings) {
    diag.warn(warning);
  }

  const entity = new EntityReporter({
    logger: providers.loggerProvider.getLogger('@otel-provenance/node'),
    resource,
    intervalSeconds: resolved.entityReportIntervalSeconds,
  });
  void entity.start();

  const sdk = new ProvenanceSdk(providers, entity, resolved.flushTimeoutMs);
  if (resolved.handleProcessEvents) {
    installProcessHooks(sdk);
  }
  holder[ACTIVE_KEY] = sdk;
  return sdk;
}

function definedOnly(options: ProvenanceOptions): ProvenanceOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
