// Time for a detector set to settle, off-cloud: from `detectResources` to
// every asynchronous attribute resolved. Compares the otel-provenance set
// with `@opentelemetry/resources`' default detectors and an empty set, in
// one run, interleaved so machine noise hits all three alike.
//
//   pnpm build && node benchmarks/detectors-settle.bench.mjs [--iterations N] [--cold N] [--phases N]
//
// Warm samples run in this process; cold samples each start a fresh Node
// process that settles one set once, as an application does at startup.
// `--phases N` adds N more cold processes per set that split the settle time
// into building the set, the detectors' own `detect()` calls, the SDK's
// synchronous merge, and the wait for asynchronous values.
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
    phases: { type: 'string', default: '0' },
    'settle-once': { type: 'string' },
    'phases-once': { type: 'string' },
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

// Settles one set once, timing each phase in milliseconds. Building the set
// counts, because an application builds it at startup too.
async function phasesOnce(resources, makeDetectors) {
  const now = () => Number(process.hrtime.bigint()) / 1e6;
  const start = now();
  const detectors = makeDetectors();
  const built = now();
  let inDetect = 0;
  const timed = detectors.map((detector) => ({
    detect() {
      const before = now();
      const result = detector.detect();
      inDetect += now() - before;
      return result;
    },
  }));
  const resource = resources.detectResources({ detectors: timed });
  const merged = now();
  await resource.waitForAsyncAttributes?.();
  const end = now();
  return {
    build: built - start,
    detect: inDetect,
    merge: merged - built - inDetect,
    wait: end - merged,
    total: end - start,
  };
}

// Child mode: split one settle into phases and print them as JSON.
if (values['phases-once'] !== undefined) {
  const { resources, sets } = await loadSets();
  const phases = await phasesOnce(resources, sets[values['phases-once']]);
  process.stdout.write(`${JSON.stringify(phases)}\n`);
  process.exit(0);
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

const phaseRuns = Number(values.phases);
if (phaseRuns > 0) {
  const phaseNames = ['build', 'detect', 'merge', 'wait', 'total'];
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < phaseRuns; i += 1) {
    for (const name of names) {
      const output = execFileSync(process.execPath, [script, '--phases-once', name], {
        encoding: 'utf8',
      });
      samples[name].push(JSON.parse(output));
    }
  }
  const phaseRows = names.map((name) => {
    const medians = phaseNames.map((phase) =>
      summary(samples[name].map((sample) => sample[phase])).median.toFixed(3),
    );
    return `| ${name} | ${medians.join(' | ')} |`;
  });
  process.stdout.write(
    [
      `Cold phases, median of ${phaseRuns} processes per set, ms`,
      '',
      `| detector set | ${phaseNames.join(' | ')} |`,
      `|---|${phaseNames.map(() => '---').join('|')}|`,
      ...phaseRows,
      '',
    ].join('\n'),
  );
}
