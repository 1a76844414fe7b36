/**
 * Errors that carry where they came from and what to do next.
 *
 * Every input a user hands telltale (a pcap, a manifest, a controls file, a CloudTrail archive, a CLI
 * flag) can be wrong. Those mistakes are `InputError`s: the CLI prints them without a stack trace and
 * exits 2, an action turns them into one failed-step message. Anything else escaping to the edge is a
 * bug in telltale and is reported as such.
 */

/** Where in an input a problem was found. All parts are optional; say as much as is known. */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  /** Byte offset, for binary inputs such as pcap files. */
  offset?: number;
  /** Dotted path of the field inside a structured document, e.g. `allow[3].ports[0]`. */
  field?: string;
}

/** Renders `file:line:column` (or `file@offset`), then the field, in the form editors link to. */
export function formatLocation(loc: SourceLocation): string {
  let where = loc.file ?? '';
  if (loc.line !== undefined) {
    where += `${where ? ':' : 'line '}${loc.line}`;
    if (loc.column !== undefined) where += `:${loc.column}`;
  } else if (loc.offset !== undefined) {
    where += `${where ? '@' : 'byte '}${loc.offset}`;
  }
  if (loc.field) where += `${where ? ': ' : ''}${loc.field}`;
  return where;
}

/** A problem with what the user gave us. Exit code 2; never a stack trace. */
export class InputError extends Error {
  readonly location: SourceLocation | undefined;
  readonly hint: string | undefined;

  constructor(message: string, options: { location?: SourceLocation; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InputError';
    this.location = options.location;
    this.hint = options.hint;
  }

  /** One line for a terminal or a step log: `file:3:7: allow[3].ports[0]: 70000 is not a port`. */
  describe(): string {
    const where = this.location ? formatLocation(this.location) : '';
    const text = where ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${text}\n  hint: ${this.hint}` : text;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** Text of any thrown value, without a stack. */
export function errorMessage(error: unknown): string {
  if (isInputError(error)) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}
