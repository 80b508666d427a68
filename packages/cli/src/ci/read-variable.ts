import type { Marker, ValueSource } from './ci-system.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Returns a variable's trimmed value, or `undefined` when it is unset or blank. */
export function readVariable(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Reports whether a marker matches the environment. */
export function markerMatches(env: Env, marker: Marker): boolean {
  const value = readVariable(env, marker.variable);
  if (value === undefined) {
    return false;
  }
  return marker.equals === undefined || value.toLowerCase() === marker.equals.toLowerCase();
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function fillTemplate(env: Env, template: string): string | undefined {
  let missing = false;
  const filled = template.replace(PLACEHOLDER, (_placeholder, name: string) => {
    const value = readVariable(env, name);
    if (value === undefined) {
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? undefined : filled;
}

function transform(
  value: string,
  source: { removePrefix?: readonly string[]; match?: string; ignore?: readonly string[] },
): string | undefined {
  if (source.ignore?.includes(value)) {
    return undefined;
  }

  let result = value;
  for (const prefix of source.removePrefix ?? []) {
    if (result.startsWith(prefix)) {
      result = result.slice(prefix.length);
      break;
    }
  }

  if (source.match !== undefined) {
    result = new RegExp(source.match).exec(result)?.[1] ?? '';
  }
  return result.trim() === '' ? undefined : result;
}

/** Resolves a value source against the environment, or `undefined` when it yields nothing. */
export function resolveSource(env: Env, source: ValueSource): string | undefined {
  if (typeof source === 'string') {
    return readVariable(env, source);
  }
  if ('firstOf' in source) {
    for (const item of source.firstOf) {
      const value = resolveSource(env, item);
      if (value !== undefined) {
        return value;
      }
    }
    return undefined;
  }
  if ('template' in source) {
    return fillTemplate(env, source.template);
  }

  const value = readVariable(env, source.variable);
  return value === undefined ? undefined : transform(value, source);
}

/** Lists every variable a value source may read, for docs and tests. */
export function variablesOf(source: ValueSource): string[] {
  if (typeof source === 'string') {
    return [source];
  }
  if ('firstOf' in source) {
    return source.firstOf.flatMap(variablesOf);
  }
  if ('template' in source) {
    return [...source.template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
  }
  return [source.variable];
}
