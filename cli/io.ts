import { logText } from '../shared/report/step-log.ts';

/** How CLI commands talk to the terminal, so tests can run them in-process and read what they print. */

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
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
};

/** Thrown by a command to end the run with a code after it has printed its result. */
export class ExitWith extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}
