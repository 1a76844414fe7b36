/**
 * The audit as an action step: documentation format to the log, SARIF and JUnit always written
 * (their paths are outputs), the Markdown job summary, annotations on the controls file (at most
 * 10, then a notice of how many more), and a failed step when a control failed unless audit-only.
 */
import path from 'node:path';
import type { ActionContext } from '../github/action.ts';
import { auditExitCode, performAudit } from './run.ts';
import { auditAnnotations, renderMarkdown } from './render/markdown.ts';

export async function runAuditAction(ctx: ActionContext): Promise<void> {
  // The runner starts steps in the workspace: paths in SARIF and annotations are relative to it.
  // Inputs as given: action.yml holds the defaults and the runner applies them.
  const controls = ctx.input('controls', { required: true });
  const target = ctx.input('target', { required: true });
  const auditOnly = ctx.booleanInput('audit-only');
  const engine = ctx.input('engine');
  const outDir = path.join(process.env.RUNNER_TEMP || process.cwd(), 'telltale-audit');
  const sarif = path.join(outDir, 'audit.sarif');
  const junit = path.join(outDir, 'audit.junit.xml');
  const extra = ctx.input('format');
  let log = '';
  const { report } = await performAudit({
    controlsFile: controls,
    target,
    format: ['documentation', `sarif:${sarif}`, `junit:${junit}`, ...(extra ? [extra] : [])].join(','),
    stdout: (text) => {
      // The runner logs whole lines; keep a partial line until it ends.
      log += text;
      const end = log.lastIndexOf('\n');
      if (end >= 0) {
        ctx.info(log.slice(0, end));
        log = log.slice(end + 1);
      }
    },
    ...(engine ? { engine } : {}),
  });
  if (log) ctx.info(log);
  ctx.output('sarif', sarif);
  ctx.output('junit', junit);
  ctx.output('passed', report.summary.passed);
  ctx.output('failed', report.summary.failed);
  await ctx.summary(renderMarkdown(report));
  const { annotations, omitted } = auditAnnotations(report);
  for (const a of annotations) {
    const props = { title: a.title, file: a.file, startLine: a.line, startColumn: a.column };
    if (a.level === 'error') ctx.error(a.message, props);
    else ctx.warning(a.message, props);
  }
  if (omitted > 0)
    ctx.notice(
      `${omitted} more failed controls are not annotated (GitHub shows 10 per step); see the job summary and the SARIF report`,
    );
  const s = report.summary;
  const verdict = `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.errored} errors`;
  if (auditExitCode(report, auditOnly) !== 0) ctx.fail(`audit failed: ${verdict}`);
  else ctx.info(`audit ${auditOnly && (s.failed || s.errored) ? 'finished (audit-only)' : 'passed'}: ${verdict}`);
}
