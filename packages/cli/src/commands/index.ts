import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { detectCommand } from './detect.js';
import { networksCommand } from './networks.js';
import { serveCommand } from './serve.js';
import { stampCommand } from './stamp.js';
import { whoisCommand } from './whois.js';

/** Every `provenance` subcommand, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  stampCommand,
  detectCommand,
  checkCommand,
  serveCommand,
  whoisCommand,
  networksCommand,
];
