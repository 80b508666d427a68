import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Pipeline {
  receivers: string[];
  processors?: string[];
  exporters: string[];
}

interface CollectorConfig {
  receivers: Record<string, unknown>;
  processors?: Record<string, unknown>;
  exporters: Record<string, { endpoint?: string; headers?: Record<string, string> }>;
  service: { pipelines: Record<string, Pipeline> };
}

// Processors that leave resource attributes as the services sent them.
const KEEPS_RESOURCE = new Set(['memory_limiter', 'batch']);

async function loadConfig(): Promise<CollectorConfig> {
  const text = await readFile(new URL('./collector.yaml', import.meta.url), 'utf8');
  return parse(text) as CollectorConfig;
}

describe('Collector example', () => {
  it.each(['traces', 'logs', 'metrics'])('copies %s to the correlator', async (signal) => {
    const config = await loadConfig();
    const pipeline = config.service.pipelines[signal];

    expect(pipeline).toBeDefined();
    expect(pipeline?.receivers).toContain('otlp');
    expect(pipeline?.exporters).toContain('otlphttp/provenance');
    expect(pipeline?.exporters).toContain('otlphttp/backend');
    for (const processor of pipeline?.processors ?? []) {
      expect(KEEPS_RESOURCE.has(processor), processor).toBe(true);
      expect(config.processors?.[processor], processor).toBeDefined();
    }
  });

  it('points the copy at the correlator with its token', async () => {
    const config = await loadConfig();
    const exporter = config.exporters['otlphttp/provenance'];

    expect(exporter?.endpoint).toMatch(/^http:\/\/[^/]+:4318$/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Collector expands ${env:...} itself.
    expect(exporter?.headers?.authorization).toBe('Bearer ${env:PROVENANCE_TOKEN}');
    expect(config.receivers.otlp).toBeDefined();
  });
});
