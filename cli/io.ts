/** How CLI commands talk to the terminal, so tests can run them in-process and read what they print. */
import { logText } from '../shared/report/step-log.ts';
import { colorEnabled, palette, progress, type Palette, type Progress } from '../shared/report/terminal.ts';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal: the default format may be one read by eye (a table) rather than Markdown. */
  isTTY?: boolean;
  /** stderr is a terminal: progress lines may be drawn there. */
  stderrIsTTY?: boolean;
  /** Environment read for NO_COLOR / FORCE_COLOR / TERM (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Decided once by the program before a command runs (TTY, NO_COLOR, --no-color, FORCE_COLOR). */
  color?: boolean;
  /** `--quiet`: no progress and no informational stderr lines; results and errors still printed. */
  quiet?: boolean;
}

/**
 * Inside an Actions job the runner reads stderr as a command channel: diagnostics (which quote host
 * names, file names, API messages) are neutralised there. stdout is left as it is: it is the
 * command's result (JSON, Markdown) and may be redirected to a file a later step parses.
 */
export function stderrForActions(text: string): string {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const safe = logText(body);
  return safe === body ? text : `${safe}\n`;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(process.env.GITHUB_ACTIONS === 'true' ? stderrForActions(text) : text),
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
};

/** The global flags every command shares (declared in program.ts). */
export interface GlobalFlags {
  color?: boolean;
  quiet?: boolean;
}

/** Settles colour and quiet for this run from the streams, the environment and the global flags. */
export function settleTerminal(io: CliIO, flags: GlobalFlags): void {
  io.color = colorEnabled({ isTTY: io.isTTY === true, env: io.env ?? process.env, noColorFlag: flags.color === false });
  io.quiet = flags.quiet === true;
}

/** Colours for this run's stdout (plain functions when colour is off). */
export const colors = (io: CliIO): Palette => palette(io.color === true);

/** An informational line on stderr (counts, "wrote FILE"): silenced by --quiet. Warnings use io.stderr. */
export function info(io: CliIO, text: string): void {
  if (!io.quiet) io.stderr(`telltale: ${text}\n`);
}

/** A progress line on stderr, drawn only on a terminal and never with --quiet. */
export const progressFor = (io: CliIO): Progress => progress(io.stderr, io.stderrIsTTY === true && !io.quiet);

/**
 * For work that reports no counts (opening an image: reading and indexing its layers): "TEXT… 3s" on
 * a terminal, redrawn every half second until `stop()`. Nothing at all off a terminal or with --quiet.
 */
export function waitingLine(io: CliIO, text: string): { stop: () => void } {
  const bar = progressFor(io);
  const started = Date.now();
  bar.update(`${text}…`);
  const timer = setInterval(() => bar.update(`${text}… ${Math.round((Date.now() - started) / 1000)}s`), 500);
  timer.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      bar.done();
    },
  };
}

/** Thrown by a command to end the run with a code after it has printed its result. */
export class ExitWith extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}
