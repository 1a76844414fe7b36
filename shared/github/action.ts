/**
 * The one adapter between telltale and the Actions runner. Action entries (`actions/<name>/*.ts`)
 * call `runAction`; capability code receives an `ActionContext` and never imports `@actions/*`.
 */
import * as core from '@actions/core';
import { errorMessage, InputError, isInputError } from '../util/errors.ts';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
}

export interface ActionContext {
  /** An input as the runner passed it (defaults from action.yml already applied), trimmed. */
  input(name: string, options?: { required?: boolean }): string;
  /**
   * A boolean input as the runner's own `core.getBooleanInput` reads it (YAML 1.2 core schema):
   * `true`, `True`, `TRUE`, `false`, `False` or `FALSE`; an InputError for anything else, `yes`,
   * `on` and an empty value included (action.yml gives every boolean input a default).
   */
  booleanInput(name: string): boolean;
  /** Newline- or comma-separated list input with blanks dropped. */
  listInput(name: string): string[];
  output(name: string, value: string | number): void;
  saveState(name: string, value: string): void;
  state(name: string): string;
  /** Appends Markdown to the job summary (the runner caps it at 1 MiB per step). */
  summary(markdown: string): Promise<void>;
  info(message: string): void;
  debug(message: string): void;
  notice(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  /** Marks the step failed with a reason; the entry goes on to finish writing outputs. */
  fail(message: string): void;
  /** Registers a value (a token) the runner must mask in every later log line. */
  secret(value: string): void;
}

// The values core.getBooleanInput accepts (actions/toolkit packages/core getBooleanInput).
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function createActionContext(): ActionContext {
  return {
    input: (name, options) => {
      const value = core.getInput(name, { trimWhitespace: true });
      // core's own `required` throws a plain Error, which would read as a telltale bug.
      if (options?.required && !value)
        throw new InputError(`input '${name}' is required`, { hint: `set it under \`with:\` in the workflow step` });
      return value;
    },
    booleanInput: (name) => {
      const raw = core.getInput(name).trim();
      if (TRUE.includes(raw)) return true;
      if (FALSE.includes(raw)) return false;
      throw new InputError(
        `input '${name}' must be a YAML 1.2 boolean (${[...TRUE, ...FALSE].join(', ')}), not '${raw}'`,
        {
          hint: `set it under \`with:\` to true or false`,
        },
      );
    },
    listInput: (name) =>
      core
        .getInput(name)
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    output: (name, value) => core.setOutput(name, String(value)),
    saveState: (name, value) => core.saveState(name, value),
    state: (name) => core.getState(name),
    summary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    info: (message) => core.info(message),
    debug: (message) => core.debug(message),
    notice: (message, properties) => core.notice(message, properties ?? {}),
    warning: (message, properties) => core.warning(message, properties ?? {}),
    error: (message, properties) => core.error(message, properties ?? {}),
    fail: (message) => core.setFailed(message),
    secret: (value) => core.setSecret(value),
  };
}

/**
 * Runs an action entry. An `InputError` fails the step with its one-line description; any other
 * error is a telltale bug: the step fails with the message and the stack goes to the debug log only.
 */
export async function runAction(main: (ctx: ActionContext) => Promise<void>): Promise<void> {
  const ctx = createActionContext();
  try {
    await main(ctx);
  } catch (error) {
    if (isInputError(error)) {
      core.setFailed(error.describe());
    } else {
      core.debug(error instanceof Error && error.stack ? error.stack : String(error));
      core.setFailed(
        `telltale internal error: ${errorMessage(error)} (please report it; run with ACTIONS_STEP_DEBUG=true for the stack)`,
      );
    }
  }
}
