import { context } from '@opentelemetry/api';
import { beginInvocation, setInvocation } from '@otel-provenance/processors';
import { lambdaTrigger } from './lambda-trigger.js';
import { activeSdk } from './start-provenance.js';

/** The fields of a Lambda context object this wrapper reads. */
export interface InvocationContextLike {
  awsRequestId?: string;
}

/** Options of {@link withProvenance}. */
export interface WithProvenanceOptions {
  /** `faas.trigger` for every invocation; default: inferred from the event's shape. */
  trigger?: string;
  /** The environment read for `AWS_LAMBDA_INITIALIZATION_TYPE`; default `process.env`. */
  env?: Record<string, string | undefined>;
}

/**
 * Wraps a Lambda-style handler `(event, context) => result`. Each call is marked as one
 * invocation: every span and log record made within it carries `faas.invocation_id` (from
 * `context.awsRequestId`), `faas.trigger` and `faas.coldstart`. Traces, logs and metrics are
 * flushed, within the flush timeout, before the result is returned or the error rethrown.
 * Without a running {@link startProvenance} the handler runs unchanged apart from the marking.
 */
export function withProvenance<Event, Context extends InvocationContextLike | undefined, Result>(
  handler: (event: Event, lambdaContext: Context) => Result | Promise<Result>,
  options: WithProvenanceOptions = {},
): (event: Event, lambdaContext: Context) => Promise<Result> {
  const env = options.env ?? process.env;
  const provisionedConcurrency = env.AWS_LAMBDA_INITIALIZATION_TYPE === 'provisioned-concurrency';

  return async (event, lambdaContext) => {
    const invocation = beginInvocation({
      invocationId: lambdaContext?.awsRequestId,
      trigger: options.trigger ?? lambdaTrigger(event),
      provisionedConcurrency,
    });
    const invocationContext = setInvocation(context.active(), invocation);
    try {
      return await context.with(invocationContext, () => handler(event, lambdaContext));
    } finally {
      await activeSdk()?.forceFlush();
    }
  };
}
