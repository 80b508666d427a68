import { ATTR_PROVENANCE_CICD_ACTOR } from '@otel-provenance/core';
import type { CiSystem } from './ci-system.js';
import { CI_SYSTEMS } from './ci-systems.js';
import { EXPLICIT_VARIABLES } from './explicit-variables.js';
import { type Env, markerMatches, resolveSource } from './read-variable.js';

export interface CiDetection {
  /** The recognised CI system, or `undefined` when no marker matched. */
  system: CiSystem | undefined;
  /** Pipeline and version-control attributes; a key without a value is absent. */
  attributes: Record<string, string>;
}

export interface DetectCiOptions {
  /** Read the login that started the run into `provenance.cicd.actor`. */
  includeActor?: boolean;
  /** The systems to check, in order; the built-in table by default. */
  systems?: readonly CiSystem[];
}

/** Returns the first system whose marker matches, or `undefined`; `CI=true` alone matches none. */
export function recognizeCiSystem(
  env: Env,
  systems: readonly CiSystem[] = CI_SYSTEMS,
): CiSystem | undefined {
  return systems.find((system) => system.markers.some((marker) => markerMatches(env, marker)));
}

/** Maps one system's variables to attributes, reading only the variables its table names. */
export function mapCiAttributes(
  env: Env,
  system: CiSystem,
  includeActor = false,
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [key, source] of Object.entries(system.attributes)) {
    const value = resolveSource(env, source);
    if (value !== undefined) {
      attributes[key] = value;
    }
  }

  if (includeActor && system.actor !== undefined) {
    const actor = resolveSource(env, system.actor);
    if (actor !== undefined) {
      attributes[ATTR_PROVENANCE_CICD_ACTOR] = actor;
    }
  }
  return attributes;
}

/**
 * Recognises the CI system from its marker variables and maps its variables
 * to attributes, then lays the `PROVENANCE_*` variables over them.
 */
export function detectCi(env: Env, options: DetectCiOptions = {}): CiDetection {
  const system = recognizeCiSystem(env, options.systems);
  const detected = system ? mapCiAttributes(env, system, options.includeActor) : {};
  const explicit = mapCiAttributes(env, EXPLICIT_VARIABLES, options.includeActor);
  return { system, attributes: { ...detected, ...explicit } };
}
