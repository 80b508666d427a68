// `pnpm demo`: runs the demo, prints progress and the report, and exits 1 when anything was
// lost or unattributed, or a whois result was wrong. Pass --keep to keep the temporary directory.
import { runDemo } from './run-demo.mjs';

const keep = process.argv.includes('--keep');
try {
  const { ok, report } = await runDemo({ log: (line) => console.log(line), keep });
  process.stdout.write(report);
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
