import {
  encodeResourceAttributes,
  formatManifest,
  MAX_ENV_ENTRY_LENGTH,
  type Manifest,
} from '@otel-provenance/core';
import type { StampFormat } from './stamp-options.js';

export interface RenderedStamp {
  text: string;
  /** One line per attribute left out of this format, naming the key. */
  warnings: string[];
}

/** The annotation prefix the OpenTelemetry Operator reads resource attributes from. */
export const K8S_ANNOTATION_PREFIX = 'resource.opentelemetry.io/';

// The name part of a Kubernetes annotation key: at most 63 characters,
// alphanumerics at both ends, `-`, `_` and `.` between.
const ANNOTATION_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

function renderEnvLine(manifest: Manifest): RenderedStamp {
  const { value, omitted } = encodeResourceAttributes(manifest.attributes);
  const warnings = omitted.map(
    (key) =>
      `provenance stamp: left "${key}" out of OTEL_RESOURCE_ATTRIBUTES because its key or value is longer than ${MAX_ENV_ENTRY_LENGTH} characters, the OpenTelemetry JS parser's limit; read it from the JSON manifest instead`,
  );
  return { text: `OTEL_RESOURCE_ATTRIBUTES=${value}\n`, warnings };
}

function renderDotenv(manifest: Manifest): RenderedStamp {
  const line = renderEnvLine(manifest);
  const header = `# OpenTelemetry resource attributes, written by provenance stamp at ${manifest.createdAt}\n`;
  return { text: header + line.text, warnings: line.warnings };
}

function renderK8sAnnotations(manifest: Manifest): RenderedStamp {
  const lines = [
    `# Pod annotations for the OpenTelemetry Operator, written by provenance stamp at ${manifest.createdAt}.`,
    '# Place them under the pod template: spec.template.metadata.annotations.',
  ];
  const warnings: string[] = [];

  for (const [key, value] of Object.entries(manifest.attributes)) {
    if (!ANNOTATION_NAME.test(key)) {
      warnings.push(
        `provenance stamp: left "${key}" out of the annotations because it is not a valid annotation name (at most 63 letters, digits, "-", "_" or ".")`,
      );
      continue;
    }
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    // A JSON string is a valid YAML double-quoted scalar.
    lines.push(`${K8S_ANNOTATION_PREFIX}${key}: ${JSON.stringify(text)}`);
  }
  return { text: `${lines.join('\n')}\n`, warnings };
}

/** Renders a manifest in one of the output forms of `provenance stamp`. */
export function renderStamp(manifest: Manifest, format: StampFormat): RenderedStamp {
  switch (format) {
    case 'json':
      return { text: formatManifest(manifest), warnings: [] };
    case 'env':
      return renderEnvLine(manifest);
    case 'dotenv':
      return renderDotenv(manifest);
    case 'k8s':
      return renderK8sAnnotations(manifest);
  }
}
