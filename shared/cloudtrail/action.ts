/**
 * actions/cloudtrail over an `ActionContext`: scan, write the JSON report and the HTML dashboard,
 * the job summary, file or update the nightly issue, and fail at the configured severity.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionContext } from '../github/action.ts';
import { readRunContext, runUrl, splitRepository } from '../github/context.ts';
import { upsertReportIssue } from '../github/issues.ts';
import { warnWhenPublic } from '../github/repository.ts';
import { truncateMarkdown } from '../report/markdown.ts';
import { InputError } from '../util/errors.ts';
import { renderCloudTrailHtml } from './render/html.ts';
import { renderCloudTrailJson } from './render/json.ts';
import { renderCloudTrailMarkdown } from './render/markdown.ts';
import { findingsAtOrAbove } from './model/report.ts';
import { runCloudTrailScan } from './run.ts';
import { LEVELS, parseLevel } from './threat.ts';

const SUMMARY_LIMIT = 900_000;
const ISSUE_LIMIT = 60_000;

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
  const report = await runCloudTrailScan({
    source: ctx.input('source', { required: true }),
    since: ctx.input('since', { required: true }),
    ...(ctx.input('until') ? { until: ctx.input('until') } : {}),
    rules: ctx.listInput('rules'),
    builtinRules: ctx.booleanInput('builtin-rules'),
    concurrency: ctx.input('concurrency', { required: true }),
    pipelinePrincipals: ctx.listInput('pipeline-principals'),
  });

  const dir = ctx.input('report-dir', { required: true });
  await mkdir(dir, { recursive: true });
  const files = {
    json: path.join(dir, 'cloudtrail-report.json'),
    html: path.join(dir, 'cloudtrail-dashboard.html'),
  };
  await writeFile(files.json, renderCloudTrailJson(report));
  await writeFile(files.html, renderCloudTrailHtml(report));
  ctx.output('report', files.json);
  ctx.output('dashboard', files.html);
  ctx.output('findings', report.findings.length);
  ctx.output('highest', report.findings[0]?.severity ?? 'none');

  const run = readRunContext();
  const url = runUrl(run);
  const cut = `> ✂️ Cut to fit: the full report is the run's artifact${url ? ` (${url})` : ''}.`;
  await ctx.summary(truncateMarkdown(renderCloudTrailMarkdown(report), SUMMARY_LIMIT, cut));
  for (const m of report.malformedFiles.slice(0, 20)) ctx.warning(`unreadable CloudTrail file ${m.file}: ${m.reason}`);
  for (const p of report.rules.problems.slice(0, 20))
    ctx.warning(`rule not loaded: ${p.message}`, { file: p.file, ...(p.line ? { startLine: p.line } : {}) });

  const counts = LEVELS.slice()
    .reverse()
    .map((level) => [level, report.findings.filter((f) => f.severity === level).length] as const)
    .filter(([, n]) => n > 0);
  const countText = counts.length ? counts.map(([level, n]) => `${n} ${level}`).join(', ') : 'no findings';
  if (fileIssue) {
    if (!run.repository) {
      ctx.info('not in a GitHub Actions run: no issue filed');
    } else {
      const { owner, repo } = splitRepository(run.repository);
      await warnWhenPublic({
        token,
        apiUrl: run.apiUrl,
        owner,
        repo,
        what: 'the report issue and the dashboard artifact',
        warn: ctx.warning,
      });
      const day = (report.window.until ?? report.generatedAt).slice(0, 10);
      const outcome = await upsertReportIssue({
        token,
        apiUrl: run.apiUrl,
        owner,
        repo,
        key: ctx.input('issue-key', { required: true }),
        label: ctx.input('issue-label', { required: true }),
        title: `CloudTrail report ${day}: ${countText}`,
        body: truncateMarkdown(renderCloudTrailMarkdown(report, { maxFindings: 200 }), ISSUE_LIMIT, cut),
        ...(report.findings.length
          ? { comment: `Night of ${day}: ${countText}.${url ? ` Dashboard: the artifact of ${url}` : ''}` }
          : {}),
        log: ctx.info,
      });
      if (outcome.posted) {
        ctx.output('issue-url', outcome.url);
        ctx.info(`report issue ${outcome.action}: ${outcome.url}`);
      } else {
        ctx.warning(`the report issue was not filed: ${outcome.message}`);
      }
    }
  }

  const failing = failOn ? findingsAtOrAbove(report, failOn) : [];
  if (failing.length) ctx.fail(`${failing.length} finding(s) at ${failOn} or above: ${countText}`);
  else ctx.info(`CloudTrail: ${report.stats.events} events, ${countText}`);
}
