import { describe, expect, it } from 'vitest';
import { resolveProvenanceOptions } from '../src/provenance-options.js';
import { captureDiag } from './support/capture-diag.js';

describe('resolveProvenanceOptions', () => {
  const diag = captureDiag();

  it('gives the defaults for an empty environment', () => {
    expect(resolveProvenanceOptions({})).toEqual({ detectNetwork: true, budgetMs: 1000 });
  });

  it('reads every PROVENANCE_ variable', () => {
    const options = resolveProvenanceOptions({
      PROVENANCE_MANIFEST: '/etc/app/provenance.json',
      PROVENANCE_NETWORK_ID: 'vpc-0a7c3e91b5d24f608',
      PROVENANCE_NETWORK_KIND: 'aws.vpc',
      PROVENANCE_DETECT_NETWORK: 'OFF',
      PROVENANCE_DETECT_BUDGET_MS: '250',
    });

    expect(options).toEqual({
      manifestPath: '/etc/app/provenance.json',
      networkId: 'vpc-0a7c3e91b5d24f608',
      networkKind: 'aws.vpc',
      detectNetwork: false,
      budgetMs: 250,
    });
    expect(diag.warn).toEqual([]);
  });

  it('treats blank values as unset', () => {
    const options = resolveProvenanceOptions({
      PROVENANCE_MANIFEST: ' ',
      PROVENANCE_DETECT_NETWORK: '',
      PROVENANCE_DETECT_BUDGET_MS: '\t',
    });

    expect(options).toEqual({ detectNetwork: true, budgetMs: 1000 });
    expect(diag.warn).toEqual([]);
  });

  it.each([
    ['PROVENANCE_DETECT_NETWORK', 'sometimes'],
    ['PROVENANCE_DETECT_BUDGET_MS', '1.5s'],
    ['PROVENANCE_DETECT_BUDGET_MS', '0'],
    ['PROVENANCE_DETECT_BUDGET_MS', '600000'],
  ])('warns once about %s=%s and keeps the default', (name, value) => {
    const first = resolveProvenanceOptions({ [name]: value });
    resolveProvenanceOptions({ [name]: value });

    expect(first).toEqual({ detectNetwork: true, budgetMs: 1000 });
    expect(diag.warn).toHaveLength(1);
    expect(diag.warn[0]).toContain(`${name}="${value}" is invalid`);
  });

  it('warns about a kind without an id', () => {
    const options = resolveProvenanceOptions({ PROVENANCE_NETWORK_KIND: 'gcp.vpc' });

    expect(options.networkId).toBeUndefined();
    expect(diag.warn[0]).toContain('ignored without PROVENANCE_NETWORK_ID');
  });
});
