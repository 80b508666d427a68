import type { Attributes } from '../sanitize/sanitize-attributes.js';

/** The manifest schema version this package reads and writes. */
export const MANIFEST_SCHEMA_VERSION = 1;

/** The file name `provenance stamp` writes and the manifest detector looks for. */
export const MANIFEST_FILE_NAME = 'provenance.json';

/**
 * The deployment manifest: identity stamped once in CI and read by every
 * runtime of the artifact.
 */
export interface Manifest {
  schemaVersion: typeof MANIFEST_SCHEMA_VERSION;
  /** RFC 3339 time the manifest was written. */
  createdAt: string;
  attributes: Attributes;
}
