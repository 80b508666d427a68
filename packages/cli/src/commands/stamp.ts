import { resolve } from 'node:path';
import { MANIFEST_SCHEMA_VERSION, type Manifest, writeFileAtomic } from '@otel-provenance/core';
import type { Command } from '../command.js';
import { CliError, EXIT_FAILURE, EXIT_OK } from '../exit-codes.js';
import { renderStamp } from '../stamp/render-stamp.js';
import { collectStampAttributes } from '../stamp/stamp-attributes.js';
import { parseStampOptions } from '../stamp/stamp-options.js';

const HELP = `Usage: provenance stamp [options]

Writes the deployment manifest of this build: service name and version from
./package.json, the pipeline run and commit from the CI system's variables
(or git in the working directory), and a new deployment.id (UUIDv7).

Options:
  --format json|env|dotenv|k8s  output form (default: json)
                                  json    the manifest {"schemaVersion", "createdAt", "attributes"}
                                  env     one OTEL_RESOURCE_ATTRIBUTES=... line
                                  dotenv  the same line in a dotenv file
                                  k8s     resource.opentelemetry.io/<key> pod annotations (YAML)
  --out FILE                    write to FILE atomically instead of stdout
  --environment NAME            set deployment.environment.name
  --attribute KEY=VALUE         set or replace one attribute; repeatable
  --deployment-id UUID          keep this deployment id instead of minting one
  --include-actor               record the login that started the run (provenance.cicd.actor)
  -h, --help                    show this help

Recognised CI systems: GitHub Actions, GitLab CI/CD, Jenkins, CircleCI, Azure
Pipelines, Bitbucket Pipelines, Buildkite, AWS CodeBuild, Travis CI, Drone,
Woodpecker, TeamCity. Elsewhere set PROVENANCE_CICD_* and PROVENANCE_VCS_*
variables (see the @otel-provenance/cli README).

Exit status: 0 written, 1 unusable package.json or output file, 2 usage error.
`;

/** `provenance stamp`: writes the deployment manifest in CI. */
export const stampCommand: Command = {
  name: 'stamp',
  summary: 'write the deployment manifest of this build (run it in CI)',
  help: HELP,
  async run(argv, io) {
    const options = parseStampOptions(argv);
    const { attributes, warnings } = await collectStampAttributes(options, io);
    const manifest: Manifest = {
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      attributes,
    };
    const rendered = renderStamp(manifest, options.format);

    for (const warning of [...warnings, ...rendered.warnings]) {
      io.stderr(`${warning}\n`);
    }

    if (options.out === undefined) {
      io.stdout(rendered.text);
      return EXIT_OK;
    }
    try {
      await writeFileAtomic(resolve(io.cwd, options.out), rendered.text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CliError(
        `provenance stamp: cannot write --out ${options.out} (${code}); check that its folder exists and is writable`,
        EXIT_FAILURE,
        'OUTPUT',
      );
    }
    return EXIT_OK;
  },
};
