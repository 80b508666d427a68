// Time for a detector set to settle, off-cloud: from `detectResources` to
// every asynchronous attribute resolved. Compares the otel-provenance set
// with `@opentelemetry/resources`' default detectors and an empty set, in
// one run, interleaved so machine noise hits all three alike.
//
//   pnpm build && node benchmarks/detectors-settle.bench.mjs [--iterations N] [--cold N]
//
// Warm samples run in this process; cold samples each start a fresh Node
// process that settles one set once, as an application does at startup.
// Makes no network request: the provenance set runs with network detection off
// and no detector here requests a metadata service.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const DETECTORS_DIST = new URL('../packages/detectors/dist/index.mjs', import.meta.url);

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '200' },
    cold: { type: 'string', default: '15' },
    'settle-once': { type: 'string' },
  },
});

async function loadSets() {
  const resources = await import('@opentelemetry/resources');
  const { provenanceDetectors } = await import(DETECTORS_DIST.href);
  return {
    resources,
    sets: {
      empty: () => [],
      'resources defaults': () => [
        resources.envDetector,
        resources.hostDetector,
        resources.osDetector,
        resources.processDetector,
      ],
      'otel-provenance': () => provenanceDetectors({ detectNetwork: false }),
    },
  };
}

async function settleOnce(resources, makeDetectors) {
  const start = process.hrtime.bigint();
  const resource = resources.detectResources({ detectors: makeDetectors() });
  await resource.waitForAsyncAttributes?.();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

// Child mode: settle one set once and print the time.
if (values['settle-once'] !== undefined) {
  const { resources, sets } = await loadSets();
  const time = await settleOnce(resources, sets[values['settle-once']]);
  process.stdout.write(`${time}\n`);
  process.exit(0);
}

const iterations = Number(values.iterations);
const coldRuns = Number(values.cold);
const { resources, sets } = await loadSets();
const names = Object.keys(sets);

const warm = Object.fromEntries(names.map((name) => [name, []]));
for (let i = 0; i < iterations; i += 1) {
  for (const name of i % 2 === 0 ? names : [...names].reverse()) {
    warm[name].push(await settleOnce(resources, sets[name]));
  }
}

const cold = Object.fromEntries(names.map((name) => [name, []]));
const script = fileURLToPath(import.meta.url);
for (let i = 0; i < coldRuns; i += 1) {
  for (const name of names) {
    const output = execFileSync(process.execPath, [script, '--settle-once', name], {
      encoding: 'utf8',
    });
    cold[name].push(Number(output.trim()));
  }
}

const reference = 'resources defaults';
const rows = names.map((name) => {
  const warmStats = summary(warm[name]);
  const coldStats = summary(cold[name]);
  const ratio = (ours, theirs) => (theirs > 0 ? (ours / theirs).toFixed(2) : 'n/a');
  return `| ${name} | ${warmStats.median.toFixed(3)} | ${warmStats.p95.toFixed(3)} | ${ratio(warmStats.median, summary(warm[reference]).median)} | ${coldStats.median.toFixed(3)} | ${ratio(coldStats.median, summary(cold[reference]).median)} |`;
});

process.stdout.write(
  [
    `Node ${process.version}, ${process.platform}/${process.arch}, ${iterations} warm iterations, ${coldRuns} cold processes`,
    '',
    '| detector set | warm median ms | warm p95 ms | warm ratio to defaults | cold median ms | cold ratio to defaults |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
