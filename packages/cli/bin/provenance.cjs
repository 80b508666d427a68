#!/usr/bin/env node
'use strict';

// Committed launcher: pnpm links a workspace bin only when its target exists
// at install time, and dist/ does not exist in a fresh clone before the build.
const path = require('node:path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'index.cjs'));
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('index.cjs')) {
    process.stderr.write(
      'provenance: the CLI is not built (dist/index.cjs is missing); run `pnpm build` first\n',
    );
    process.exit(1);
  }
  throw error;
}

cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
