import { runAction } from '../../shared/github/action.ts';
import { parsePullRequestNumber, pullRequestTarget } from '../../shared/github/comments.ts';
import { readRunContext, runUrl } from '../../shared/github/context.ts';
import { loadReports } from '../../shared/egress/diff/reports.ts';
import { applyEgressPolicy, parsePolicy } from '../../shared/egress/policy.ts';

await runAction(async (ctx) => {
  const run = readRunContext();
  const comment = ctx.booleanInput('comment');
  const url = runUrl(run);
  const token = ctx.input('token');
  if (token) ctx.secret(token);
  const verdict = await applyEgressPolicy({
    reports: await loadReports(ctx.listInput('reports')),
    manifestPath: ctx.input('manifest'),
    policy: parsePolicy(ctx.input('policy')),
    comment,
    github: {
      token,
      apiUrl: run.apiUrl,
      target: comment ? pullRequestTarget(run, parsePullRequestNumber(ctx.input('pr'))) : undefined,
      ...(url ? { runUrl: url } : {}),
    },
    key: ctx.input('comment-key'),
    summary: ctx.summary,
    log: ctx.info,
  });
  ctx.output('new-count', verdict.diff.new.length);
  ctx.output('allowed-count', verdict.diff.allowed.length);
  ctx.output('unused-count', verdict.diff.unused.length);
  ctx.output('verdict', verdict.failed ? 'fail' : 'pass');
  if (verdict.comment?.posted) ctx.output('comment-url', verdict.comment.url);
  if (verdict.failed) ctx.fail(verdict.message);
  else ctx.info(verdict.message);
});
