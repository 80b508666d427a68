// Time for a detector set to settle off-cloud: otel-provenance's whole set
// beside the contrib AWS, GCP, Azure and container detectors, in one run, as
// ratios to ours.
//
//   pnpm build && node benchmarks/cloud-detectors.bench.mjs [--samples N] [--dropped-samples N]
//
// The contrib cloud detectors send requests to instance metadata addresses
// (169.254.169.254, metadata.google.internal) on their own, so every sample
// runs inside a network namespace this script creates with `unshare -rn`,
// never in the host's network, in two settings:
//   unreachable: only loopback, so every request fails at once;
//   dropped: a default route into a tap device with no reader, so packets
//     vanish as in an egress-restricted pod and requests wait for timeouts.
// Each sample is a fresh Node process that settles one set once, as an
// application does at startup. Linux only; needs unshare and iproute2.

import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SCRIPT = fileURLToPath(import.meta.url);
const DETECTORS_DIST = new URL('../packages/detectors/dist/index.mjs', import.meta.url);

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '15' },
    'dropped-samples': { type: 'string', default: '3' },
    inside: { type: 'string' },
    'settle-once': { type: 'string' },
    'host-netns': { type: 'string' },
  },
});

// Loopback only: no route leaves the namespace.
const UNREACHABLE_SETUP = 'ip link set lo up';

// Everything not on loopback goes to a gateway on a tap device that no
// process reads, with a fixed neighbour entry so not even ARP fails: packets
// are discarded silently.
const DROPPED_SETUP = [
  'ip link set lo up',
  'ip tuntap add dev discard0 mode tap',
  'ip addr add 10.254.0.2/24 dev discard0',
  'ip link set discard0 up',
  'ip neigh add 10.254.0.1 lladdr 02:00:00:00:00:01 dev discard0 nud permanent',
  'ip route add default via 10.254.0.1 dev discard0 onlink',
].join(' && ');

const SCENARIOS = {
  unreachable: UNREACHABLE_SETUP,
  dropped: DROPPED_SETUP,
};

let requestCount = 0;
function countingFetch(url, init) {
  requestCount += 1;
  return fetch(url, init);
}

async function loadSets() {
  const { provenanceDetectors } = await import(DETECTORS_DIST.href);
  const aws = await import('@opentelemetry/resource-detector-aws');
  const gcp = await import('@opentelemetry/resource-detector-gcp');
  const azure = await import('@opentelemetry/resource-detector-azure');
  const container = await import('@opentelemetry/resource-detector-container');
  const awsSet = [
    aws.awsEc2Detector,
    aws.awsEcsDetector,
    aws.awsEksDetector,
    aws.awsBeanstalkDetector,
    aws.awsLambdaDetector,
  ];
  const azureSet = [
    azure.azureAppServiceDetector,
    azure.azureFunctionsDetector,
    azure.azureContainerAppsDetector,
    azure.azureAksDetector,
    azure.azureVmDetector,
  ];
  return {
    // Counts our requests through the `fetch` option, so the run shows how many we made.
    'otel-provenance': () => provenanceDetectors({ fetch: countingFetch }),
    'contrib aws': () => awsSet,
    'contrib gcp': () => [gcp.gcpDetector],
    'contrib azure': () => azureSet,
    'contrib container': () => [container.containerDetector],
    'contrib all four': () => [
      ...awsSet,
      gcp.gcpDetector,
      ...azureSet,
      container.containerDetector,
    ],
  };
}

const SET_NAMES = [
  'otel-provenance',
  'contrib aws',
  'contrib gcp',
  'contrib azure',
  'contrib container',
  'contrib all four',
];

// Refuses to run anything in the host's network namespace.
function assertIsolated() {
  const namespace = readlinkSync('/proc/self/ns/net');
  if (values['host-netns'] === undefined || namespace === values['host-netns']) {
    process.stderr.write(
      `not run: ${namespace} is the host's network namespace; start the script without --inside or --settle-once\n`,
    );
    process.exit(2);
  }
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Innermost mode: settle one set once in a fresh process and print the time.
if (values['settle-once'] !== undefined) {
  assertIsolated();
  const { detectResources } = await import('@opentelemetry/resources');
  const sets = await loadSets();
  const start = process.hrtime.bigint();
  const resource = detectResources({ detectors: sets[values['settle-once']]() });
  await resource.waitForAsyncAttributes?.();
  process.stdout.write(`${Number(process.hrtime.bigint() - start) / 1e6} ${requestCount}\n`);
  // Contrib requests may still be pending; they must not hold the sample open.
  process.exit(0);
}

// Namespace mode: run the samples, sets interleaved, and print them as JSON.
if (values.inside !== undefined) {
  assertIsolated();
  const samples = Number(values.inside === 'dropped' ? values['dropped-samples'] : values.samples);
  const times = Object.fromEntries(SET_NAMES.map((name) => [name, []]));
  let ourRequests = 0;
  for (let i = 0; i < samples; i += 1) {
    for (const name of SET_NAMES) {
      const output = execFileSync(
        process.execPath,
        [SCRIPT, '--settle-once', name, '--host-netns', values['host-netns']],
        { encoding: 'utf8', timeout: 120_000 },
      );
      const [time, requests] = output.trim().split(' ').map(Number);
      times[name].push(time);
      if (name === 'otel-provenance') ourRequests += requests;
    }
  }
  process.stdout.write(JSON.stringify({ times, ourRequests }));
  process.exit(0);
}

// Host mode: create one namespace per setting and report medians and ratios.
const hostNetns = readlinkSync('/proc/self/ns/net');
const results = {};
for (const [scenario, setup] of Object.entries(SCENARIOS)) {
  const inner = `${setup} && exec "$0" "$1" --inside "$2" --host-netns "$3" --samples "$4" --dropped-samples "$5"`;
  const output = execFileSync(
    'unshare',
    [
      '-rn',
      'sh',
      '-c',
      inner,
      process.execPath,
      SCRIPT,
      scenario,
      hostNetns,
      values.samples,
      values['dropped-samples'],
    ],
    { encoding: 'utf8', timeout: 30 * 60_000 },
  );
  results[scenario] = JSON.parse(output);
}
const ourRequests = Object.values(results).map((result) => result.ourRequests);

const rows = SET_NAMES.map((name) => {
  const cells = Object.keys(SCENARIOS).flatMap((scenario) => {
    const ours = median(results[scenario].times['otel-provenance']);
    const theirs = median(results[scenario].times[name]);
    return [theirs.toFixed(1), (theirs / ours).toFixed(2)];
  });
  return `| ${name} | ${cells.join(' | ')} |`;
});

process.stdout.write(
  [
    `Node ${process.version}, ${process.platform}/${process.arch}, ${values.samples} samples unreachable, ${values['dropped-samples']} dropped, one fresh process per sample`,
    '',
    '| detector set | unreachable median ms | ratio to otel-provenance | dropped median ms | ratio to otel-provenance |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    `otel-provenance requests: ${ourRequests.join(' unreachable, ')} dropped`,
    '',
  ].join('\n'),
);
