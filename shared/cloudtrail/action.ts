/**
 * actions/cloudtrail over an `ActionContext`: read the last night's state, scan, write the report
 * files (JSON, HTML, OCSF, Markdown), the job summary, file or update the nightly issue, and fail at
 * the configured severity.
 *
 * The nightly issue: while it is open each night updates it (a comment tells watchers when the night
 * has findings); once closed, a quiet night opens nothing (the closed issue's hidden state is updated
 * silently) and the next night with findings opens a new one. The state (state.ts) rides at the end
 * of the issue body, so a late-delivered log file is read the next night and new rows are marked.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionContext } from '../github/action.ts';
import { readRunContext, runUrl, splitRepository } from '../github/context.ts';
import { findReportIssue, upsertReportIssue } from '../github/issues.ts';
import { warnWhenPublic } from '../github/repository.ts';
import { truncateMarkdown } from '../report/markdown.ts';
import { InputError } from '../util/errors.ts';
import { parseFormats, REPORT_FORMATS } from './render/formats.ts';
import { renderCloudTrailMarkdown } from './render/markdown.ts';
import { countText, findingsAtOrAbove } from './model/report.ts';
import { DEFAULT_SUPPRESSIONS, runCloudTrailScan } from './run.ts';
import { decodeState, encodeState, stateOf, type NightState } from './state.ts';
import { LEVELS, parseLevel } from './threat.ts';

const SUMMARY_LIMIT = 900_000;
/** The issue body holds 65,536 characters: the report, then the state (at most 20,000). */
const ISSUE_LIMIT = 44_000;
const STATE_FILE = 'cloudtrail-state.json';

function parseFailOn(value: string) {
  if (value === 'never') return undefined;
  const level = parseLevel(value);
  if (!level)
    throw new InputError(`fail-on must be one of ${[...LEVELS, 'never'].join(', ')}, not '${value}'`, {
      location: { field: 'fail-on' },
    });
  return level;
}

export async function runCloudTrailAction(ctx: ActionContext): Promise<void> {
  const failOn = parseFailOn(ctx.input('fail-on'));
  const fileIssue = ctx.booleanInput('issue');
  const token = ctx.input('token');
  if (token) ctx.secret(token);
  // Inputs as given: action.yml holds the defaults and the runner applies them.
  const formats = parseFormats(ctx.input('formats', { required: true }), 'formats');
  const run = readRunContext();
  // Without a token there is no issue to read last night's state from or to file tonight's in: say so.
  if (fileIssue && run.repository && !token)
    ctx.warning(
      'no token: the nightly issue is neither read (no watermark from last night) nor filed; the report is in the job summary',
      { title: 'CloudTrail report issue not filed' },
    );
  const issueTarget =
    fileIssue && run.repository && token
      ? {
          token,
          apiUrl: run.apiUrl,
          ...splitRepository(run.repository),
          key: ctx.input('issue-key', { required: true }),
          label: ctx.input('issue-label', { required: true }),
          log: ctx.info,
        }
      : undefined;

  // The last night's state: a state file if given (actions/cache users), else the report issue.
  let previous: NightState | undefined;
  const stateFile = ctx.input('state-file');
  if (stateFile) {
    // No file yet is the first night; a file that exists but cannot be read is said, not taken as none.
    const text = await readFile(stateFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT')
        ctx.warning(`cannot read the state file ${stateFile} (${error.message}): no watermark from last night`);
      return undefined;
    });
    previous = text === undefined ? undefined : decodeState(text);
    if (text !== undefined && !previous) ctx.warning(`state file ${stateFile} is not a telltale state: ignored`);
  }
  let found: Awaited<ReturnType<typeof findReportIssue>> | undefined;
  try {
    found = issueTarget ? await findReportIssue(issueTarget) : undefined;
  } catch (error) {
    // An API that refuses (403, 429 after retries) must not cost the night's scan.
    ctx.warning(
      `could not read the open report issue (${error instanceof Error ? error.message : String(error)}): no watermark from last night`,
    );
  }
  if (!previous && found) previous = decodeState(found.body);
  if (previous) ctx.info(`last report: ${previous.generatedAt}; watermark ${previous.watermark ?? 'none'}`);

  const suppressions = ctx.input('suppressions');
  const report = await runCloudTrailScan({
    ...(ctx.input('source') ? { source: ctx.input('source') } : {}),
    engine: ctx.input('engine') || 'stream',
    athena: {
      workgroup: ctx.input('athena-workgroup'),
      database: ctx.input('athena-database'),
      table: ctx.input('athena-table'),
      output: ctx.input('athena-output'),
      timeout: ctx.input('athena-timeout'),
    },
    since: ctx.input('since', { required: true }),
    ...(ctx.input('until') ? { until: ctx.input('until') } : {}),
    rules: ctx.listInput('rules'),
    builtinRules: ctx.booleanInput('builtin-rules'),
    concurrency: ctx.input('concurrency', { required: true }),
    pipelinePrincipals: ctx.listInput('pipeline-principals'),
    suppressions: suppressions || DEFAULT_SUPPRESSIONS,
    suppressionsRequired: Boolean(suppressions) && suppressions !== DEFAULT_SUPPRESSIONS,
    ...(previous ? { previous } : {}),
  });
  const state = stateOf(report);

  const dir = ctx.input('report-dir', { required: true });
  await mkdir(dir, { recursive: true });
  const written: Record<string, string> = {};
  for (const f of formats) {
    const file = f.path ?? path.join(dir, REPORT_FORMATS[f.format].file);
    await writeFile(file, REPORT_FORMATS[f.format].render(report));
    written[f.format] = file;
  }
  const stateOut = path.join(dir, STATE_FILE);
  await writeFile(stateOut, `${JSON.stringify(state, null, 2)}\n`);
  if (stateFile) await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  if (written.json) ctx.output('report', written.json);
  if (written.html) ctx.output('dashboard', written.html);
  if (written.ocsf) ctx.output('ocsf', written.ocsf);
  ctx.output('state', stateOut);
  ctx.output('findings', report.groups.length);
  ctx.output('events', report.stats.findings);
  ctx.output('highest', report.groups[0]?.severity ?? 'none');
  if (report.watermark) ctx.output('watermark', report.watermark);

  const url = runUrl(run);
  const cut = `> ✂️ Cut to fit: the full report is the run's artifact${url ? ` (${url})` : ''}.`;
  await ctx.summary(truncateMarkdown(renderCloudTrailMarkdown(report), SUMMARY_LIMIT, cut));
  for (const m of report.malformedFiles.slice(0, 20)) ctx.warning(`unreadable CloudTrail file ${m.file}: ${m.reason}`);
  for (const p of report.rules.problems.slice(0, 20))
    ctx.warning(`rule not loaded: ${p.message}`, { file: p.file, ...(p.line ? { startLine: p.line } : {}) });
  for (const s of report.suppressions.filter((x) => x.expired))
    ctx.warning(`suppression expired on ${s.expires} (${s.owner}): ${s.reason} — its findings are reported again`, {
      file: s.at.replace(/:\d+$/, ''),
      startLine: Number(/:(\d+)$/.exec(s.at)?.[1] ?? 1),
    });

  const counts = countText(report);
  if (!fileIssue) {
    // nothing to file
  } else if (!issueTarget) {
    ctx.info(token ? 'not in a GitHub Actions run: no issue filed' : 'no token: no issue filed');
  } else {
    await warnWhenPublic({
      token,
      apiUrl: run.apiUrl,
      owner: issueTarget.owner,
      repo: issueTarget.repo,
      what: 'the report issue and the dashboard artifact',
      warn: ctx.warning,
    });
    const day = (report.window.until ?? report.generatedAt).slice(0, 10);
    const hasFindings = report.groups.length > 0;
    const body = `${truncateMarkdown(renderCloudTrailMarkdown(report, { maxFindings: 50 }), ISSUE_LIMIT, cut)}\n${encodeState(state)}`;
    const outcome = await upsertReportIssue({
      ...issueTarget,
      title: `CloudTrail report ${day}: ${counts}`,
      body,
      ...(hasFindings
        ? {
            comment: `Night of ${day}: ${counts}${report.previous ? ` (${report.previous.newGroups} new)` : ''}.${url ? ` Dashboard: the artifact of ${url}` : ''}`,
          }
        : {}),
      // A quiet night never opens an issue; it only carries the state on the closed one.
      create: hasFindings,
      ...(found?.state === 'closed' ? { closed: found.number } : {}),
    });
    if (outcome.posted) {
      if (outcome.action !== 'kept-closed') ctx.output('issue-url', outcome.url);
      ctx.info(`report issue ${outcome.action}: ${outcome.url}`);
    } else if (hasFindings || found) {
      ctx.warning(`the report issue was not filed: ${outcome.message}`);
    } else {
      ctx.info(`no report issue: ${outcome.message}`);
    }
  }

  const failing = failOn ? findingsAtOrAbove(report, failOn) : [];
  if (failing.length) ctx.fail(`${failing.length} finding(s) at ${failOn} or above: ${counts}`);
  else ctx.info(`CloudTrail: ${report.stats.events} events, ${counts}`);
}
