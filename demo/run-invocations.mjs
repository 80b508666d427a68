// Run step of the demo: short-lived function processes in each deployment's pod.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVOCATION_MS, INVOCATIONS, podEnvironment } from './scenario.mjs';

// Maximum time from an invocation's start to its exit, SIGTERM flush included.
const INVOCATION_TIMEOUT_MS = 20_000;

/**
 * Runs INVOCATIONS processes one after another in `deployment`'s pod, alternating between one
 * that exits by itself and one that goes idle after its work and is then sent SIGTERM, each instrumented only by
 * `--import @otel-provenance/node/register`. Resolves with one result per invocation: how it
 * ended, its exit code or signal, its stderr, and the counts it wrote.
 */
export async function runInvocations(deployment, { artifact, otlpEndpoint, home, path, log }) {
  const env = podEnvironment(deployment, { otlpEndpoint, home, path });
  const results = [];
  for (let index = 0; index < INVOCATIONS; index++) {
    const ending = index % 2 === 0 ? 'exit' : 'sigterm';
    const countsFile = join(artifact, `counts-${index}.json`);
    const result = await runInvocation({ artifact, env, countsFile, ending });
    const counts = existsSync(countsFile)
      ? JSON.parse(readFileSync(countsFile, 'utf8'))
      : undefined;
    results.push({ ...result, ending, counts });
    const how = ending === 'exit' ? 'exited by itself' : 'sent SIGTERM';
    const status =
      result.signal === null ? `exit code ${result.code}` : `ended by ${result.signal}`;
    log(
      `  ${deployment.network}: invocation ${index + 1}/${INVOCATIONS} ${how} (${status}) after ${result.elapsedMs} ms, produced ${describeCounts(counts)}`,
    );
  }
  return results;
}

function describeCounts(counts) {
  if (counts === undefined) return 'nothing';
  return `${counts.spans} spans, ${counts.logRecords} log records, ${counts.metricSeries.length} metric series`;
}

function runInvocation({ artifact, env, countsFile, ending }) {
  const started = Date.now();
  const mode = ending === 'exit' ? 'exit' : 'idle';
  const child = spawn(
    process.execPath,
    [
      '--import',
      '@otel-provenance/node/register',
      'app.mjs',
      countsFile,
      mode,
      String(INVOCATION_MS),
    ],
    { cwd: artifact, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => {
    stderr += text;
  });

  return new Promise((resolve) => {
    const deadline = setTimeout(() => child.kill('SIGKILL'), INVOCATION_TIMEOUT_MS);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text) => {
      output += text;
      if (ending === 'sigterm' && output.includes('idle\n')) {
        output = '';
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(deadline);
      resolve({ code, signal, stderr, elapsedMs: Date.now() - started });
    });
  });
}
