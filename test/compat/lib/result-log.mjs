/**
 * Collects the outcome of each matrix check and prints it as it happens,
 * then one closing `compat: N passed, N failed, N skipped` line.
 */
export class ResultLog {
  passed = 0;
  failed = 0;
  skipped = 0;

  /** Prints a line of context that is not a check. */
  note(message) {
    process.stdout.write(`  ${message}\n`);
  }

  pass(name, detail = '') {
    this.passed += 1;
    process.stdout.write(`ok    ${name}${detail ? ` (${detail})` : ''}\n`);
  }

  /** Records a failed check with the error's message, indented under it. */
  fail(name, error) {
    this.failed += 1;
    const message = error instanceof Error ? error.message : String(error);
    const indented = message.replace(/\n/g, '\n      ');
    process.stdout.write(`FAIL  ${name}\n      ${indented}\n`);
  }

  skip(name, reason) {
    this.skipped += 1;
    process.stdout.write(`skip  ${name}: ${reason}\n`);
  }

  /** Prints the closing counts; returns true when nothing failed and something ran. */
  printSummary() {
    process.stdout.write(
      `\ncompat: ${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped\n`,
    );
    return this.failed === 0 && this.passed > 0;
  }
}
