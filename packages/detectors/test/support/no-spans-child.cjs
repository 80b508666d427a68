'use strict';
// Runs in its own process so the instrumentations patch fs, net and http
// before anything loads them, as in an application that starts the SDK first.
// Prints one JSON line: the spans of a control phase and of detection alone.

const { context, trace } = require('@opentelemetry/api');
const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { FsInstrumentation } = require('@opentelemetry/instrumentation-fs');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { NetInstrumentation } = require('@opentelemetry/instrumentation-net');
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
  instrumentations: [new FsInstrumentation(), new HttpInstrumentation(), new NetInstrumentation()],
});

const fs = require('node:fs');
const http = require('node:http');
const { detectResources } = require('@opentelemetry/resources');
const { detectProvenance, provenanceDetectors } = require(distPath);

const tracer = trace.getTracer('no-spans-check');

// The control phase proves the instrumentations are live: the same kinds of
// I/O that detection does, without suppression, must make spans.
async function control() {
  fs.readFileSync(__filename);
  await fs.promises.readFile(__filename);
  const server = http.createServer((_, response) => response.end('ok'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve, reject) => {
    http
      .get(`http://127.0.0.1:${port}/`, (response) => response.resume().on('end', resolve))
      .on('error', reject);
  });
  await new Promise((resolve) => server.close(resolve));
}

async function detection() {
  const options = {
    env: { KUBERNETES_SERVICE_HOST: '10.96.0.1', HOSTNAME: 'web-0' },
    root,
    cwd: '/app',
  };
  await detectProvenance(options);
  const resource = detectResources({ detectors: provenanceDetectors(options) });
  await resource.waitForAsyncAttributes();
}

async function main() {
  await tracer.startActiveSpan('control', async (span) => {
    await control();
    span.end();
  });
  const controlNames = exporter
    .getFinishedSpans()
    .map((s) => s.name)
    .filter((n) => n !== 'control');
  exporter.reset();

  await tracer.startActiveSpan('detection', async (span) => {
    await detection();
    span.end();
  });
  const detectionNames = exporter
    .getFinishedSpans()
    .map((s) => s.name)
    .filter((n) => n !== 'detection');

  process.stdout.write(`${JSON.stringify({ control: controlNames, detection: detectionNames })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
