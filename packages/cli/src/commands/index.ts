import type { Command } from '../command.js';
import { detectCommand } from './detect.js';

/** Every `provenance` subcommand, in the order `--help` lists them. */
export const commands: readonly Command[] = [detectCommand];
