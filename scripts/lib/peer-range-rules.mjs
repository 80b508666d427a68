import semver from 'semver';

// Packages whose versions the compatibility matrix pins; a peer outside this
// scope (such as the CLI's optional peer on our own correlator) is not checked.
const CHECKED_SCOPE = '@opentelemetry/';

// The SDK majors pin the API to one minor (SDK 2.x: api <1.10, SDK 3.x: api
// 1.10), so for the API a minor is a release line of its own.
const MINOR_LINE_PACKAGES = new Set(['@opentelemetry/api']);

/**
 * Returns the release line a version belongs to: the major for stable
 * packages, the minor for 0.x packages (npm's caret treats each 0.x minor as
 * breaking) and for `@opentelemetry/api`.
 *
 * @param {string} name
 * @param {string} version
 */
export function releaseLine(name, version) {
  const parsed = semver.parse(version);
  if (!parsed) throw new Error(`${name}: "${version}" is not a valid version`);
  if (parsed.major === 0 || MINOR_LINE_PACKAGES.has(name)) return `${parsed.major}.${parsed.minor}`;
  return `${parsed.major}`;
}

/** Returns the first version of the release line right after `version`'s. */
function nextLineStart(name, version) {
  const parsed = semver.parse(version);
  if (parsed.major === 0 || MINOR_LINE_PACKAGES.has(name)) {
    return `${parsed.major}.${parsed.minor + 1}.0`;
  }
  return `${parsed.major + 1}.0.0`;
}

/**
 * Returns whether a matrix line installs and tests `packageName`. A line
 * without a `packages` list covers every workspace package.
 *
 * @param {{ packages?: string[] }} line
 * @param {string} packageName
 */
export function lineCovers(line, packageName) {
  return line.packages === undefined || line.packages.includes(packageName);
}

/**
 * Collects the versions of the peer `name` that the matrix tests together
 * with `packageName`, each with the set it comes from, and the sets of those
 * lines that do not pin `name` at all.
 *
 * @param {{ lines: Array<{ name: string, packages?: string[], sets: Record<string, Record<string, string>> }> }} matrix
 * @param {string} packageName
 * @param {string} name
 */
export function testedVersions(matrix, packageName, name) {
  const tested = [];
  const missingFrom = [];

  for (const line of matrix.lines) {
    if (!lineCovers(line, packageName)) continue;

    for (const [setName, versions] of Object.entries(line.sets)) {
      const where = `${line.name} ${setName}`;
      if (versions[name] === undefined) missingFrom.push(where);
      else tested.push({ version: versions[name], where });
    }
  }
  return { tested, missingFrom };
}

/**
 * Checks one package manifest against the matrix lines that cover it and
 * returns one message per disagreement (an empty list means it agrees):
 * - no matrix line covers the package;
 * - `@opentelemetry/api` in `dependencies` or `optionalDependencies` (a second
 *   copy of the API keeps its own global providers);
 * - an `@opentelemetry/*` peer that some version set does not pin, unless it
 *   is marked optional in `peerDependenciesMeta`;
 * - a peer range that excludes a tested version, admits a version below the
 *   lowest tested one, or admits a release line that no set tests.
 *
 * @param {{ name: string, dependencies?: Record<string, string>, optionalDependencies?: Record<string, string>, peerDependencies?: Record<string, string>, peerDependenciesMeta?: Record<string, { optional?: boolean }> }} manifest
 * @param {Parameters<typeof testedVersions>[0]} matrix
 * @returns {string[]}
 */
export function checkManifest(manifest, matrix) {
  const problems = [];

  if (!matrix.lines.some((line) => lineCovers(line, manifest.name))) {
    problems.push(`${manifest.name}: no line of test/compat/matrix.json covers it`);
  }

  for (const field of ['dependencies', 'optionalDependencies']) {
    if (manifest[field]?.['@opentelemetry/api'] !== undefined) {
      problems.push(
        `${manifest.name}: @opentelemetry/api is in ${field}; move it to peerDependencies so the application's single copy is used`,
      );
    }
  }

  for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
    if (!name.startsWith(CHECKED_SCOPE)) continue;

    const optional = manifest.peerDependenciesMeta?.[name]?.optional === true;
    problems.push(...checkPeerRange(manifest.name, name, range, optional, matrix));
  }
  return problems;
}

function checkPeerRange(packageName, name, range, optional, matrix) {
  const prefix = `${packageName}: peer ${name} "${range}"`;
  const validRange = semver.validRange(range);
  if (!validRange) return [`${prefix} is not a valid semver range`];

  const { tested, missingFrom } = testedVersions(matrix, packageName, name);
  if (tested.length === 0) {
    return [
      `${prefix} is tested by no version set; pin ${name} in the sets of test/compat/matrix.json`,
    ];
  }

  const problems = [];
  if (missingFrom.length > 0 && !optional) {
    problems.push(
      `${prefix} is required but not pinned by ${missingFrom.join(', ')}; pin it there or mark it optional in peerDependenciesMeta`,
    );
  }

  for (const { version, where } of tested) {
    if (!semver.satisfies(version, range)) {
      problems.push(`${prefix} excludes ${version}, which ${where} tests`);
    }
  }

  const sorted = tested.map(({ version }) => version).sort(semver.compare);
  // A range is a union of intervals. An interval that contains a tested
  // version and reaches into a later line contains that line's first version.
  // An interval that starts lower in a line starts at its alternative's
  // minimum. So these probes find every untested version a range admits.
  const lowestByLine = new Map();
  for (const version of sorted) {
    const line = releaseLine(name, version);
    if (!lowestByLine.has(line)) lowestByLine.set(line, version);
  }
  const probes = [
    ...sorted.map((version) => nextLineStart(name, version)),
    ...new semver.Range(range).set.map(
      (alternative) => semver.minVersion(alternative.map(String).join(' '))?.version,
    ),
  ];

  for (const probe of probes) {
    if (probe === undefined || !semver.satisfies(probe, range)) continue;

    const lineLowest = lowestByLine.get(releaseLine(name, probe));
    if (lineLowest === undefined) {
      problems.push(`${prefix} admits ${probe}, a release line that no version set tests`);
    } else if (semver.lt(probe, lineLowest)) {
      problems.push(
        `${prefix} admits ${probe}, below ${lineLowest}, the lowest tested in its line`,
      );
    }
  }
  return [...new Set(problems)];
}

/**
 * Checks that every matrix line with a `packages` list also lists the
 * workspace packages those depend on, because the consumer installs only the
 * listed tarballs and npm would look the others up in the registry. Returns
 * one message per missing package.
 *
 * @param {{ lines: Array<{ name: string, packages?: string[] }> }} matrix
 * @param {Array<{ name: string, dependencies?: Record<string, string> }>} manifests workspace packages
 * @returns {string[]}
 */
export function checkLineClosure(matrix, manifests) {
  const workspaceNames = new Set(manifests.map((manifest) => manifest.name));
  const problems = [];

  for (const line of matrix.lines) {
    if (line.packages === undefined) continue;

    for (const manifest of manifests) {
      if (!line.packages.includes(manifest.name)) continue;

      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        if (workspaceNames.has(dependency) && !line.packages.includes(dependency)) {
          problems.push(
            `matrix line ${line.name} covers ${manifest.name} but not its dependency ${dependency}; add it to "packages"`,
          );
        }
      }
    }
  }
  return problems;
}
