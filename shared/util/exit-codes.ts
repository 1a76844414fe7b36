/**
 * The CLI's documented exit codes. Actions map the same outcomes to a passed or failed step.
 * Keep this list and the README's "Exit codes" table identical.
 */
export const ExitCode = {
  /** Everything ran and nothing violated a policy. */
  ok: 0,
  /** The run completed and found something: a new endpoint under `enforce`, a failed control, a finding at or above `--fail-on`. */
  policy: 1,
  /** The command line or an input file was wrong; nothing was judged. */
  input: 2,
  /** A bug in telltale: an error nobody anticipated. Please report it. */
  internal: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
