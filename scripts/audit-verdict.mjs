// Pure gate logic of `pnpm audit:deps`: turns the output of `pnpm audit --json`
// into an exit status and one line for the log. No I/O, so tests can feed it
// recorded responses.

// Errors that mean the advisory service could not be asked, not that the
// dependencies are unsafe: network failures, and HTTP errors from the audit
// endpoints (a registry that allows only reads returns 405).
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);
const REFUSED_STATUS = /responded with (4\d\d|5\d\d)/;

/** The severities `pnpm audit` reports, least severe first. */
export const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'];

function isServiceFailure(error) {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const code = String(error.code ?? '');
  const message = String(error.message ?? '');
  if (UNREACHABLE_CODES.has(code)) {
    return true;
  }
  return code === 'ERR_PNPM_AUDIT_BAD_RESPONSE' && REFUSED_STATUS.test(message);
}

function firstLine(text) {
  return String(text).split('\n')[0].trim();
}

function describeCritical(report) {
  const advisories = Object.values(report.advisories ?? {}).filter(
    (advisory) => advisory?.severity === 'critical',
  );
  return advisories
    .map(
      (advisory) =>
        `${advisory.module_name} ${advisory.vulnerable_versions ?? ''} (${advisory.url ?? advisory.title ?? 'no link'})`,
    )
    .join(', ');
}

/**
 * Decides the gate from `pnpm audit --json` output: exit 1 on any critical
 * advisory, exit 0 with a "skipping" line when the advisory service is
 * unreachable or refuses the request, exit 0 otherwise. Output that is not a
 * recognisable report fails the gate, so a broken audit is never read as clean.
 */
export function auditVerdict(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return {
      exitCode: 1,
      message: `audit: pnpm audit printed no JSON report (${firstLine(stdout) || 'empty output'}); run \`pnpm audit\` to see why`,
    };
  }

  if (report?.error !== undefined) {
    const detail = firstLine(report.error.message ?? report.error.code ?? 'unknown error');
    if (isServiceFailure(report.error)) {
      return {
        exitCode: 0,
        message: `audit: advisory service unreachable or refused the request (${detail}); skipping the dependency audit`,
      };
    }
    return { exitCode: 1, message: `audit: pnpm audit failed (${detail})` };
  }

  const counts = report?.metadata?.vulnerabilities;
  if (typeof counts !== 'object' || counts === null) {
    return {
      exitCode: 1,
      message:
        'audit: pnpm audit printed JSON without metadata.vulnerabilities; run `pnpm audit` to see why',
    };
  }

  const summary = SEVERITIES.map((severity) => `${Number(counts[severity] ?? 0)} ${severity}`).join(
    ', ',
  );
  if (Number(counts.critical ?? 0) > 0) {
    return {
      exitCode: 1,
      message: `audit: critical advisories found (${summary}): ${describeCritical(report)}`,
    };
  }
  return { exitCode: 0, message: `audit: no critical advisories (${summary})` };
}
