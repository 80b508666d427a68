import type { Context } from '@opentelemetry/api';
import {
  ATTR_FAAS_COLDSTART,
  ATTR_FAAS_INVOCATION_ID,
  ATTR_FAAS_TRIGGER,
} from '@otel-provenance/core';
import type { AttributeSet } from './resource-identity.js';
import { attributeSet } from './resource-identity.js';

/** Facts the caller has about one function invocation. */
export interface InvocationOptions {
  /** The platform's request id (`faas.invocation_id`), for example the Lambda `awsRequestId`. */
  invocationId?: string;
  /** `faas.trigger`: `datasource`, `http`, `pubsub`, `timer` or `other`. */
  trigger?: string;
  /**
   * True when the platform initialised this process ahead of any request (AWS Lambda sets
   * `AWS_LAMBDA_INITIALIZATION_TYPE=provisioned-concurrency`); no invocation is then a cold start.
   */
  provisionedConcurrency?: boolean;
}

/** The attributes of one invocation, ready to copy onto each record made within it. */
export interface Invocation {
  readonly attributes: AttributeSet;
  readonly coldStart: boolean;
}

// A registered symbol, not `createContextKey`, so that the ES module and CommonJS builds share
// it: `--import` loads the processors as ES modules while a CommonJS handler calls
// `withProvenance` from the CommonJS build.
const INVOCATION_KEY = Symbol.for('otel-provenance.invocation');

// The count lives on globalThis so that the ES module and CommonJS builds, when both are
// loaded into one process, still agree on which invocation was the first.
const COUNT_KEY = Symbol.for('otel-provenance.invocation-count');
type CountHolder = { [COUNT_KEY]?: number };

/**
 * Starts an invocation: counts it and computes `faas.coldstart`, which is true only for the
 * first invocation in this process and never under provisioned concurrency.
 */
export function beginInvocation(options: InvocationOptions = {}): Invocation {
  const holder = globalThis as CountHolder;
  const previous = holder[COUNT_KEY] ?? 0;
  holder[COUNT_KEY] = previous + 1;

  const coldStart = previous === 0 && options.provisionedConcurrency !== true;
  const attributes = attributeSet([
    [ATTR_FAAS_INVOCATION_ID, options.invocationId || undefined],
    [ATTR_FAAS_TRIGGER, options.trigger || undefined],
    [ATTR_FAAS_COLDSTART, coldStart],
  ]);
  return { attributes, coldStart };
}

/** Returns a context in which every span and log record carries the invocation's attributes. */
export function setInvocation(context: Context, invocation: Invocation): Context {
  return context.setValue(INVOCATION_KEY, invocation);
}

/** Returns the invocation active in `context`, if any. */
export function getInvocation(context: Context | undefined): Invocation | undefined {
  return context?.getValue(INVOCATION_KEY) as Invocation | undefined;
}
