import type { Command } from '../command.js';
import { detectCommand } from './detect.js';
import { stampCommand } from './stamp.js';

/** Every `provenance` subcommand, in the order `--help` lists them. */
export const commands: readonly Command[] = [stampCommand, detectCommand];
