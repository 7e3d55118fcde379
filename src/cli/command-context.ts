import type { Io } from './io.js';

/** What every command's register() receives from main. */
export interface CommandContext {
  io: Io;
  /** Names of the output formats, for --help (the reporters themselves load lazily). */
  formats: readonly string[];
  /** Sets the exit code main will return. */
  exit(code: number): void;
}
