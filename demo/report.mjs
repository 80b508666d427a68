import { owners } from './checks.mjs';

// The demo's final report: delivery per signal, attribution coverage per key, whois results,
// and the verdict.

/** Formats the results as text and decides whether the demo passed. */
export function formatReport(results) {
  const problems = [];
  const lines = ['', 'Report', ''];

  lines.push('  Delivery (produced inside the functions vs. acknowledged by the correlator)');
  lines.push(
    `  ${'signal'.padEnd(15)}${'produced'.padStart(10)}${'received'.padStart(10)}${'lost'.padStart(7)}`,
  );
  for (const row of results.delivery) {
    lines.push(
      `  ${row.signal.padEnd(15)}${String(row.produced).padStart(10)}${String(row.received).padStart(10)}${String(row.lost).padStart(7)}`,
    );
    if (row.lost !== 0) {
      problems.push(`${row.signal}: produced ${row.produced}, received ${row.received}`);
    }
  }
  for (const invocation of results.invocations) {
    if (invocation.counts === undefined) {
      problems.push(
        `an invocation wrote no counts (exit ${invocation.signal ?? invocation.code}): ${invocation.stderr.trim()}`,
      );
    }
  }
  if (results.rejected > 0) {
    problems.push(`the correlator rejected ${results.rejected} records`);
  }
  for (const failure of results.forwardingFailures) {
    problems.push(`forwarding to the correlator failed: ${failure}`);
  }

  lines.push('', '  Attribution coverage (provenance check over every record received)');
  for (const row of results.coverage) {
    const share = row.records === 0 ? 0 : (100 * row.carrying) / row.records;
    lines.push(
      `  ${row.key.padEnd(30)}${`${row.carrying}/${row.records}`.padStart(11)}${`${share.toFixed(0)} %`.padStart(7)}`,
    );
    if (row.records === 0 || row.carrying !== row.records) {
      problems.push(
        `${row.key} is missing on ${row.records - row.carrying} of ${row.records} records`,
      );
    }
  }
  if (results.check.code !== 0) {
    problems.push(
      `provenance check exited with ${results.check.code} ${results.check.stderr.trim()}`,
    );
  }

  lines.push('', '  whois (one line per candidate lease)');
  for (const question of results.whois) {
    const at = new Date(question.atMs).toISOString();
    const answer = question.answer;
    const summary =
      answer === undefined
        ? 'no answer'
        : `${answer.candidates.length} lease(s) of ${owners(answer).length} owner(s), ambiguous: ${answer.ambiguous}`;
    lines.push(
      `  ${question.label} at ${at}: ${summary} ${question.verdict.ok ? '(as expected)' : `(WRONG: ${question.verdict.problem})`}`,
    );
    for (const candidate of answer?.candidates ?? []) {
      lines.push(
        `      ${candidate.network.padEnd(10)} ${candidate['service.name']} ${candidate['service.version']}  deployment.id ${candidate['deployment.id']}  instance ${candidate['service.instance.id']}  source ${candidate.source}`,
      );
    }
    if (!question.verdict.ok) {
      problems.push(`whois ${question.label}: ${question.verdict.problem}`);
    }
  }

  lines.push('');
  if (problems.length === 0) {
    lines.push(
      `PASS in ${(results.elapsedMs / 1000).toFixed(1)} s: 0 lost, every record attributed, whois correct for each network and ambiguous without one.`,
    );
  } else {
    lines.push(`FAIL in ${(results.elapsedMs / 1000).toFixed(1)} s:`);
    for (const problem of problems) {
      lines.push(`  - ${problem}`);
    }
  }
  return { ok: problems.length === 0, text: `${lines.join('\n')}\n` };
}
