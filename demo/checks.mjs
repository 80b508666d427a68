// The demo's verdicts, as pure functions over what it measured, so the report and the test
// use the same results.

/** Identity keys whose coverage the demo reports; every record must carry each one. */
export const COVERAGE_KEYS = [
  'service.name',
  'service.version',
  'deployment.id',
  'service.instance.id',
  'deployment.environment.name',
  'cicd.pipeline.run.id',
  'vcs.ref.head.revision',
  'k8s.cluster.name',
  'k8s.namespace.name',
  'k8s.pod.name',
  'k8s.pod.ip',
  'provenance.network.id',
];

/** Each process emits `entity.state` at start and `entity.delete` when it ends. */
export const ENTITY_EVENTS_PER_PROCESS = 2;

/** Sums the counts every invocation wrote: spans, log records and metric data points. */
export function producedTotals(invocations) {
  const totals = { spans: 0, logRecords: 0, metricPoints: 0, processes: 0, missingCounts: 0 };
  for (const invocation of invocations) {
    totals.processes += 1;
    if (invocation.counts === undefined) {
      totals.missingCounts += 1;
      continue;
    }
    totals.spans += invocation.counts.spans;
    totals.logRecords += invocation.counts.logRecords;
    // One cumulative export at shutdown: one data point per instrument and attribute set.
    totals.metricPoints += invocation.counts.metricSeries.length;
  }
  return totals;
}

/** Compares produced with received per signal; `lost` is negative when more arrived. */
export function deliveryRows(produced, received) {
  return [
    { signal: 'spans', produced: produced.spans, received: received.spans },
    { signal: 'log records', produced: produced.logRecords, received: received.logRecords },
    { signal: 'metric points', produced: produced.metricPoints, received: received.metricPoints },
    {
      signal: 'entity events',
      produced: produced.processes * ENTITY_EVENTS_PER_PROCESS,
      received: received.entityEvents,
    },
  ].map((row) => ({ ...row, lost: row.produced - row.received }));
}

/** Turns `provenance check --format json` output into one coverage row per key. */
export function coverageRows(checkReport) {
  const signals = Object.values(checkReport.signals);
  const records = signals.reduce((sum, signal) => sum + signal.records, 0);
  return checkReport.requiredKeys.map((key) => {
    const missing = signals.reduce((sum, signal) => sum + (signal.missing[key] ?? 0), 0);
    return { key, carrying: records - missing, records };
  });
}

/** Distinct owners (network, service, version, deployment, instance) among whois candidates. */
export function owners(answer) {
  const keys = answer.candidates.map((candidate) =>
    [
      candidate.network,
      candidate['service.name'],
      candidate['service.version'],
      candidate['deployment.id'],
      candidate['service.instance.id'],
    ].join(' '),
  );
  return [...new Set(keys)];
}

/**
 * Checks a whois answer against the deployments expected to hold the address, as
 * `{ ok, problem }`: the same set of networks and deployment ids, one instance each, and
 * `ambiguous` exactly when more than one owner fits. With `requireEntity` (the default, for a
 * moment when every owner had a process running) each owner also needs a lease built from
 * entity events.
 */
export function judgeWhois(answer, expected, { requireEntity = true } = {}) {
  const found = owners(answer).length;
  if (found !== expected.length) {
    return { ok: false, problem: `expected ${expected.length} owner(s), found ${found}` };
  }
  for (const deployment of expected) {
    const match = answer.candidates.some(
      (candidate) =>
        candidate.network === deployment.network &&
        candidate['deployment.id'] === deployment.deploymentId &&
        candidate['service.name'] === deployment.serviceName,
    );
    if (!match) {
      return {
        ok: false,
        problem: `no candidate for ${deployment.serviceName} in ${deployment.network}`,
      };
    }
    const fromEntityEvents = answer.candidates.some(
      (candidate) => candidate.network === deployment.network && candidate.source === 'entity',
    );
    if (requireEntity && !fromEntityEvents) {
      return { ok: false, problem: `no lease from entity events in ${deployment.network}` };
    }
  }
  if (answer.ambiguous !== expected.length > 1) {
    return { ok: false, problem: `ambiguous is ${answer.ambiguous}` };
  }
  return { ok: true };
}

/**
 * Finds a moment when every deployment had a process handling requests, from the counts each
 * invocation wrote (`startedAt`, `lastAt`), as `{ atMs, allRunning }`. It is the middle of the
 * longest stretch in which one invocation of each deployment was running. When the
 * invocations never overlapped, it is the last request of any invocation, which the
 * telemetry leases still cover, and `allRunning` is false.
 */
export function heldMoment(countsPerDeployment) {
  const intervals = countsPerDeployment.map((list) =>
    list
      .filter((counts) => counts !== undefined && counts.lastAt > counts.startedAt)
      .map((counts) => [counts.startedAt, counts.lastAt]),
  );
  const bounds = [...new Set(intervals.flat(2))].sort((a, b) => a - b);

  // Between two neighbouring bounds, the set of running invocations does not change.
  let best;
  for (let index = 0; index + 1 < bounds.length; index++) {
    const from = bounds[index];
    const to = bounds[index + 1];
    const middle = (from + to) / 2;
    const everyRunning = intervals.every((list) =>
      list.some(([start, end]) => start < middle && middle < end),
    );
    if (everyRunning && (best === undefined || to - from > best.to - best.from)) {
      best = { from, to };
    }
  }

  if (best !== undefined) {
    return { atMs: Math.round((best.from + best.to) / 2), allRunning: true };
  }
  const lastRequests = intervals.flat().map(([, end]) => end);
  return {
    atMs: lastRequests.length > 0 ? Math.max(...lastRequests) : Date.now(),
    allRunning: false,
  };
}
