import { diag } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { LogValue } from './log-values.js';

/** Attributes to copy: their keys in order, and the same attributes as one object. */
export interface AttributeSet {
  readonly keys: readonly string[];
  readonly values: Readonly<Record<string, LogValue>>;
}

/** Builds an {@link AttributeSet} from key and value pairs, skipping absent values. */
export function attributeSet(pairs: Iterable<readonly [string, unknown]>): AttributeSet {
  const keys: string[] = [];
  const values: Record<string, LogValue> = {};
  for (const [key, value] of pairs) {
    if (value !== undefined && value !== null) {
      keys.push(key);
      values[key] = value as LogValue;
    }
  }
  return { keys, values };
}

/** A record whose attribute map may still be filled after the resource settles. */
export interface DeferredRecord {
  readonly attributes: Record<string, unknown>;
}

// Records made before the resource settled wait, up to this many. Later ones are counted and
// left without identity, so a detector that never settles cannot grow memory.
const MAX_DEFERRED = 1024;

/**
 * The chosen resource attributes of one resource, read once its asynchronous attributes have
 * settled. Reading `resource.attributes` earlier makes the SDK log an error for every access,
 * so records made before then are held (at most {@link MAX_DEFERRED}) and filled on settling.
 */
export class ResourceIdentity {
  private resource: Resource | undefined;
  private entries: AttributeSet | undefined;
  private deferred: DeferredRecord[] = [];
  private dropped = 0;

  constructor(private readonly keys: readonly string[]) {}

  /** Returns the attributes of `resource` to copy, or undefined while they are still settling. */
  entriesFor(resource: Resource): AttributeSet | undefined {
    if (resource === this.resource) {
      return this.entries;
    }
    this.resource = resource;
    this.entries = undefined;
    this.deferred = [];
    if (this.keys.length === 0 || !resource.asyncAttributesPending) {
      this.entries = pickEntries(resource, this.keys);
      return this.entries;
    }
    this.settle(resource);
    return undefined;
  }

  /** Holds a record until the resource settles; call only after `entriesFor` returned undefined. */
  defer(record: DeferredRecord): void {
    if (this.deferred.length >= MAX_DEFERRED) {
      this.dropped += 1;
      return;
    }
    this.deferred.push(record);
  }

  private settle(resource: Resource): void {
    const wait = resource.waitForAsyncAttributes?.() ?? Promise.resolve();
    wait.then(
      () => this.fill(resource),
      (error: unknown) =>
        diag.warn('resource attributes did not settle; records keep no identity', error),
    );
  }

  private fill(resource: Resource): void {
    if (resource !== this.resource) {
      return;
    }
    const entries = pickEntries(resource, this.keys);
    this.entries = entries;
    for (const record of this.deferred) {
      // Direct writes because the record may have ended already, when its setters do nothing;
      // exporters wait for the same resource to settle before reading it.
      for (const key of entries.keys) {
        if (!Object.hasOwn(record.attributes, key)) {
          record.attributes[key] = entries.values[key];
        }
      }
    }
    this.deferred = [];
    if (this.dropped > 0) {
      diag.warn(
        `${this.dropped} records made before the resource settled were exported without identity attributes`,
      );
      this.dropped = 0;
    }
  }
}

function pickEntries(resource: Resource, keys: readonly string[]): AttributeSet {
  if (keys.length === 0) {
    return attributeSet([]);
  }
  const attributes = resource.attributes;
  return attributeSet(keys.map((key) => [key, attributes[key]] as const));
}
