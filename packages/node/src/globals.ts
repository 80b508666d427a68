import {
  context,
  DiagConsoleLogger,
  DiagLogLevel,
  diag,
  metrics,
  type ProxyTracerProvider,
  propagation,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  setGlobalErrorHandler,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { registerLoggerProvider } from './logs-globals.js';
import type { Providers } from './providers.js';

/**
 * Reports whether another SDK already registered a global tracer provider. The API's global is
 * always a `ProxyTracerProvider`, possibly from another copy of the API, and only a registered
 * provider behind it hands out a delegate tracer.
 */
export function globalsTaken(): boolean {
  const provider = trace.getTracerProvider() as Partial<ProxyTracerProvider>;
  if (typeof provider.getDelegateTracer !== 'function') {
    return true;
  }
  return provider.getDelegateTracer('@otel-provenance/node') !== undefined;
}

/** Registers the providers, an AsyncLocalStorage context manager and W3C propagators globally. */
export function registerGlobals(providers: Providers): void {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  );
  trace.setGlobalTracerProvider(providers.tracerProvider);
  metrics.setGlobalMeterProvider(providers.meterProvider);
  registerLoggerProvider(providers.loggerProvider);
}

const LOG_LEVELS: Record<string, DiagLogLevel> = {
  NONE: DiagLogLevel.NONE,
  ERROR: DiagLogLevel.ERROR,
  WARN: DiagLogLevel.WARN,
  INFO: DiagLogLevel.INFO,
  DEBUG: DiagLogLevel.DEBUG,
  VERBOSE: DiagLogLevel.VERBOSE,
  ALL: DiagLogLevel.ALL,
};

/**
 * Sends `diag` messages to the console at `OTEL_LOG_LEVEL` (default `WARN`), so warnings about
 * configuration and failed flushes are seen. An unknown level warns and uses `WARN`.
 */
export function installDiagLogger(env: Record<string, string | undefined>): void {
  const name = env.OTEL_LOG_LEVEL?.trim().toUpperCase() ?? '';
  const level = LOG_LEVELS[name === '' ? 'WARN' : name];
  diag.setLogger(new DiagConsoleLogger(), {
    logLevel: level ?? DiagLogLevel.WARN,
    suppressOverrideMessage: true,
  });
  if (level === undefined) {
    diag.warn(
      `OTEL_LOG_LEVEL="${name}" is invalid: expected NONE, ERROR, WARN, INFO, DEBUG, VERBOSE or ALL`,
    );
  }
}

/**
 * Replaces the SDK's error handler, which logs every failed export with its stack, by one that
 * logs the first failure and only counts the rest: with the receiver down, a process would
 * otherwise print one stack per batch. The counts appear in the flush time-out report.
 */
export function installErrorHandler(): void {
  let failures = 0;
  setGlobalErrorHandler((error: unknown) => {
    failures += 1;
    if (failures === 1) {
      const message = error instanceof Error ? error.message : String(error);
      diag.warn(`export failed: ${message}; later failures are not logged`);
    }
  });
}
