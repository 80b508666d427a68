'use strict';
// Runs in its own process so the instrumentations patch fs, net, http and
// fetch before anything loads them, as in an application that starts the SDK
// first. Prints one JSON line: the spans of a control phase and of detection
// alone, and what the loopback metadata server saw.

const { context, trace } = require('@opentelemetry/api');
const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { FsInstrumentation } = require('@opentelemetry/instrumentation-fs');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { NetInstrumentation } = require('@opentelemetry/instrumentation-net');
const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici');
const {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} = require('@opentelemetry/sdk-trace');

const [distPath, root] = process.argv.slice(2);

const exporter = new InMemorySpanExporter();
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(
  new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }),
);
registerInstrumentations({
  instrumentations: [
    new FsInstrumentation(),
    // The loopback server replaces a remote metadata endpoint, so its own
    // server spans are not the detectors' telemetry.
    new HttpInstrumentation({ ignoreIncomingRequestHook: () => true }),
    new NetInstrumentation(),
    // The platform detectors request metadata with `fetch`, which only this one instruments.
    new UndiciInstrumentation(),
  ],
});

const fs = require('node:fs');
const http = require('node:http');
const { detectResources } = require('@opentelemetry/resources');
const { detectProvenance, provenanceDetectors } = require(distPath);

const tracer = trace.getTracer('no-spans-check');

const TASK_ARN = 'arn:aws:ecs:eu-west-1:111122223333:task/shop/0b5a7e0f3c8d4e2f9a1b6c7d8e9f0a1b';

// A task metadata v4 endpoint on loopback: the container document at the
// base path and the task document under `/task`. Counts the requests so the
// test can check that detection reached it.
async function startMetadataServer() {
  const seen = [];
  const server = http.createServer((request, response) => {
    seen.push(request.url);
    const body = request.url.endsWith('/task')
      ? { Cluster: 'shop', TaskARN: TASK_ARN, LaunchType: 'EC2' }
      : { ContainerARN: 'arn:aws:ecs:eu-west-1:111122223333:container/shop/0b5a/web' };
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, base: `http://127.0.0.1:${server.address().port}/v4/web` };
}

// The control phase proves the instrumentations are live: the same kinds of
// I/O that detection does, without suppression, must make spans.
async function control(metadata) {
  fs.readFileSync(__filename);
  await fs.promises.readFile(__filename);
  await new Promise((resolve, reject) => {
    http.get(metadata.base, (response) => response.resume().on('end', resolve)).on('error', reject);
  });
  await (await fetch(`${metadata.base}/task`)).text();
}

async function detection(metadata) {
  const options = {
    env: { KUBERNETES_SERVICE_HOST: '10.96.0.1', HOSTNAME: 'web-0' },
    root,
    cwd: '/app',
  };
  await detectProvenance(options);
  const resource = detectResources({ detectors: provenanceDetectors(options) });
  await resource.waitForAsyncAttributes();

  // ECS, requested over the default `fetch`, with network detection on.
  const ecs = { env: { ECS_CONTAINER_METADATA_URI_V4: metadata.base }, root, cwd: '/app' };
  const report = await detectProvenance(ecs);
  const ecsResource = detectResources({ detectors: provenanceDetectors(ecs) });
  await ecsResource.waitForAsyncAttributes();
  return {
    reportAccount: report.attributes['cloud.account.id'],
    resourceAccount: ecsResource.attributes['cloud.account.id'],
  };
}

function finished() {
  return exporter.getFinishedSpans().map((s) => ({
    name: s.name,
    scope: s.instrumentationScope.name,
  }));
}

async function main() {
  const metadata = await startMetadataServer();

  await tracer.startActiveSpan('control', async (span) => {
    await control(metadata);
    span.end();
  });
  const controlSpans = finished().filter((s) => s.name !== 'control');
  const controlRequests = metadata.seen.length;
  exporter.reset();

  let found;
  await tracer.startActiveSpan('detection', async (span) => {
    found = await detection(metadata);
    span.end();
  });
  const detectionSpans = finished().filter((s) => s.name !== 'detection');
  await new Promise((resolve) => metadata.server.close(resolve));

  const result = {
    control: controlSpans.map((s) => s.name),
    controlScopes: [...new Set(controlSpans.map((s) => s.scope))].sort(),
    detection: detectionSpans.map((s) => `${s.scope} ${s.name}`),
    metadataRequests: metadata.seen.length - controlRequests,
    ...found,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
