/**
 * The source of one attribute's value: a variable name, the first set one of
 * several, a template of variables, or a variable with a transformation. A variable that is unset
 * or blank yields nothing, and so does a `template` with any of its variables
 * unset.
 */
export type ValueSource =
  | string
  | { firstOf: readonly ValueSource[] }
  | { template: string }
  | {
      variable: string;
      /** Prefixes removed from the value, such as `refs/heads/`. */
      removePrefix?: readonly string[];
      /** A regular expression whose first capture group is the value. */
      match?: string;
      /** Values that mean "unknown", such as `HEAD` for a commit. */
      ignore?: readonly string[];
    };

/** The environment variable and, optionally, the value that marks a CI system. */
export interface Marker {
  variable: string;
  /** Compared case-insensitively; without it any non-blank value matches. */
  equals?: string;
}

/** One CI system, described as data so that adding a system changes no code. */
export interface CiSystem {
  /** A stable identifier, such as `github-actions`. */
  id: string;
  /** The product name, for messages and docs. */
  name: string;
  /** The system is recognised when any one marker matches. */
  markers: readonly Marker[];
  /** The source of each attribute, keyed by attribute name. */
  attributes: Readonly<Record<string, ValueSource>>;
  /** The login that started the run, read only with `--include-actor`. */
  actor?: ValueSource;
}
