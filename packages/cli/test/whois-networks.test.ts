import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  openSqliteStore,
  type RunningCorrelator,
  startCorrelator,
} from '@otel-provenance/correlator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLoopbackHost, parseListen } from '../src/commands/serve.js';
import { CliError } from '../src/exit-codes.js';
import { loadCorrelator } from '../src/load-correlator.js';
import { runCli } from './run-cli.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;

function event(network: string, instanceId: string, kind: 'state' | 'delete', timeMs: number) {
  return {
    network,
    address: '10.0.0.7',
    networkResolution: 'reported' as const,
    asset: {
      serviceName: `svc-${instanceId}`,
      serviceVersion: '1.0.0',
      deploymentId: 'd-1',
      instanceId,
    },
    kind,
    timeMs,
    intervalMs: MIN,
    peer: '127.0.0.1:1',
    credential: null,
  };
}

describe('provenance whois and networks', () => {
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'whois-'));
    const store = await openSqliteStore({ path: join(dir, 'provenance.db') });
    await store.write({
      events: [
        event('vpc-a', 'a-1', 'state', T0),
        event('vpc-a', 'a-1', 'state', T0 + MIN),
        event('vpc-a', 'a-1', 'delete', T0 + 3 * MIN),
        event('vpc-b', 'b-1', 'state', T0 + MIN),
        event('vpc-a', 'c-1', 'state', T0 + 4 * MIN),
      ],
      sightings: [],
    });
    await store.close();
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints every candidate and ambiguity from the default database', async () => {
    const run = await runCli(['whois', '10.0.0.7', '--at', new Date(T0 + 2 * MIN).toISOString()], {
      cwd: dir,
    });
    const answer = JSON.parse(run.stdout);

    expect(run.code).toBe(0);
    expect(answer.candidates.map((c: { network: string }) => c.network).sort()).toEqual([
      'vpc-a',
      'vpc-b',
    ]);
    expect(answer.ambiguous).toBe(true);
  });

  // Node servers log IPv4 peers of a dual-stack socket in this form.
  it('finds an IPv4 lease by its IPv4-mapped address', async () => {
    const at = new Date(T0 + 2 * MIN).toISOString();
    const run = await runCli(['whois', '::ffff:10.0.0.7', '--network', 'vpc-a', '--at', at], {
      cwd: dir,
    });
    const answer = JSON.parse(run.stdout);

    expect(run.code).toBe(0);
    expect(answer.ip).toBe('10.0.0.7');
    expect(answer.candidates.map((c: Record<string, string>) => c['service.instance.id'])).toEqual([
      'a-1',
    ]);
  });

  it.each([
    ['vpc-a', T0 + 2 * MIN, ['a-1']],
    ['vpc-a', T0 + 3.5 * MIN, []],
    ['vpc-a', T0 + 4.5 * MIN, ['c-1']],
    ['vpc-b', T0 + 2 * MIN, ['b-1']],
  ])('narrows to %s at %d', async (network, atMs, owners) => {
    const run = await runCli(
      [
        'whois',
        '10.0.0.7',
        '--network',
        network,
        '--at',
        new Date(atMs).toISOString(),
        '--db',
        'provenance.db',
      ],
      { cwd: dir },
    );
    const answer = JSON.parse(run.stdout);

    expect(answer.candidates.map((c: Record<string, string>) => c['service.instance.id'])).toEqual(
      owners,
    );
    expect(answer.ambiguous).toBe(false);
  });

  it('prints a table', async () => {
    const run = await runCli(
      ['whois', '10.0.0.7', '--at', new Date(T0 + 30_000).toISOString(), '--format', 'table'],
      { cwd: dir },
    );

    expect(run.stdout).toContain('1 candidate(s)');
    expect(run.stdout).toMatch(/vpc-a\s+svc-a-1\s+1\.0\.0/);
  });

  it('asks a running correlator with the token from the environment', async () => {
    const store = await openSqliteStore({ path: join(dir, 'provenance.db') });
    const running: RunningCorrelator = await startCorrelator({
      store,
      port: 0,
      token: 'tok',
      retentionMs: 0,
      log: () => {},
    });
    try {
      const at = new Date(T0 + 2 * MIN).toISOString();
      const withToken = await runCli(
        ['whois', '10.0.0.7', '--url', running.url, '--network', 'vpc-b', '--at', at],
        { env: { PROVENANCE_TOKEN: 'tok' } },
      );
      const mapped = await runCli(
        ['whois', '::ffff:a00:7', '--url', running.url, '--network', 'vpc-b', '--at', at],
        { env: { PROVENANCE_TOKEN: 'tok' } },
      );
      const without = await runCli(['whois', '10.0.0.7', '--url', running.url, '--at', at]);

      expect(JSON.parse(withToken.stdout).candidates[0]['service.instance.id']).toBe('b-1');
      expect(JSON.parse(mapped.stdout).candidates[0]['service.instance.id']).toBe('b-1');
      expect(without.code).toBe(1);
      expect(without.stderr).toContain('401');
    } finally {
      await running.close();
      await store.close();
    }
  });

  it('registers, lists, overlaps and removes ranges', async () => {
    const add = await runCli(
      ['networks', 'add', 'vpc-a', '10.0.0.0/16', '--from', '2026-01-01T00:00:00Z'],
      { cwd: dir },
    );
    await runCli(['networks', 'add', 'vpc-b', '10.0.1.0/24'], { cwd: dir });
    const overlaps = await runCli(['networks', 'overlaps'], { cwd: dir });
    const remove = await runCli(['networks', 'remove', 'vpc-b', '10.0.1.0/24'], { cwd: dir });
    const list = await runCli(['networks', 'list'], { cwd: dir });

    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout).ranges[0].from).toBe('2026-01-01T00:00:00.000Z');
    expect(JSON.parse(overlaps.stdout).overlaps).toHaveLength(1);
    expect(JSON.parse(remove.stdout)).toEqual({ removed: 1 });
    expect(
      JSON.parse(list.stdout).ranges.find((r: { network: string }) => r.network === 'vpc-b').until,
    ).not.toBeNull();
  });

  it('manages ranges through a running correlator', async () => {
    const store = await openSqliteStore({ path: join(dir, 'provenance.db') });
    const running = await startCorrelator({ store, port: 0, retentionMs: 0, log: () => {} });
    try {
      const url = ['--url', running.url];
      const add = await runCli([
        'networks',
        'add',
        'vpc-a',
        '10.0.0.0/16',
        '--from',
        '2026-01-01T00:00:00Z',
        ...url,
      ]);
      await runCli(['networks', 'add', 'vpc-b', '10.0.1.0/24', ...url]);
      const overlaps = await runCli(['networks', 'overlaps', ...url]);
      const remove = await runCli(['networks', 'remove', 'vpc-b', '10.0.1.0/24', ...url]);
      const list = await runCli(['networks', 'list', ...url]);

      expect(JSON.parse(add.stdout).ranges[0]).toEqual({
        network: 'vpc-a',
        cidr: '10.0.0.0/16',
        from: '2026-01-01T00:00:00.000Z',
        until: null,
      });
      expect(JSON.parse(overlaps.stdout).overlaps).toHaveLength(1);
      expect(JSON.parse(remove.stdout)).toEqual({ removed: 1 });
      expect(JSON.parse(list.stdout).ranges).toHaveLength(2);
    } finally {
      await running.close();
      await store.close();
    }
  });

  it.each([
    [['whois'], 'missing IP'],
    [['whois', 'nope', '--db', 'provenance.db'], 'invalid IP address "nope"'],
    [['whois', '10.0.0.7', '--at', 'noon'], 'invalid --at "noon"'],
    [['whois', '10.0.0.7', '--at', '2026-01-31T12:00:00'], 'invalid --at "2026-01-31T12:00:00"'],
    [
      ['networks', 'add', 'vpc-a', '10.0.0.0/16', '--from', '2026-02-30T00:00:00Z'],
      'invalid --from "2026-02-30T00:00:00Z"',
    ],
    [['whois', '10.0.0.7', '--url', 'x', '--db', 'y'], 'either --url or --db'],
    [['whois', '10.0.0.7', '--url', 'ftp://127.0.0.1:1'], 'invalid --url "ftp://127.0.0.1:1"'],
    [['networks', 'list', '--url', 'http://127.0.0.1:1/?q=1'], 'without credentials or a query'],
    [['whois', '10.0.0.7', '--network', ' ', '--db', 'provenance.db'], '--network is empty'],
    [['networks', 'add', 'vpc-a'], 'expected ID and at least one CIDR'],
    [['networks', 'add', '', '10.0.0.0/16', '--db', 'provenance.db'], 'network ID is empty'],
    [['networks', 'add', 'vpc-a', '10.0.0.0/99', '--db', 'provenance.db'], 'invalid CIDR range'],
    [['networks', 'rename'], 'unknown subcommand "rename"'],
    [
      ['serve', '--postgres', 'postgres://localhost/x', '--db', 'a.db'],
      'either --db or --postgres',
    ],
    [['serve', '--listen', 'localhost'], 'invalid --listen "localhost"'],
  ])('exits 2 for %j', async (argv, message) => {
    const run = await runCli(argv, { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('exits 1 naming the URL when no correlator runs there', async () => {
    const store = await openSqliteStore({ path: join(dir, 'provenance.db') });
    const running = await startCorrelator({ store, port: 0, retentionMs: 0, log: () => {} });
    const url = running.url;
    await running.close();
    await store.close();

    const run = await runCli(['whois', '10.0.0.7', '--url', url]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`GET ${url}/api/v1/whois`);
    expect(run.stderr).toContain('check that the correlator runs there');
  });

  it('creates the database on networks add', async () => {
    const add = await runCli(['networks', 'add', 'vpc-new', '10.9.0.0/16', '--db', 'new.db'], {
      cwd: dir,
    });
    const list = await runCli(['networks', 'list', '--db', 'new.db'], { cwd: dir });

    expect(add.code).toBe(0);
    expect(JSON.parse(list.stdout).ranges.map((r: { cidr: string }) => r.cidr)).toEqual([
      '10.9.0.0/16',
    ]);
  });

  it('exits 3 on networks list without a database', async () => {
    const run = await runCli(['networks', 'list', '--db', 'none.db'], { cwd: dir });

    expect(run.code).toBe(3);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });

  it.each([
    [['whois', '999.1.1.1', '--db', 'absent.db'], 'invalid IP address "999.1.1.1"'],
    [['networks', 'add', 'vpc-a', '10.0.0.0/33', '--db', 'absent.db'], 'invalid CIDR range'],
    [['networks', 'remove', 'vpc-a', 'zz', '--db', 'absent.db'], 'invalid CIDR range "zz"'],
  ])('checks %j before the database', async (argv, message) => {
    const run = await runCli(argv, { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(dir, 'absent.db'))).toBe(false);
  });

  it('never prints credentials given in --url', async () => {
    const run = await runCli(['whois', '10.0.0.7', '--url', 'http://ops:FAKE-PASS@127.0.0.1:1'], {
      cwd: dir,
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('put the token in PROVENANCE_TOKEN');
    expect(run.stderr).not.toContain('FAKE-PASS');
  });

  it.each(['ops:FAKE-PASS@127.0.0.1:1', 'ftp://ops:FAKE-PASS@127.0.0.1:1'])(
    'hides credentials in the invalid --url %s',
    async (url) => {
      const run = await runCli(['networks', 'list', '--url', url], { cwd: dir });

      expect(run.code).toBe(2);
      expect(run.stderr).toContain('invalid --url');
      expect(run.stderr).not.toContain('FAKE-PASS');
    },
  );

  it('exits 3 when the database file does not exist', async () => {
    const run = await runCli(['whois', '10.0.0.7', '--db', 'none.db'], { cwd: dir });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no database at');
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });
});

describe('provenance serve', () => {
  it('exits 1 naming the address when the port is taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-'));
    const store = await openSqliteStore({ path: join(dir, 'taken.db') });
    const running = await startCorrelator({ store, port: 0, log: () => {} });
    try {
      const run = await runCli(
        ['serve', '--db', 'serve.db', '--listen', `127.0.0.1:${running.port}`],
        { cwd: dir },
      );

      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`cannot listen on 127.0.0.1:${running.port}`);
    } finally {
      await running.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 3 when the database cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-'));
    try {
      const run = await runCli(['serve', '--db', '.', '--listen', '127.0.0.1:0'], { cwd: dir });

      expect(run.code).toBe(3);
      expect(run.stderr).toContain('cannot open the database');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loadCorrelator', () => {
  it('names the package to install when it is missing', async () => {
    const error = await loadCorrelator(
      'whois',
      (name) => import(name),
      '@otel-provenance/not-installed',
    ).catch((e) => e);

    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('npm install @otel-provenance/correlator');
  });

  it('loads the installed correlator', async () => {
    const correlator = await loadCorrelator('serve');

    expect(typeof correlator.startCorrelator).toBe('function');
  });
});

describe('parseListen', () => {
  it.each([
    ['127.0.0.1:4318', { host: '127.0.0.1', port: 4318 }],
    ['0.0.0.0:0', { host: '0.0.0.0', port: 0 }],
    ['[::1]:9000', { host: '::1', port: 9000 }],
  ])('parses %s', (value, expected) => {
    expect(parseListen(value)).toEqual(expected);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['127.example.com', false],
  ])('treats %s as loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('rejects a port over 65535', () => {
    expect(() => parseListen('127.0.0.1:70000')).toThrow('invalid --listen');
  });
});
