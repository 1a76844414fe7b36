/**
 * The egress action's two halves over an `ActionContext`: `main` starts tcpdump (installing it when
 * missing) and leaves it running for the rest of the job; `post` stops it, names the endpoints, says
 * which step reached each, writes the report and summary, and applies the manifest policy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionContext } from '../github/action.ts';
import { pullRequestTarget } from '../github/comments.ts';
import { readRunContext, runUrl } from '../github/context.ts';
import { fetchJobSteps } from '../github/jobs.ts';
import { truncateMarkdown } from '../report/markdown.ts';
import { InputError } from '../util/errors.ts';
import { applyEgressPolicy, parsePolicy } from './policy.ts';
import { renderEndpointsMarkdown } from './render/endpoints.ts';
import { finishSession, readHandle, startSession } from './capture/session.ts';
import { tcpdumpAvailable } from './capture/tcpdump.ts';

const SUMMARY_LIMIT = 400_000;
const CUT_NOTE = '> ✂️ Cut to fit the job summary: the full list is in the egress-report.json the step wrote.';

/** apt-get install tcpdump, refreshing the package lists only when the first try fails. */
function installTcpdump(ctx: ActionContext): void {
  const root = process.getuid?.() === 0;
  const run = (args: string[]) =>
    spawnSync(root ? args[0]! : 'sudo', root ? args.slice(1) : ['-n', ...args], {
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  ctx.info('tcpdump is missing: installing it with apt-get');
  let result = run(['apt-get', 'install', '-y', '-qq', 'tcpdump']);
  if (result.status !== 0) {
    run(['apt-get', 'update', '-qq']);
    result = run(['apt-get', 'install', '-y', '-qq', 'tcpdump']);
  }
  if (result.status !== 0 || !tcpdumpAvailable())
    throw new InputError(`could not install tcpdump: ${(result.stderr || result.error?.message || '').trim()}`, {
      hint: 'install it in an earlier step, or run on a runner image that has it',
    });
}

const REPORT_FILE = 'egress-report.json';

type Mode = 'start' | 'stop';

function parseMode(value: string): Mode {
  if (value === 'start' || value === 'stop' || value === '') return value || 'start';
  throw new InputError(`mode must be 'start' or 'stop', not '${value}'`, {
    hint: "'start' captures until the end of the job; 'stop', in a later step, ends a capture early",
  });
}

/** `main`: start capturing, or, with `mode: stop`, end the capture an earlier step started. */
export async function startEgressCapture(ctx: ActionContext): Promise<void> {
  // Check the inputs post will need now, so a typo fails before the job runs, not after.
  const mode = parseMode(ctx.input('mode'));
  parsePolicy(ctx.input('policy'));
  ctx.booleanInput('comment');
  ctx.booleanInput('steps');
  const dir = ctx.input('report-dir', { required: true });
  if (mode === 'stop') {
    // A later step ends the capture so the job can upload the report itself (the first step's post
    // runs after every other step, too late for an upload-artifact step).
    await reportCapture(ctx, dir);
    return;
  }
  if (!tcpdumpAvailable()) {
    if (ctx.booleanInput('install-tcpdump')) installTcpdump(ctx);
    else throw new InputError('tcpdump is not installed', { hint: 'set install-tcpdump: true or install it first' });
  }
  const handle = await startSession({
    dir,
    filter: ctx.input('filter'),
    snaplen: Number(ctx.input('snaplen')),
    maxPackets: Number(ctx.input('max-packets')),
  });
  ctx.saveState('dir', dir);
  ctx.output('pcap', handle.file);
  ctx.info(`capturing egress to ${handle.file} (tcpdump pid ${handle.pid}${handle.sudo ? ', via sudo' : ''})`);
}

/** `post`: end the capture this step's `main` started, unless a `mode: stop` step already did. */
export async function finishEgressCapture(ctx: ActionContext): Promise<void> {
  const dir = ctx.state('dir');
  if (!dir) {
    ctx.info('no capture was started by this step: nothing to report');
    return;
  }
  if (existsSync(path.join(dir, REPORT_FILE))) {
    ctx.info(`the capture was already reported by a later step (mode: stop): ${path.join(dir, REPORT_FILE)}`);
    return;
  }
  await reportCapture(ctx, dir);
}

async function reportCapture(ctx: ActionContext, dir: string): Promise<void> {
  const run = readRunContext();
  const token = ctx.input('token');
  if (token) ctx.secret(token);

  const jobSteps = ctx.booleanInput('steps')
    ? await fetchJobSteps({ token, run, runnerName: process.env.RUNNER_NAME, log: ctx.info })
    : { steps: [] };
  if (jobSteps.problem) ctx.warning(`steps are not named in the egress report: ${jobSteps.problem}`);

  const handle = readHandle(dir);
  const report = await finishSession(handle, jobSteps.steps.length ? { steps: jobSteps.steps } : {});
  const job = jobSteps.job ?? run.job;
  if (job) report.job = job;
  const reportFile = path.join(dir, REPORT_FILE);
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  ctx.output('report', reportFile);
  ctx.output('pcap', handle.file);
  ctx.output('endpoints', report.endpoints.length);
  for (const warning of report.warnings) ctx.warning(warning);
  ctx.info(`${report.endpoints.length} endpoint(s); report written to ${reportFile}`);

  const endpoints = renderEndpointsMarkdown(report, 'Egress of this job');
  const manifestPath = ctx.input('manifest');
  if (!manifestPath || !existsSync(manifestPath)) {
    await ctx.summary(truncateMarkdown(endpoints, SUMMARY_LIMIT, CUT_NOTE));
    ctx.info(
      `no egress manifest at ${manifestPath || '(none given)'}: endpoints reported only; ` +
        `write one with: telltale egress diff --update --manifest ${manifestPath || '.github/egress.yml'} ${reportFile}`,
    );
    ctx.output('verdict', 'pass');
    return;
  }
  const url = runUrl(run);
  const comment = ctx.booleanInput('comment');
  const verdict = await applyEgressPolicy({
    reports: [{ endpoints: report.endpoints, ...(job ? { job } : {}) }],
    manifestPath,
    policy: parsePolicy(ctx.input('policy')),
    comment,
    github: {
      token,
      apiUrl: run.apiUrl,
      target: comment ? pullRequestTarget(run) : undefined,
      ...(url ? { runUrl: url } : {}),
    },
    key: ctx.input('comment-key'),
    summary: ctx.summary,
    log: ctx.info,
  });
  await ctx.summary(
    truncateMarkdown(
      `<details><summary>Every endpoint</summary>\n\n${endpoints}\n</details>\n`,
      SUMMARY_LIMIT,
      CUT_NOTE,
    ),
  );
  ctx.output('new-count', verdict.diff.new.length);
  ctx.output('verdict', verdict.failed ? 'fail' : 'pass');
  if (verdict.failed) ctx.fail(verdict.message);
  else ctx.info(verdict.message);
}
