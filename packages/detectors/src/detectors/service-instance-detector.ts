import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import {
  ATTR_K8S_CONTAINER_NAME,
  ATTR_K8S_NAMESPACE_NAME,
  ATTR_K8S_POD_NAME,
  ATTR_SERVICE_INSTANCE_ID,
} from '@opentelemetry/semantic-conventions';
import { deriveUuid, SERVICE_INSTANCE_ID_NAMESPACE } from '@otel-provenance/core';
import {
  type ContextOptions,
  createDetectionContext,
  type DetectionContext,
} from '../detection-context.js';
import { deferredAttributes, type ProvenanceDetector } from '../detector.js';
import { kubernetesFacts } from '../kubernetes/kubernetes-facts.js';
import { resourceAttributesFromEnv } from './environment-detector.js';

/** Options of the service instance detector. */
export interface ServiceInstanceDetectorOptions extends ContextOptions {
  /** The Node cluster worker id, appended on Kubernetes. Default: `cluster.worker.id` in a worker. */
  workerId?: number;
}

// One random id per process, made on first use and kept under a global
// symbol. Every signal and every detector set then report one instance, even
// when an application loads both the ES module and the CommonJS build.
const INSTANCE_ID_KEY = Symbol.for('@otel-provenance/detectors:service.instance.id');

function randomInstanceId(): string {
  const store = globalThis as unknown as Record<symbol, unknown>;
  if (typeof store[INSTANCE_ID_KEY] !== 'string') {
    store[INSTANCE_ID_KEY] = randomUUID();
  }
  return store[INSTANCE_ID_KEY] as string;
}

function defaultWorkerId(): number | undefined {
  return cluster.isWorker ? cluster.worker?.id : undefined;
}

async function instanceId(context: DetectionContext, workerId: number | undefined) {
  // A blank value, such as `service.instance.id=` from an unset template variable, is
  // dropped from the resource like every empty value, so it counts as not given.
  const attributes = resourceAttributesFromEnv(context);
  const fromEnv = (key: string) => (attributes[key]?.trim() ? attributes[key] : undefined);
  const configured = fromEnv(ATTR_SERVICE_INSTANCE_ID);
  if (configured !== undefined) {
    return configured;
  }

  // Names given in OTEL_RESOURCE_ATTRIBUTES win on the resource, so they
  // also name the instance.
  const facts = await kubernetesFacts(context);
  const namespace = fromEnv(ATTR_K8S_NAMESPACE_NAME) ?? facts.namespace;
  const pod = fromEnv(ATTR_K8S_POD_NAME) ?? facts.podName;
  const container = fromEnv(ATTR_K8S_CONTAINER_NAME) ?? facts.containerName;
  if (!facts.inPod || namespace === undefined || pod === undefined || container === undefined) {
    return randomInstanceId();
  }

  const name = `${namespace}.${pod}.${container}`;
  return deriveUuid(
    workerId === undefined ? name : `${name}.${workerId}`,
    SERVICE_INSTANCE_ID_NAMESPACE,
  );
}

/**
 * Detects `service.instance.id`, one value per process. A value in
 * `OTEL_RESOURCE_ATTRIBUTES` is kept (the OpenTelemetry Operator injects one).
 * In a pod whose namespace, pod and container names are known, the value is
 * the semantic conventions' UUIDv5 of `<namespace>.<pod>.<container>`, with
 * `.<worker id>` appended in a Node cluster worker. Elsewhere it is a random
 * UUID made once per process. Never rejects.
 */
export function serviceInstanceDetector(
  options: ServiceInstanceDetectorOptions = {},
  context = createDetectionContext(options),
): ProvenanceDetector {
  const workerId = options.workerId ?? defaultWorkerId();
  return {
    name: 'service-instance',
    detect: () => ({
      attributes: deferredAttributes(
        'service-instance',
        [ATTR_SERVICE_INSTANCE_ID],
        context.memo('service-instance', () =>
          instanceId(context, workerId).then((id) => ({ [ATTR_SERVICE_INSTANCE_ID]: id })),
        ),
      ),
    }),
  };
}
