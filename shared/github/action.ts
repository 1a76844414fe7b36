/**
 * The one adapter between telltale and the Actions runner. Action entries (`actions/<name>/*.ts`)
 * call `runAction`; capability code receives an `ActionContext` and never imports `@actions/*`.
 */
import { existsSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import * as core from '@actions/core';
import { errorMessage, InputError, isInputError } from '../util/errors.ts';
import { annotationText, fitSummary, logText, redactSecrets, workflowCommand } from '../report/step-log.ts';

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
  /**
   * Appends Markdown to the job summary. The runner drops a step summary over 1 MiB whole, so what
   * does not fit is cut here with a note, and later calls append nothing.
   */
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

export interface ActionContextOptions {
  /** Where the step log goes (default: this process's stdout, which the runner reads). */
  write?: (text: string) => void;
  /** The step's summary file (default: GITHUB_STEP_SUMMARY); undefined when there is none. */
  summaryFile?: string | undefined;
}

const SUMMARY_CUT_NOTE =
  '> ✂️ The rest of this summary was cut: the runner drops a step summary over 1 MiB. ' +
  'The full report is in the files the step wrote (see its outputs).';

/**
 * The context every action entry gets. Everything it writes to the log goes through shared/github/log.ts:
 * no message, annotation or summary can carry a workflow command or a registered secret, whatever
 * data (host names, file contents, CloudTrail fields, artifacts from forks) it holds.
 */
export function createActionContext(options: ActionContextOptions = {}): ActionContext {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const summaryFile = 'summaryFile' in options ? options.summaryFile : process.env.GITHUB_STEP_SUMMARY;
  const secrets = new Set<string>();
  const clean = (text: string) => redactSecrets(text, secrets);
  const line = (text: string) => write(`${text}${EOL}`);
  const annotate = (level: 'error' | 'warning' | 'notice', message: string, properties?: AnnotationProperties) =>
    line(
      workflowCommand(
        level,
        {
          title: properties?.title === undefined ? undefined : annotationText(clean(properties.title), 200),
          file: properties?.file === undefined ? undefined : annotationText(properties.file, 1000),
          line: properties?.startLine,
          endLine: properties?.endLine,
          col: properties?.startColumn,
        },
        annotationText(clean(message)),
      ),
    );
  let summaryUsed: number | undefined;
  let summaryCut = false;
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
    // GITHUB_OUTPUT/GITHUB_STATE blocks end at a random delimiter core checks the value does not hold.
    output: (name, value) => core.setOutput(name, clean(String(value))),
    saveState: (name, value) => core.saveState(name, value),
    state: (name) => core.getState(name),
    summary: async (markdown) => {
      if (!summaryFile || summaryCut) return;
      summaryUsed ??= existsSync(summaryFile) ? statSync(summaryFile).size : 0;
      const full = clean(markdown);
      const text = fitSummary(full, summaryUsed, SUMMARY_CUT_NOTE);
      if (text !== full) summaryCut = true;
      if (!text) return;
      await appendFile(summaryFile, text, 'utf8');
      summaryUsed += Buffer.byteLength(text, 'utf8');
    },
    info: (message) => line(logText(clean(message))),
    // The runner shows debug lines only with ACTIONS_STEP_DEBUG; the command form keeps data inert.
    debug: (message) => line(workflowCommand('debug', {}, clean(message))),
    notice: (message, properties) => annotate('notice', message, properties),
    warning: (message, properties) => annotate('warning', message, properties),
    error: (message, properties) => annotate('error', message, properties),
    fail: (message) => {
      process.exitCode = core.ExitCode.Failure;
      annotate('error', message);
    },
    secret: (value) => {
      if (!value) return;
      secrets.add(value);
      line(workflowCommand('add-mask', {}, value));
    },
  };
}

/**
 * Runs an action entry. An `InputError` fails the step with its one-line description; any other
 * error is a telltale bug: the step fails with the message and the stack goes to the debug log only.
 */
export async function runAction(
  main: (ctx: ActionContext) => Promise<void>,
  options: ActionContextOptions = {},
): Promise<void> {
  const ctx = createActionContext(options);
  try {
    await main(ctx);
  } catch (error) {
    if (isInputError(error)) {
      ctx.fail(error.describe());
    } else {
      ctx.debug(error instanceof Error && error.stack ? error.stack : String(error));
      ctx.fail(
        `telltale internal error: ${errorMessage(error)} (please report it; run with ACTIONS_STEP_DEBUG=true for the stack)`,
      );
    }
  }
}
