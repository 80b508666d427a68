import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageDirectory, runInProcess } from './run-in-process.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GITHUB_ENV = {
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKFLOW: 'Deploy',
  GITHUB_RUN_ID: '123',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'example-org/shop',
  GITHUB_SHA: 'f0b26536b5a0b2b5c0ec60985f162086c674021e',
  GITHUB_REF_NAME: 'main',
  GITHUB_TOKEN: 'ghs_FAKE-TOKEN-0000',
};
const directories: string[] = [];

async function directoryWith(packageJson?: unknown): Promise<string> {
  const directory = await packageDirectory(packageJson);
  directories.push(directory);
  return directory;
}

async function stampJson(argv: string[], env: Record<string, string>, cwd: string) {
  const result = await runInProcess(['stamp', ...argv], env, cwd);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).attributes as Record<string, string>;
}

afterAll(async () => {
  await Promise.all(
    directories.map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

describe('provenance stamp --format json', () => {
  it('prints a manifest in a GitHub-Actions-like environment', async () => {
    const cwd = await directoryWith({ name: 'shop', version: '1.2.3' });

    const result = await runInProcess(['stamp', '--format', 'json'], GITHUB_ENV, cwd);
    const manifest = JSON.parse(result.stdout);

    expect(result.code).toBe(0);
    expect(Object.keys(manifest)).toEqual(['schemaVersion', 'createdAt', 'attributes']);
    expect(manifest.schemaVersion).toBe(1);
    expect(Date.parse(manifest.createdAt)).toBeGreaterThan(0);
    expect(manifest.attributes['service.name']).toBe('shop');
    expect(manifest.attributes['cicd.pipeline.run.id']).toBe('123');
    expect(manifest.attributes['vcs.ref.head.revision']).toBe(GITHUB_ENV.GITHUB_SHA);
    expect(manifest.attributes['deployment.id']).toMatch(UUID_V7);
    expect(result.stdout).not.toContain('FAKE');
  });

  it('mints a new deployment id per run', async () => {
    const cwd = await directoryWith({ name: 'shop' });

    const first = await stampJson([], {}, cwd);
    const second = await stampJson([], {}, cwd);

    expect(first['deployment.id']).not.toBe(second['deployment.id']);
  });

  it('keeps a given deployment id', async () => {
    const cwd = await directoryWith({ name: 'shop' });
    const id = '0193A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B';

    const attributes = await stampJson(['--deployment-id', id], {}, cwd);

    expect(attributes['deployment.id']).toBe(id.toLowerCase());
  });

  it('sets the environment and repeated attributes', async () => {
    const cwd = await directoryWith({ name: 'shop', version: '1.0.0' });

    const attributes = await stampJson(
      [
        '--environment',
        'staging',
        '--attribute',
        'service.namespace=payments',
        '--attribute',
        'team=a=b',
        '--attribute',
        'service.version=2.0.0',
        '--attribute',
        'service.namespace=billing',
      ],
      {},
      cwd,
    );

    expect(attributes['deployment.environment.name']).toBe('staging');
    expect(attributes['service.namespace']).toBe('billing');
    expect(attributes.team).toBe('a=b');
    expect(attributes['service.version']).toBe('2.0.0');
  });

  it('prefers OTEL_SERVICE_NAME to package.json', async () => {
    const cwd = await directoryWith({ name: 'shop', version: '1.0.0' });

    const attributes = await stampJson([], { OTEL_SERVICE_NAME: 'storefront' }, cwd);

    expect(attributes['service.name']).toBe('storefront');
    expect(attributes['service.version']).toBe('1.0.0');
  });

  it('prefers --attribute service.name to OTEL_SERVICE_NAME', async () => {
    const cwd = await directoryWith({ name: 'shop' });

    const attributes = await stampJson(
      ['--attribute', 'service.name=cart'],
      { OTEL_SERVICE_NAME: 'storefront' },
      cwd,
    );

    expect(attributes['service.name']).toBe('cart');
  });

  it('needs no package.json when the name is given', async () => {
    const cwd = await directoryWith();

    const attributes = await stampJson([], { OTEL_SERVICE_NAME: 'go-service' }, cwd);

    expect(attributes['service.name']).toBe('go-service');
    expect(attributes).not.toHaveProperty(['service.version']);
  });

  it('skips package.json when name and version are given', async () => {
    const cwd = await directoryWith('{ not json');

    const attributes = await stampJson(
      ['--attribute', 'service.version=3.0.0'],
      { OTEL_SERVICE_NAME: 'go-service' },
      cwd,
    );

    expect(attributes['service.name']).toBe('go-service');
    expect(attributes['service.version']).toBe('3.0.0');
  });

  it('treats blank variables as unset', async () => {
    const cwd = await directoryWith({ name: 'shop' });

    const attributes = await stampJson(
      [],
      { ...GITHUB_ENV, GITHUB_WORKFLOW: '  ', OTEL_SERVICE_NAME: '' },
      cwd,
    );

    expect(attributes).not.toHaveProperty(['cicd.pipeline.name']);
    expect(attributes['service.name']).toBe('shop');
  });

  it('records the actor only with --include-actor', async () => {
    const cwd = await directoryWith({ name: 'shop' });
    const env = { ...GITHUB_ENV, GITHUB_ACTOR: 'octo-dev' };

    const without = await runInProcess(['stamp'], env, cwd);
    const withActor = await stampJson(['--include-actor'], env, cwd);

    expect(without.stdout).not.toContain('octo-dev');
    expect(withActor['provenance.cicd.actor']).toBe('octo-dev');
  });

  it('leaves out values with an e-mail address', async () => {
    const cwd = await directoryWith({ name: 'shop' });

    const result = await runInProcess(
      ['stamp', '--attribute', 'owner=Dev <dev@example.com>', '--include-actor'],
      { ...GITHUB_ENV, GITHUB_ACTOR: 'bot@example.com' },
      cwd,
    );

    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('@example.com');
    expect(result.stderr).toContain('owner');
    expect(result.stderr).toContain('provenance.cicd.actor');
    expect(result.stderr).not.toContain('@example.com');
  });

  it('removes control characters and bounds long values', async () => {
    const cwd = await directoryWith({ name: 'shop' });

    const result = await runInProcess(
      ['stamp', '--attribute', `long=${'x'.repeat(5000)}`],
      { ...GITHUB_ENV, GITHUB_REF_NAME: 'main\u001b[2J\nrm' },
      cwd,
    );
    const attributes = JSON.parse(result.stdout).attributes;

    expect(attributes['vcs.ref.head.name']).toBe('main[2Jrm');
    expect(attributes.long).toHaveLength(1024);
    expect(result.stderr.trim().split('\n')).toEqual([
      'provenance stamp: cut 1 value(s) to 1024 characters: long',
    ]);
  });
});

describe('provenance stamp from git', () => {
  it('reads the commit and branch from git when the environment lacks them', async () => {
    const cwd = await directoryWith({ name: 'shop' });
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd, env: { PATH: process.env.PATH, HOME: cwd } })
        .toString()
        .trim();
    git('init', '--quiet', '--initial-branch=trunk');
    git(
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.com',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'first',
    );
    git('remote', 'add', 'origin', 'https://bot:FAKE-GIT-TOKEN@git.example.com/org/shop.git');
    const head = git('rev-parse', 'HEAD');

    const result = await runInProcess(['stamp'], { HOME: cwd }, cwd);
    const attributes = JSON.parse(result.stdout).attributes;

    expect(attributes['vcs.ref.head.revision']).toBe(head);
    expect(attributes['vcs.ref.head.name']).toBe('trunk');
    expect(attributes['vcs.repository.url.full']).toBe('https://git.example.com/org/shop');
    expect(result.stdout).not.toContain('FAKE');
    expect(result.stdout).not.toContain('test@example.com');
  });

  it('prefers the CI commit to git', async () => {
    const cwd = await directoryWith({ name: 'shop' });
    execFileSync('git', ['init', '--quiet'], { cwd });

    const attributes = await stampJson([], GITHUB_ENV, cwd);

    expect(attributes['vcs.ref.head.revision']).toBe(GITHUB_ENV.GITHUB_SHA);
  });
});

describe('provenance stamp other formats', () => {
  it('prints one OTEL_RESOURCE_ATTRIBUTES line for env', async () => {
    const cwd = await directoryWith({ name: 'shop', version: '1.0.0' });

    const result = await runInProcess(
      ['stamp', '--format', 'env', '--attribute', 'note=a, b=c'],
      {},
      cwd,
    );

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OTEL_RESOURCE_ATTRIBUTES=[^\n]+\n$/);
    expect(result.stdout).toContain('note=a%2C%20b%3Dc');
  });

  it('warns naming a key the env form cannot carry', async () => {
    const cwd = await directoryWith({ name: 'shop' });

    const result = await runInProcess(
      ['stamp', '--format', 'env', '--attribute', `big.value=${'v'.repeat(300)}`],
      {},
      cwd,
    );

    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('big.value');
    expect(result.stderr).toContain('left "big.value" out of OTEL_RESOURCE_ATTRIBUTES');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes a dotenv file with a comment', async () => {
    const cwd = await directoryWith({ name: 'shop' });

    const result = await runInProcess(['stamp', '--format', 'dotenv'], {}, cwd);
    const lines = result.stdout.trimEnd().split('\n');

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^# /);
    expect(lines[1]).toMatch(/^OTEL_RESOURCE_ATTRIBUTES=service\.name=shop,deployment\.id=/);
  });

  it('prints Operator pod annotations for k8s', async () => {
    const cwd = await directoryWith({ name: 'shop', version: '1.0.0' });

    const result = await runInProcess(
      ['stamp', '--format', 'k8s', '--attribute', 'note=say "hi"'],
      {},
      cwd,
    );
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith('#'));

    expect(result.code).toBe(0);
    expect(lines[0]).toBe('resource.opentelemetry.io/service.name: "shop"');
    expect(lines[1]).toBe('resource.opentelemetry.io/service.version: "1.0.0"');
    expect(lines).toContain('resource.opentelemetry.io/note: "say \\"hi\\""');
    expect(lines.at(-1)).toMatch(/^resource\.opentelemetry\.io\/deployment\.id: "[0-9a-f-]{36}"$/);
  });

  it('leaves out a key that is no valid annotation name', async () => {
    const cwd = await directoryWith({ name: 'shop' });

    const result = await runInProcess(
      ['stamp', '--format', 'k8s', '--attribute', 'a/b=c'],
      {},
      cwd,
    );

    expect(result.stdout).not.toContain('a/b');
    expect(result.stderr).toContain('left "a/b" out of the annotations');
  });

  it('writes --out atomically and prints nothing', async () => {
    const cwd = await directoryWith({ name: 'shop' });
    await mkdir(join(cwd, 'dist'));

    const result = await runInProcess(['stamp', '--out', 'dist/provenance.json'], {}, cwd);
    const manifest = JSON.parse(await readFile(join(cwd, 'dist', 'provenance.json'), 'utf8'));

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(manifest.attributes['service.name']).toBe('shop');
    expect(await readdir(join(cwd, 'dist'))).toEqual(['provenance.json']);
  });
});

describe('provenance stamp errors', () => {
  it.each([
    ['an unknown flag', ['--frobnicate'], '--frobnicate'],
    [
      'an unknown format',
      ['--format', 'xml'],
      'invalid --format "xml"; expected one of json, env, dotenv, k8s',
    ],
    [
      'an attribute without "="',
      ['--attribute', 'service.namespace'],
      'invalid --attribute "service.namespace"; expected KEY=VALUE',
    ],
    ['an attribute without a key', ['--attribute', '=x'], 'invalid --attribute "=x"'],
    ['an attribute without a value', ['--attribute', 'a='], 'invalid --attribute "a="'],
    [
      'an invalid deployment id',
      ['--deployment-id', 'build-42'],
      'invalid --deployment-id "build-42"; expected a UUID',
    ],
    [
      'the nil UUID',
      ['--deployment-id', '00000000-0000-0000-0000-000000000000'],
      'invalid --deployment-id',
    ],
    [
      'an invalid deployment.id attribute',
      ['--attribute', 'deployment.id=42'],
      'invalid --attribute deployment.id "42"',
    ],
    [
      'a service instance id attribute',
      ['--attribute', 'service.instance.id=pod-1'],
      'invalid --attribute service.instance.id',
    ],
    ['a positional argument', ['extra'], 'unexpected argument "extra"'],
    ['an empty environment', ['--environment', ''], '--environment is empty'],
  ])('exits 2 on %s', async (_case, argv, message) => {
    const cwd = await directoryWith({ name: 'shop' });

    const result = await runInProcess(['stamp', ...argv], {}, cwd);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['invalid JSON', '{"name": "shop",', 'is not valid JSON'],
    ['a JSON array', '[]', 'is not a JSON object'],
    ['a numeric name', { name: 42 }, '"name" in'],
    ['an object version', { name: 'shop', version: { major: 1 } }, '"version" in'],
    ['no name', { version: '1.0.0' }, 'has no "name"'],
    ['no package.json', undefined, 'no package.json in'],
  ])('exits 1 on %s', async (_case, packageJson, message) => {
    const cwd = await directoryWith(packageJson);

    const result = await runInProcess(['stamp'], {}, cwd);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('--attribute service.');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 on an unreadable package.json', async () => {
    const cwd = await directoryWith();
    await mkdir(join(cwd, 'package.json'));

    const result = await runInProcess(['stamp'], {}, cwd);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot read .*package\.json \(EISDIR\)/);
  });

  it('exits 1 when --out cannot be written', async () => {
    const cwd = await directoryWith({ name: 'shop' });

    const result = await runInProcess(['stamp', '--out', 'missing/provenance.json'], {}, cwd);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot write --out missing/provenance.json (ENOENT)');
  });

  it('prints help naming every flag', async () => {
    const result = await runInProcess(['stamp', '--help'], {}, process.cwd());

    for (const flag of [
      '--format',
      '--out',
      '--environment',
      '--attribute',
      '--deployment-id',
      '--include-actor',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });
});
