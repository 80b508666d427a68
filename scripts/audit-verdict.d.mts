// Types of audit-verdict.mjs, which stays plain JavaScript so `pnpm audit:deps` runs without a build.

/** The severities `pnpm audit` reports, least severe first. */
export declare const SEVERITIES: readonly string[];

/** The gate's decision: the exit status and the one line to print. */
export interface AuditVerdict {
  exitCode: 0 | 1;
  message: string;
}

/**
 * Decides the gate from `pnpm audit --json` output. Never throws: output that is
 * not a recognisable report becomes exit 1.
 */
export declare function auditVerdict(stdout: string): AuditVerdict;
