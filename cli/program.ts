/**
 * The `telltale` command line: one subcommand per capability, each a thin label over `shared/`.
 * Exit codes (README "Exit codes"): 0 ok, 1 policy failure / findings / failed controls,
 * 2 usage or input error, 3 internal error.
 */
import { Command, CommanderError } from 'commander';
import { errorMessage, isInputError } from '../shared/util/errors.ts';
import { ExitCode } from '../shared/util/exit-codes.ts';
import { registerCommands } from './commands/index.ts';
import { VERSION } from '../shared/version.ts';
import { examples } from './help.ts';
import { ExitWith, processIO, settleTerminal, type CliIO, type GlobalFlags } from './io.ts';

export function buildProgram(given: CliIO = processIO): Command {
  // One copy per run: the global flags settle colour and quiet on it before any command's action.
  const io: CliIO = { ...given };
  const program = new Command('telltale')
    .description('Tells a team what its pipeline and its cloud really did.')
    .version(VERSION, '-V, --version')
    // Global: accepted before or after the subcommand (`telltale --quiet audit …`, `telltale audit … --quiet`).
    .option('--no-color', 'no colour even on a terminal (NO_COLOR=1 does the same; FORCE_COLOR=1 forces it on)')
    .option('-q, --quiet', 'no progress and no informational lines on stderr; results and errors still printed')
    .addHelpText(
      'after',
      examples([
        ['telltale demo', 'every capability on the bundled samples'],
        ['telltale egress diff egress-report.json', 'what a CI job reached that the manifest does not allow'],
        [
          'telltale --quiet audit -c controls.yaml -f sarif -o audit.sarif',
          'a report for code scanning, nothing else printed',
        ],
      ]) +
        '\nOutput: --format a,b (several formats of one run) and --output FILE|DIR on every reporting command;\ncolour only on a terminal (NO_COLOR or --no-color turn it off); progress only on a terminal.\n',
    )
    // Every subcommand's --help lists --quiet and --no-color too (inherited by the commands added below).
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .hook('preAction', () => settleTerminal(io, program.opts<GlobalFlags>()));
  settleTerminal(io, {});
  registerCommands(program, io);
  // Commander exits 1 on usage errors by default; ours is 2, so every subcommand throws instead.
  for (const command of allCommands(program)) command.exitOverride();
  return program;
}

function* allCommands(command: Command): Generator<Command> {
  yield command;
  for (const sub of command.commands) yield* allCommands(sub);
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof ExitWith) return error.code;
    if (error instanceof CommanderError) {
      // --help and --version end with exitCode 0; every other commander error is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.input;
    }
    if (isInputError(error)) {
      io.stderr(`telltale: ${error.describe()}\n`);
      return ExitCode.input;
    }
    io.stderr(`telltale: internal error: ${errorMessage(error)}\n`);
    if (process.env.TELLTALE_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('  (a bug in telltale: set TELLTALE_DEBUG=1 for the stack and please report it)\n');
    return ExitCode.internal;
  }
}
