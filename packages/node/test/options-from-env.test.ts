import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../src/index.js';

describe('optionsFromEnv', () => {
  it('reads every PROVENANCE_* setting', () => {
    const env = {
      PROVENANCE_RECORD_ATTRIBUTES: 'service.name,host.ip',
      PROVENANCE_FLUSH_TIMEOUT_MS: '1500',
      PROVENANCE_ENTITY_REPORT_INTERVAL_S: '0',
    };

    const { options, warnings } = optionsFromEnv(env);

    expect(warnings).toEqual([]);
    expect(options).toMatchObject({
      recordAttributes: ['service.name', 'host.ip'],
      flushTimeoutMs: 1500,
      entityReportIntervalSeconds: 0,
    });
  });

  it('treats blank values as unset', () => {
    const { options, warnings } = optionsFromEnv({ PROVENANCE_FLUSH_TIMEOUT_MS: '  ' });

    expect(warnings).toEqual([]);
    expect(options.flushTimeoutMs).toBeUndefined();
  });

  it.each([
    ['PROVENANCE_FLUSH_TIMEOUT_MS', '0'],
    ['PROVENANCE_FLUSH_TIMEOUT_MS', '2s'],
    ['PROVENANCE_ENTITY_REPORT_INTERVAL_S', '-1'],
  ])('warns about %s=%s and keeps the default', (name, value) => {
    const { options, warnings } = optionsFromEnv({ [name]: value });

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${name}="${value}" is invalid`);
    expect(Object.keys(options)).toEqual(['env']);
  });

  it('warns about an invalid attribute list and falls back to compact', () => {
    const { options, warnings } = optionsFromEnv({ PROVENANCE_RECORD_ATTRIBUTES: 'service name' });

    expect(warnings[0]).toContain('PROVENANCE_RECORD_ATTRIBUTES');
    expect(options.recordAttributes).toContain('deployment.id');
  });
});
