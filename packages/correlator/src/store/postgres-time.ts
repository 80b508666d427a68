/** SQL that turns a value in milliseconds since the epoch into a `timestamptz`. */
export function timeFromMs(expression: string): string {
  return `to_timestamp(${expression}::float8 / 1000)`;
}

/** SQL that turns a `timestamptz` expression into milliseconds since the epoch. */
export function msFromTime(expression: string): string {
  return `round(extract(epoch FROM ${expression}) * 1000)::float8`;
}
