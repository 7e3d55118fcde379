import { Command, CommanderError, Help, type Option } from 'commander';
import { PresenceError } from '../errors.js';
import { register as registerAudit } from './commands/audit.js';
import { register as registerCheck } from './commands/check.js';
import { register as registerFetch } from './commands/fetch.js';
import { register as registerInit } from './commands/init.js';
import { register as registerReport } from './commands/report.js';
import { register as registerRules } from './commands/rules.js';
import type { CommandContext } from './command-context.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';
import { FORMAT_NAMES } from '../reporters/index.js';

export { processIo } from './io.js';

/** A repeatable option starts as an empty list: "(default: [])" would tell the reader nothing. */
function optionDescription(this: Help, option: Option): string {
  const empty = Array.isArray(option.defaultValue) && option.defaultValue.length === 0;
  return Help.prototype.optionDescription.call(this, empty ? Object.assign(Object.create(option) as Option, { defaultValue: undefined }) : option);
}

/**
 * The whole command line: parses argv, runs one command, and returns the exit code.
 * Every error ends here as one line on stderr (the stack only with --debug).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const context: CommandContext = { io, formats: FORMAT_NAMES, exit: (code) => (exitCode = code) };
  const program = new Command('presence')
    .description('Audit a brand’s social presence: load its last posts, score them against YAML rules, print a cleanup report.')
    .version(VERSION, '-v, --version', 'print the version')
    .option('--debug', 'print the stack trace of an unexpected error')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  registerAudit(program, context);
  registerCheck(program, context);
  registerFetch(program, context);
  registerReport(program, context);
  registerRules(program, context);
  registerInit(program, context);
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) });
    command.configureHelp({ optionDescription });
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own message; help and version are not errors.
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (error instanceof PresenceError) {
      io.stderr.write(`presence: ${error.render()}\n`);
      return EXIT.error;
    }
    const debug = argv.includes('--debug');
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`presence: unexpected error: ${message.split('\n')[0]}${debug ? '' : ' (rerun with --debug for the stack trace)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.error;
  }
}
