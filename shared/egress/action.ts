/**
 * The egress front door: the only module the egress actions use. Each export is one action entry
 * over an `ActionContext` (inputs as the runner passed them, action.yml defaults applied):
 * - `startEgressCapture` / `finishEgressCapture`: actions/egress `main` starts tcpdump (installing it
 *   when missing) and leaves it running for the rest of the job; `post` stops it, names the endpoints,
 *   says which step reached each, writes the report and summary, and applies the manifest policy;
 * - `reportEgress`: actions/egress-report merges several jobs' reports into one verdict;
 * - `preflightEgressEndpoints`: actions/preflight checks every manifest endpoint from this runner.
 * The runs themselves are shared/egress/run.ts; this adapter alone writes outputs, the summary and
 * annotations, and posts the sticky PR comment (through shared/github/comments.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionContext } from '../github/action.ts';
import {
  parsePullRequestNumber,
  publishComment,
  pullRequestTarget,
  type CommentTarget,
  type PublishOutcome,
} from '../github/comments.ts';
import { artifactProvenance, readRunContext, runUrl, type RunContext } from '../github/context.ts';
import { untrustedReportNote } from '../github/provenance.ts';
import { fetchJobSteps, type JobStep } from '../github/jobs.ts';
import { renderPreflightMarkdown } from './preflight/render.ts';
import { truncateMarkdown } from '../report/markdown.ts';
import { InputError } from '../util/errors.ts';
import type { StepWindow } from './analyze.ts';
import { finishSession, readHandle, startSession } from './capture/session.ts';
import { tcpdumpAvailable } from './capture/tcpdump.ts';
import { renderBlockedMarkdown } from './diff/render.ts';
import { parsePolicy, type EgressPolicy, type EgressVerdict } from './policy.ts';
import { renderEndpointsMarkdown } from './render/endpoints.ts';
import { diffEgressRun, preflightEgress } from './run.ts';

// The runner drops a step summary over 1 MiB entirely, so each step's parts share a budget with
// headroom (characters, and a few are multi-byte): the egress post step writes the diff and then the
// endpoint list, egress-report the diff alone.
/** Characters of the endpoint list in the job summary. */
const SUMMARY_LIMIT = 400_000;
/** Characters of the diff beside the endpoint list (egress post), and alone (egress-report). */
const VERDICT_LIMIT = { withEndpoints: 500_000, alone: 900_000 };
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
  if (value === 'start' || value === 'stop') return value;
  throw new InputError(`mode must be 'start' or 'stop', not '${value}'`, {
    hint: "'start' captures until the end of the job; 'stop', in a later step, ends a capture early",
  });
}

/** `main`: start capturing, or, with `mode: stop`, end the capture an earlier step started. */
export async function startEgressCapture(ctx: ActionContext): Promise<void> {
  // Check the inputs post will need now, so a typo fails before the job runs, not after.
  const mode = parseMode(ctx.input('mode'));
  const policy = capturePolicy(ctx.input('policy'));
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
  const manifest = ctx.input('manifest');
  const handle = await startSession({
    // policy: block — the firewall (shared/egress/block/) is up before this step ends.
    ...(policy.block ? { block: { manifest, runnerEndpoints: ctx.booleanInput('runner-endpoints') } } : {}),
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
  const steps = jobSteps.steps.map(stepWindow);
  const report = await finishSession(handle, steps.length ? { steps } : {});
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
  const { verdict: judged } = await diffEgressRun({
    reports: [{ endpoints: report.endpoints, ...(job ? { job } : {}) }],
    manifest: manifestPath,
    policy: capturePolicy(ctx.input('policy')).diff,
    runUrl: runUrl(run),
  });
  // Block mode: what the firewall refused comes first, with the manifest lines that would allow it.
  const verdict = report.blocked
    ? { ...judged, body: `${renderBlockedMarkdown(report.blocked, manifestPath)}\n${judged.body}` }
    : judged;
  if (report.blocked) {
    // One destination (name, port, transport) may have been refused at several addresses.
    const destinations = new Map(report.blocked.map((b) => [`${b.host}|${b.port}|${b.transport}`, b]));
    ctx.output('blocked-count', destinations.size);
    for (const b of [...destinations.values()].slice(0, 10)) {
      const by = b.processes?.[0]?.exe ? ` by ${b.processes[0].exe}` : '';
      const step = b.steps?.length ? ` in ${b.steps.join(', ')}` : '';
      ctx.warning(`egress blocked: ${b.host}:${b.port}/${b.transport}${by}${step}`);
    }
  }
  await deliverVerdict(ctx, verdict, { run, token, target: () => pullRequestTarget(run) }, VERDICT_LIMIT.withEndpoints);
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

/**
 * The egress action's `policy`: `audit` and `enforce` judge the diff; `block` also refuses, from this
 * step on, what the manifest does not allow, and then reports like `audit` (what it let through was
 * allowed, and what it refused never left).
 */
function capturePolicy(value: string): { diff: EgressPolicy; block: boolean } {
  if (value === 'block') return { diff: 'audit', block: true };
  try {
    return { diff: parsePolicy(value), block: false };
  } catch {
    throw new InputError(`policy must be 'audit', 'enforce' or 'block', not '${value}'`, {
      hint: "'audit' reports new endpoints; 'enforce' also fails the job; 'block' refuses what the manifest does not allow",
    });
  }
}

/** The jobs API's step, as the analysis attributes connections to it. */
function stepWindow(step: JobStep): StepWindow {
  return { name: step.name, start: step.start, ...(step.end !== undefined ? { end: step.end } : {}) };
}

/** actions/egress-report: one verdict over the reports several jobs uploaded, one sticky comment. */
export async function reportEgress(ctx: ActionContext): Promise<void> {
  const run = readRunContext();
  const token = ctx.input('token');
  if (token) ctx.secret(token);
  const pr = parsePullRequestNumber(ctx.input('pr'));
  let policy = parsePolicy(ctx.input('policy'));
  // Reports a pull request's run uploaded were written by that PR's code: they inform, never enforce.
  const provenance = artifactProvenance(run);
  if (provenance.untrusted && policy === 'enforce') {
    ctx.warning(
      "policy 'enforce' is not applied: these reports were written by the pull request's own code, which could have written anything; the verdict is informational",
      { title: 'egress report from untrusted code' },
    );
    policy = 'audit';
  }
  const { verdict } = await diffEgressRun({
    reportFiles: ctx.listInput('reports'),
    manifest: ctx.input('manifest'),
    policy,
    runUrl: runUrl(run),
    ...(provenance.untrusted ? { preface: untrustedReportNote(provenance) } : {}),
  });
  const comment = await deliverVerdict(
    ctx,
    verdict,
    { run, token, target: () => pullRequestTarget(run, pr) },
    VERDICT_LIMIT.alone,
  );
  ctx.output('new-count', verdict.diff.new.length);
  ctx.output('allowed-count', verdict.diff.allowed.length);
  ctx.output('unused-count', verdict.diff.unused.length);
  ctx.output('verdict', verdict.failed ? 'fail' : 'pass');
  if (comment?.posted) ctx.output('comment-url', comment.url);
  const publishTo = ctx.input('publish-to');
  if (publishTo) await publishForFleet(ctx, publishTo, run);
  if (verdict.failed) ctx.fail(verdict.message);
  else ctx.info(verdict.message);
}

/** The `publish-to` input: the run's reports as fleet rows (shared/egress/fleet/publish.ts). */
async function publishForFleet(ctx: ActionContext, to: string, run: RunContext): Promise<void> {
  const { publishReports } = await import('./fleet/publish.ts');
  let put: ((bucket: string, key: string, body: string) => Promise<void>) | undefined;
  if (to.startsWith('s3://')) {
    const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
    const client = new S3Client({
      region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
      followRegionRedirects: true,
    });
    put = async (bucket, key, body) => {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    };
  }
  const { written, rows } = await publishReports({
    reports: ctx.listInput('reports'),
    to,
    who: {
      repository: run.repository ?? '',
      workflow: process.env.GITHUB_WORKFLOW ?? '',
      run: String(run.runId ?? ''),
    },
    ...(put ? { put } : {}),
  });
  ctx.info(`published ${rows} endpoint row(s) for the fleet in ${written.length} object(s) under ${to}`);
}

/**
 * Writes the verdict to the job summary and, when the `comment` input asks, posts it as the sticky PR
 * comment. A run that is not about a pull request (a push, a schedule) has nothing to comment on.
 */
async function deliverVerdict(
  ctx: ActionContext,
  verdict: EgressVerdict,
  github: { run: RunContext; token: string; target: () => CommentTarget | undefined },
  summaryLimit: number,
): Promise<PublishOutcome | undefined> {
  const comment = ctx.booleanInput('comment');
  const key = ctx.input('comment-key');
  await ctx.summary(
    truncateMarkdown(
      verdict.body,
      summaryLimit,
      '> ✂️ Cut to fit the job summary; `telltale egress diff --format json` gives the full lists.',
    ),
  );
  if (!comment) return undefined;
  const target = github.target();
  if (!target) {
    ctx.info('no pull request in this run: the egress verdict is in the job summary only');
    return undefined;
  }
  return publishComment({
    token: github.token,
    apiUrl: github.run.apiUrl,
    target,
    key,
    body: verdict.body,
    summary: ctx.summary,
    // The diff is already in the summary; a degraded comment only adds why it was not posted.
    bodyInSummary: false,
    log: ctx.info,
  });
}

/** actions/preflight: every manifest endpoint checked from this runner; annotations for the first ten failures. */
export async function preflightEgressEndpoints(ctx: ActionContext): Promise<void> {
  const { report, failed } = await preflightEgress({
    manifest: ctx.input('manifest'),
    timeout: ctx.input('timeout'),
    concurrency: ctx.input('concurrency'),
    name: (setting) => `input '${setting}'`,
  });
  await ctx.summary(renderPreflightMarkdown(report));
  ctx.output('ok', String(report.ok));
  ctx.output('failed-count', failed.length);
  ctx.output(
    'results',
    JSON.stringify(
      report.results.map(({ host, port, status, detail, redirects }) => ({ host, port, status, detail, redirects })),
    ),
  );
  for (const r of failed.slice(0, 10)) ctx.error(`${r.host}:${r.port} ${r.status}: ${r.detail}`);
  if (failed.length && ctx.booleanInput('fail'))
    ctx.fail(`${failed.length} endpoint(s) in ${report.manifest} did not pass preflight`);
}
