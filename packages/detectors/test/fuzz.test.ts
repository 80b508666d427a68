import { isIP } from 'node:net';
import { normalizeIp } from '@otel-provenance/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectProvenance } from '../src/detect-provenance.js';
import * as downward from '../src/kubernetes/downward-variables.js';
import { parseCgroup } from '../src/parse/cgroup.js';
import { findHostAddress } from '../src/parse/hosts.js';
import { parseMountinfo } from '../src/parse/mountinfo.js';
import { findClusterDomain } from '../src/parse/resolv-conf.js';
import { resolveProvenanceOptions } from '../src/provenance-options.js';
import { makeRoot } from './support/temp-root.js';

// Fragments of the real formats, so random text reaches the deep branches
// of the parsers and not only their first check.
const FRAGMENTS = [
  '\n',
  ':',
  '/',
  ' ',
  '-',
  '0::/',
  '12:memory:',
  '/docker/',
  '/ecs/',
  'docker-',
  'cri-containerd-',
  'libpod-',
  '.scope',
  'kubepods',
  '-pod',
  'pod',
  '/kubelet/pods/',
  '/containers/',
  '/overlay-containers/',
  '/userdata/',
  '/etc/hostname',
  '/etc/hosts',
  '28505313-4750-4f66-9e91-4e64323b2bb3',
  'a'.repeat(64),
  '0123456789abcdef',
  '\\040',
  'search ',
  '.svc.',
  'cluster.local',
  '10.42.3.27',
  '::',
  'fe80::1%',
  '::ffff:',
  '\u0000',
  '\u2028',
];

const formatLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 200 })
  .map((parts) => parts.join(''));
const randomBytes = fc
  .uint8Array({ maxLength: 4096 })
  .map((bytes) => Buffer.from(bytes).toString('utf8'));
const anyText = fc.oneof(formatLike, randomBytes, fc.string({ unit: 'grapheme', maxLength: 300 }));

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('parsers on random input', () => {
  it.each([
    ['parseCgroup', (text: string) => parseCgroup(text)],
    ['parseMountinfo', (text: string) => parseMountinfo(text)],
    ['findHostAddress', (text: string) => findHostAddress(text, 'ledger-api-0')],
    ['findClusterDomain', (text: string) => findClusterDomain(text, 'payments')],
    ['normalizeIp', (text: string) => normalizeIp(text)],
  ])('%s never throws or returns empty strings', (_, parse) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parse(text);
        expect(strings(result).filter((value) => value === '')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('parses long near-miss lines', () => {
    // A long run of almost-matching segments, the shape that makes a
    // backtracking regular expression slow.
    const segment = `${'a-'.repeat(5000)}po`;
    const text = `0::/kubepods/${segment}/${'f'.repeat(63)}\n`.repeat(20);

    expect(parseCgroup(text)).toEqual({});
    expect(parseMountinfo(text.replaceAll(':', ' '))).toEqual({ kubelet: false });
  });

  it('normalizeIp accepts every generated address', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (address) => {
        expect(normalizeIp(address)).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('normalizeIp returns valid addresses and is idempotent', () => {
    const addresses = fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), anyText);
    fc.assert(
      fc.property(addresses, (text) => {
        const normalized = normalizeIp(text);
        if (normalized === undefined) return;
        expect(isIP(normalized)).not.toBe(0);
        expect(normalizeIp(normalized)).toBe(normalized);
        expect(normalized).toBe(normalized.toLowerCase());
      }),
      { numRuns: 1000 },
    );
  });
});

const VARIABLES = [
  ...downward.POD_NAME_VARIABLES,
  ...downward.POD_NAMESPACE_VARIABLES,
  ...downward.POD_UID_VARIABLES,
  ...downward.NODE_NAME_VARIABLES,
  ...downward.POD_IP_VARIABLES,
  ...downward.NODE_IP_VARIABLES,
  ...downward.CONTAINER_NAME_VARIABLES,
  downward.SERVICE_HOST_VARIABLE,
  downward.CLUSTER_NAME_VARIABLE,
  'HOSTNAME',
  'LAMBDA_TASK_ROOT',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_SERVICE_NAME',
  'PROVENANCE_MANIFEST',
  'PROVENANCE_NETWORK_ID',
  'PROVENANCE_NETWORK_KIND',
  'PROVENANCE_DETECT_NETWORK',
  'PROVENANCE_DETECT_BUDGET_MS',
];

const envValue = fc.oneof(
  anyText,
  fc.constantFrom(
    '',
    ' ',
    '10.42.3.27',
    'k8s.cluster',
    'off',
    '0',
    '-1',
    'NaN',
    'a=b,c=%ZZ',
    '/proc/self/cgroup',
  ),
);
const randomEnv = fc.dictionary(fc.constantFrom(...VARIABLES), envValue);

const FILES = [
  '/proc/self/cgroup',
  '/proc/self/mountinfo',
  '/etc/hostname',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/var/run/secrets/kubernetes.io/serviceaccount/namespace',
  '/app/package.json',
  '/app/provenance.json',
];
const randomFiles = fc.dictionary(fc.constantFrom(...FILES), anyText);

describe('detection on random variables and files', () => {
  it('resolveProvenanceOptions never throws', () => {
    fc.assert(
      fc.property(randomEnv, (env) => {
        const options = resolveProvenanceOptions(env);
        expect(options.budgetMs).toBeGreaterThan(0);
        expect(strings(options).filter((value) => value === '')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('detectProvenance settles without empty strings', async () => {
    await fc.assert(
      fc.asyncProperty(randomEnv, randomFiles, async (env, files) => {
        const root = await makeRoot(files);

        const report = await detectProvenance({
          env,
          root,
          cwd: '/app',
          entryPoint: false,
          budgetMs: 2000,
          networkInterfaces: () => ({}),
        });

        expect(strings(report.attributes).filter((value) => value.trim() === '')).toEqual([]);
        expect(Object.keys(report.sources)).toEqual(Object.keys(report.attributes));
        for (const value of Object.values(report.attributes)) {
          expect(typeof value === 'number' ? Number.isFinite(value) : true).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
