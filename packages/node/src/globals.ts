import {
  context,
  DiagConsoleLogger,
  DiagLogLevel,
  diag,
  metrics,
  ProxyTracerProvider,
  propagation,
  trace,
} from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import type { Providers } from './providers.js';

/**
 * Reports whether another SDK already registered a global tracer provider. The API returns its
 * own proxy until a provider is registered, from any copy of the API in the process.
 */
export function globalsTaken(): boolean {
  return !(trace.getTracerProvider() instanceof ProxyTracerProvider);
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
  logs.setGlobalLoggerProvider(providers.loggerProvider);
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
