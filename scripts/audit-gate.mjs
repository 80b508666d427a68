// `pnpm audit:deps`: runs `pnpm audit --json` and applies the gate in
// audit-verdict.mjs. Extra arguments go to `pnpm audit` (tests pass
// `--registry http://127.0.0.1:PORT` to a recorded-response server).
import { execFile } from 'node:child_process';
import { auditVerdict } from './audit-verdict.mjs';

const AUDIT_TIMEOUT_MS = 120_000;

execFile(
  'pnpm',
  ['audit', '--json', ...process.argv.slice(2)],
  { maxBuffer: 64 * 1024 * 1024, timeout: AUDIT_TIMEOUT_MS },
  (error, stdout, stderr) => {
    // pnpm audit exits non-zero both for findings and for failures, so the
    // verdict comes from its JSON output. Without output, say why it is missing.
    if (error && stdout.trim() === '') {
      const reason = error.killed
        ? `timed out after ${AUDIT_TIMEOUT_MS} ms`
        : String(stderr).trim() || error.message;
      console.error(`audit: pnpm audit produced no report (${reason})`);
      process.exitCode = 1;
      return;
    }

    const verdict = auditVerdict(stdout);
    if (verdict.exitCode === 0) {
      console.log(verdict.message);
    } else {
      console.error(verdict.message);
    }
    process.exitCode = verdict.exitCode;
  },
);
