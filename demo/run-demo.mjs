// The whole demo: build (stamp), run (short-lived functions in two clusters whose pod networks
// reuse one address range), and downstream (the correlator and whois). Used by `pnpm demo`
// through main.mjs and by test/demo.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COVERAGE_KEYS,
  coverageRows,
  deliveryRows,
  heldMoment,
  judgeWhois,
  producedTotals,
} from './checks.mjs';
import { startFanOut } from './fan-out.mjs';
import { runProvenance, startServe } from './provenance-cli.mjs';
import { formatReport } from './report.mjs';
import { runInvocations } from './run-invocations.mjs';
import { DEPLOYMENTS, INVOCATIONS, SHARED_POD_IP } from './scenario.mjs';
import { stampDeployment } from './stamp-deployments.mjs';

/**
 * Runs the demo in a fresh temporary directory and removes it afterwards (unless `keep`).
 * `log` receives one progress line at a time. Resolves with `{ ok, report, results }`; `ok` is
 * false when a record was lost or unattributed or a whois result was wrong. Rejects only when a
 * step could not run at all (the correlator did not start, stamp failed).
 */
export async function runDemo({ log = () => {}, keep = false } = {}) {
  const began = Date.now();
  const progress = (line) =>
    log(`[${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s] ${line}`);
  const directory = mkdtempSync(join(tmpdir(), 'provenance-demo-'));
  const base = { home: directory, path: process.env.PATH ?? '' };
  const cliEnv = { PATH: base.path, HOME: base.home };

  const correlator = await startServe({
    database: join(directory, 'provenance.db'),
    cwd: directory,
    env: cliEnv,
  });
  let fanOut;
  try {
    progress(`correlator: provenance serve listening on ${correlator.url} with a new database`);
    fanOut = await startFanOut({ correlatorUrl: correlator.url, directory });
    progress(`collector: ${fanOut.url} sends a copy of every signal to the correlator`);

    const deployments = [];
    for (const deployment of DEPLOYMENTS) {
      const artifact = join(directory, deployment.packageJson.name);
      const manifest = await stampDeployment(deployment, artifact, base);
      const attributes = manifest.attributes;
      deployments.push({ ...deployment, artifact, manifest });
      progress(
        `build: provenance stamp in GitHub Actions job ${deployment.ciJob} -> ${attributes['service.name']} ${attributes['service.version']}, deployment.id ${attributes['deployment.id']}`,
      );
    }

    progress(
      `run: ${INVOCATIONS} invocations per deployment, ${DEPLOYMENTS.map((d) => `${d.packageJson.name} in cluster ${d.cluster} (${d.network})`).join(' and ')}, both pods at ${SHARED_POD_IP}`,
    );
    const perDeployment = await Promise.all(
      deployments.map((deployment) =>
        runInvocations(deployment, {
          artifact: deployment.artifact,
          otlpEndpoint: fanOut.url,
          ...base,
          log: progress,
        }),
      ),
    );
    const invocations = perDeployment.flat();

    progress('downstream: counting what the correlator acknowledged and checking attribution');
    const delivery = deliveryRows(producedTotals(invocations), fanOut.received);
    const check = await runProvenance(
      [
        'check',
        fanOut.files.traces,
        fanOut.files.logs,
        fanOut.files.metrics,
        '--require',
        COVERAGE_KEYS.join(','),
        '--format',
        'json',
      ],
      { cwd: directory, env: cliEnv },
    );
    const coverage = check.stdout.trim() === '' ? [] : coverageRows(JSON.parse(check.stdout));

    progress(`downstream: asking the correlator whois ${SHARED_POD_IP}`);
    const whois = await askWhois({
      deployments,
      invocations: perDeployment,
      correlatorUrl: correlator.url,
      before: began,
      directory,
      cliEnv,
    });

    const results = {
      invocations,
      delivery,
      rejected: fanOut.received.rejected,
      forwardingFailures: fanOut.failures,
      check: { code: check.code, stderr: check.stderr },
      coverage,
      whois,
      elapsedMs: Date.now() - began,
    };
    const { ok, text } = formatReport(results);
    return { ok, report: text, results };
  } finally {
    await fanOut?.close();
    await correlator.stop();
    if (!keep) {
      rmSync(directory, { recursive: true, force: true });
    }
  }
}

async function askWhois({ deployments, invocations, correlatorUrl, before, directory, cliEnv }) {
  const held = heldMoment(invocations.map((results) => results.map((result) => result.counts)));
  const expected = deployments.map((deployment) => ({
    network: deployment.network,
    serviceName: deployment.manifest.attributes['service.name'],
    deploymentId: deployment.manifest.attributes['deployment.id'],
  }));

  const questions = [
    ...expected.map((owner) => ({
      label: `--network ${owner.network}`,
      network: owner.network,
      atMs: held.atMs,
      expected: [owner],
    })),
    { label: 'no --network', atMs: held.atMs, expected },
    { label: 'no --network, before any pod ran', atMs: before - 1000, expected: [] },
  ];

  const answers = [];
  for (const question of questions) {
    const args = [
      'whois',
      SHARED_POD_IP,
      '--at',
      new Date(question.atMs).toISOString(),
      '--url',
      correlatorUrl,
      '--format',
      'json',
    ];
    if (question.network !== undefined) {
      args.push('--network', question.network);
    }
    const result = await runProvenance(args, { cwd: directory, env: cliEnv });
    if (result.code !== 0) {
      answers.push({
        ...question,
        verdict: {
          ok: false,
          problem: `whois exited with ${result.code}: ${result.stderr.trim()}`,
        },
      });
      continue;
    }
    const answer = JSON.parse(result.stdout);
    const verdict = judgeWhois(answer, question.expected, { requireEntity: held.allRunning });
    answers.push({ ...question, answer, verdict });
  }
  return answers;
}
