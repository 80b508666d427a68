/** Settings of `provenance serve` that come from the environment. */
export interface CorrelatorEnvSettings {
  token: string | undefined;
  retentionMs: number | undefined;
  /** The PostgreSQL store's URL, from the environment so that its password stays off the command line. */
  postgresUrl: string | undefined;
  warnings: string[];
}

/**
 * Reads `PROVENANCE_TOKEN` (the bearer token), `PROVENANCE_RETENTION_DAYS`
 * (how long claims are kept) and `PROVENANCE_POSTGRES_URL` (a shared store). Blank is unset; an unparsable value is left unset
 * with a warning naming it.
 */
export function correlatorSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): CorrelatorEnvSettings {
  const warnings: string[] = [];
  const token = env.PROVENANCE_TOKEN?.trim() || undefined;
  const postgresUrl = env.PROVENANCE_POSTGRES_URL?.trim() || undefined;

  let retentionMs: number | undefined;
  const days = env.PROVENANCE_RETENTION_DAYS?.trim();
  if (days) {
    const parsed = Number(days);
    if (Number.isFinite(parsed) && parsed >= 0) {
      retentionMs = parsed * 24 * 60 * 60 * 1000;
    } else {
      warnings.push(
        `invalid PROVENANCE_RETENTION_DAYS "${days}"; expected a number of days (0 keeps everything), using 30`,
      );
    }
  }
  return { token, retentionMs, postgresUrl, warnings };
}
