/** An environment as the detectors read it: named variables, never enumerated. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Returns a variable's value with surrounding blanks removed, or `undefined` when unset or blank. */
export function envValue(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Returns the value of the first of `names` that is set and not blank. */
export function firstEnvValue(env: Environment, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = envValue(env, name);
    if (value !== undefined) return value;
  }
  return undefined;
}
