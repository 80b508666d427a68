import { createRequire } from 'node:module';
import * as api from '@opentelemetry/api';
import type { LoggerProvider } from '@opentelemetry/sdk-logs';

/** The part of a logs API object that registers the global logger provider. */
interface LogsApi {
  setGlobalLoggerProvider(provider: LoggerProvider): unknown;
}

/**
 * Registers the logger provider with each logs API the application may log through:
 * `@opentelemetry/api-logs` on the OpenTelemetry JS 2.x line, and the `logs` object of
 * `@opentelemetry/api` 1.10 (the 3.x line), which keeps its provider under a global of its own.
 * api-logs is an optional peer, so when it cannot be loaded only the API's `logs` is used.
 */
export function registerLoggerProvider(provider: LoggerProvider): void {
  (api as { logs?: LogsApi }).logs?.setGlobalLoggerProvider(provider);
  loadApiLogs()?.logs.setGlobalLoggerProvider(provider);
}

/**
 * Loads `@opentelemetry/api-logs` synchronously, so the provider is registered before the
 * application's first log call. Its 2.x releases have no `exports` map, so `import` and
 * `require` reach the same module instance. Returns undefined when api-logs is not installed
 * or there is no `import.meta.url` to resolve it from.
 * NOTE: a bundle rarely has api-logs installed beside it, so records sent through a bundled
 * api-logs are lost there unless the application uses `@opentelemetry/api` 1.10.
 */
function loadApiLogs(): { logs: LogsApi } | undefined {
  const base: unknown = import.meta.url;
  if (typeof base !== 'string') {
    api.diag.debug('@opentelemetry/api-logs not loaded: no import.meta.url to resolve it from');
    return undefined;
  }
  try {
    return createRequire(base)('@opentelemetry/api-logs') as { logs: LogsApi };
  } catch (error) {
    api.diag.debug(`@opentelemetry/api-logs not loaded: ${String(error)}`);
    return undefined;
  }
}
