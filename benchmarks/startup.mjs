// Start-up cost: how long after process start the application's first line runs, with no
// SDK, with `--import @otel-provenance/node/register`, with only `import '@opentelemetry/sdk-node'`,
// and with a bare NodeSDK start. Runs are interleaved; medians and ratios are printed.
import { median, runNode } from './run-node.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const APP = 'fixtures/report-start.mjs';
// Exporters point at a closed loopback port; the application exits before anything is sent.
const ENV = {
  OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
  OTEL_LOG_LEVEL: 'none',
  PROVENANCE_DETECT_NETWORK: 'off',
};

const variants = {
  'no SDK': [APP],
  '--import @otel-provenance/node/register': ['--import', '@otel-provenance/node/register', APP],
  "import '@opentelemetry/sdk-node' only": ['--import', '@opentelemetry/sdk-node', APP],
  'NodeSDK().start()': ['--import', './fixtures/nodesdk-start.mjs', APP],
};

const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (let run = 0; run < RUNS; run += 1) {
  for (const [name, args] of Object.entries(variants)) {
    const result = await runNode(args, ENV);
    samples[name].push(Number(result.stdout.trim()));
  }
}

const bare = median(samples['no SDK']);
const nodeSdk = median(samples['NodeSDK().start()']);
console.log(`node ${process.version}, ${RUNS} runs each, median ms from process start to app code`);
console.log('| start-up | ms | added to no SDK | ratio to NodeSDK start |');
console.log('|---|---|---|---|');
for (const [name, values] of Object.entries(samples)) {
  const ms = median(values);
  console.log(
    `| ${name} | ${ms.toFixed(0)} | +${(ms - bare).toFixed(0)} | ${(ms / nodeSdk).toFixed(2)}x |`,
  );
}
