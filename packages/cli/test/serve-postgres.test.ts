import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const PASSWORD = 'FAKE-secret-pw';

// A port on 127.0.0.1 that nothing listens on, so the connection is refused at once.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

describe('provenance serve with PostgreSQL', () => {
  let dir: string;
  let url: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-postgres-'));
    url = `postgres://ops:${PASSWORD}@127.0.0.1:${await closedPort()}/timeline`;
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 without the password when unreachable', async () => {
    const run = await runCli(['serve', '--listen', '127.0.0.1:0'], {
      cwd: dir,
      env: { PROVENANCE_POSTGRES_URL: url },
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `could not open the PostgreSQL store at postgres://ops@${new URL(url).host}/timeline`,
    );
    expect(run.stderr).not.toContain(PASSWORD);
    expect(run.stdout).not.toContain(PASSWORD);
    expect(run.stderr).not.toContain('contains a password');
  });

  it('warns about a password in --postgres', async () => {
    const run = await runCli(['serve', '--postgres', url, '--listen', '127.0.0.1:0'], {
      cwd: dir,
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the --postgres URL contains a password');
    expect(run.stderr).toContain('set PROVENANCE_POSTGRES_URL instead');
    expect(run.stderr).not.toContain(PASSWORD);
  });
});
