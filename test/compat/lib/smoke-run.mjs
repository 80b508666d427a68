import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { findRecordResource } from './otlp-payload.mjs';
import { startOtlpReceiver } from './otlp-receiver.mjs';
import { outputTail, runCommand } from './run-command.mjs';

const RECORDS = [
  { signal: 'traces', name: 'compat-smoke-span' },
  { signal: 'logs', name: 'compat-smoke-log' },
  { signal: 'metrics', name: 'compat.smoke.count' },
];

const IDENTITY_KEYS = ['service.name', 'service.instance.id', 'deployment.id'];

// The smoke process ends right after its work; everything it exports must be
// flushed well within this. Exit with a receiver down is tested elsewhere.
const SMOKE_TIMEOUT_MS = 30_000;

// Requests that completed before the child exited may still be in the
// receiver's event queue; this is how long to wait for all three signals.
const ARRIVAL_GRACE_MS = 2_000;

/**
 * Runs one smoke app in the consumer under `--import` (ESM) or `--require`
 * (CommonJS) of `@otel-provenance/node/register`, against a fresh loopback
 * OTLP receiver. The check passes when the span, the log record and the
 * metric all arrived with the same identity: `service.name` from
 * `OTEL_SERVICE_NAME`, `deployment.id` from the manifest, and one
 * `service.instance.id`, and the child logged no warning about a resource key
 * left empty. Throws one error listing every problem found.
 *
 * @param {{ consumerDir: string, runtime: import('./node-runtimes.mjs').Runtime, env: Record<string, string>, flavor: 'esm' | 'cjs', logsApi: string, manifest?: { manifestPath: string, manifest: { attributes: Record<string, unknown> } } }} options
 * @returns {Promise<{ durationMs: number }>}
 */
export async function runSmoke({ consumerDir, runtime, env, flavor, logsApi, manifest }) {
  const receiver = await startOtlpReceiver();
  try {
    const childEnv = {
      ...env,
      COMPAT_LOGS_API: logsApi,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'compat-smoke',
      PROVENANCE_DETECT_NETWORK: 'off',
      ...(manifest ? { PROVENANCE_MANIFEST: manifest.manifestPath } : {}),
    };
    const args =
      flavor === 'esm'
        ? ['--import', '@otel-provenance/node/register', 'app.mjs']
        : ['--require', '@otel-provenance/node/register', 'app.cjs'];

    const result = await runCommand(runtime.nodeBin, args, {
      cwd: consumerDir,
      env: childEnv,
      timeoutMs: SMOKE_TIMEOUT_MS,
    });
    if (result.code !== 0 || result.timedOut) {
      const how = result.timedOut
        ? `did not exit within ${SMOKE_TIMEOUT_MS} ms`
        : `exited with ${result.code}`;
      throw new Error(`node ${args.join(' ')} ${how}:\n${outputTail(result)}`);
    }

    const problems = await collectProblems(receiver.received, manifest);
    // OpenTelemetry JS 3.x warns for each resource key a detector names but
    // leaves empty; outside a pod, none should be named. In a pod, keys the
    // pod does not give still warn, so the check is left out there.
    const emptyKeys = result.stderr.match(
      /dropping invalid resource attribute value for key "[^"]*"/g,
    );
    if (emptyKeys && !runsInPod()) {
      problems.push(`resource keys declared but left empty: ${emptyKeys.join(', ')}`);
    }
    if (problems.length > 0) {
      throw new Error(`${problems.join('\n')}\nchild output:\n${outputTail(result) || '(none)'}`);
    }
    return { durationMs: result.durationMs };
  } finally {
    await receiver.close();
  }
}

// The signs of a Kubernetes pod that the detectors read first.
function runsInPod() {
  return (
    process.env.KUBERNETES_SERVICE_HOST !== undefined ||
    existsSync('/var/run/secrets/kubernetes.io/serviceaccount/namespace')
  );
}

async function collectProblems(received, manifest) {
  const deadline = Date.now() + ARRIVAL_GRACE_MS;
  while (Date.now() < deadline && !allSignalsArrived(received)) await delay(50);

  const problems = [];
  const instanceIds = new Set();

  for (const { signal, name } of RECORDS) {
    const resource = findRecordResource(received, signal, name, IDENTITY_KEYS);
    if (!resource) {
      problems.push(`${signal}: "${name}" never arrived (${describeArrivals(received)})`);
      continue;
    }
    if (resource['service.name'] !== 'compat-smoke') {
      problems.push(
        `${signal}: service.name is ${resource['service.name']}, expected compat-smoke`,
      );
    }
    const expectedId = manifest?.manifest.attributes['deployment.id'];
    if (expectedId !== undefined && resource['deployment.id'] !== expectedId) {
      problems.push(
        `${signal}: deployment.id is ${resource['deployment.id']}, expected ${expectedId}`,
      );
    }
    if (!resource['service.instance.id']) {
      problems.push(`${signal}: service.instance.id is missing`);
    }
    instanceIds.add(resource['service.instance.id']);
  }

  if (instanceIds.size > 1) {
    problems.push(`service.instance.id differs between signals: ${[...instanceIds].join(', ')}`);
  }
  return problems;
}

function allSignalsArrived(received) {
  return RECORDS.every(({ signal }) => received.some((request) => request.signal === signal));
}

function describeArrivals(received) {
  if (received.length === 0) return 'the receiver got no request at all';
  const counts = received.map((request) => `${request.signal} (${request.contentType})`);
  return `requests received: ${counts.join(', ')}`;
}
