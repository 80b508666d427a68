import { isAbsolute, join } from 'node:path';
import { ATTR_SERVICE_INSTANCE_ID } from '@opentelemetry/semantic-conventions';
import {
  ATTR_DEPLOYMENT_ID,
  ATTR_PROVENANCE_DEPLOYMENT_ID_SOURCE,
  MANIFEST_FILE_NAME,
  validateManifest,
} from '@otel-provenance/core';
import {
  type ContextOptions,
  createDetectionContext,
  type DetectionContext,
} from '../detection-context.js';
import { immediateAttributes, type OtelAttributes, type ProvenanceDetector } from '../detector.js';
import { envValue } from '../env-value.js';
import { readTextFileSync } from '../io/read-file.js';
import { warnOnce } from '../warn-once.js';

/** Loads the manifest's attributes once per context, or none when there is no valid manifest. */
export function loadManifest(context: DetectionContext): OtelAttributes {
  return context.memo('manifest', () => readManifestAttributes(context));
}

function candidatePaths(context: DetectionContext): { path: string; explicit: boolean }[] {
  if (context.manifestPath !== undefined) {
    const path = isAbsolute(context.manifestPath)
      ? context.manifestPath
      : join(context.cwd, context.manifestPath);
    return [{ path, explicit: true }];
  }

  const paths = [{ path: join(context.cwd, MANIFEST_FILE_NAME), explicit: false }];
  const taskRoot = envValue(context.env, 'LAMBDA_TASK_ROOT');
  if (taskRoot !== undefined && isAbsolute(taskRoot)) {
    paths.push({ path: join(taskRoot, MANIFEST_FILE_NAME), explicit: false });
  }
  return paths;
}

function readManifestAttributes(context: DetectionContext): OtelAttributes {
  for (const { path, explicit } of candidatePaths(context)) {
    const read = readTextFileSync(context.root, path);
    if (read.text === undefined) {
      if (explicit || (read.code !== 'ENOENT' && read.code !== 'ENOTDIR')) {
        warnOnce(
          `provenance: manifest ${path} cannot be read (${read.code}); check PROVENANCE_MANIFEST or the file's permissions`,
        );
      }
      continue;
    }

    let parsed: unknown;
    try {
      parsed = JSON.parse(read.text);
    } catch (error) {
      warnOnce(
        `provenance: manifest ${path} is not valid JSON (${(error as Error).message}); rewrite it with \`provenance stamp\``,
      );
      return {};
    }

    const result = validateManifest(parsed);
    if (!result.ok) {
      warnOnce(`provenance: manifest ${path} is invalid and ignored: ${result.errors.join('; ')}`);
      return {};
    }
    const attributes: Record<string, unknown> = { ...result.manifest.attributes };
    // Every instance of the artifact reads the same manifest, so an instance id in it would
    // not be unique. The service instance detector supplies one per process instead.
    if (attributes[ATTR_SERVICE_INSTANCE_ID] !== undefined) {
      delete attributes[ATTR_SERVICE_INSTANCE_ID];
      warnOnce(
        `provenance: manifest ${path} sets ${ATTR_SERVICE_INSTANCE_ID}, which every instance would share, so it is ignored; remove it from the manifest`,
      );
    }
    if (attributes[ATTR_DEPLOYMENT_ID] !== undefined) {
      attributes[ATTR_PROVENANCE_DEPLOYMENT_ID_SOURCE] ??= 'manifest';
    }
    return immediateAttributes('manifest', attributes);
  }
  return {};
}

/**
 * Detects the identity stamped in CI: the manifest at `PROVENANCE_MANIFEST`,
 * else `provenance.json` in the working directory, else in
 * `$LAMBDA_TASK_ROOT`, adding `provenance.deployment.id.source` = `manifest`
 * when it gives `deployment.id` and leaving out `service.instance.id`, with a warning,
 * because every instance shares the manifest. A missing file at a default place is silent. A named
 * file that is missing, or any malformed or invalid file, is one `diag.warn`
 * naming the path and the problem, and detection goes on without it. Reads
 * synchronously because the manifest's keys are known only after reading.
 */
export function manifestDetector(
  options: ContextOptions = {},
  context = createDetectionContext(options),
): ProvenanceDetector {
  return {
    name: 'manifest',
    detect: () => ({ attributes: loadManifest(context) }),
  };
}
