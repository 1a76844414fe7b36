import { runAction } from '../../shared/github/action.ts';
import { loadManifest } from '../../shared/egress/manifest/manifest.ts';
import { runPreflight } from '../../shared/egress/preflight/preflight.ts';
import { renderPreflightMarkdown } from '../../shared/egress/preflight/render.ts';
import { parseDuration } from '../../shared/util/duration.ts';
import { InputError } from '../../shared/util/errors.ts';

await runAction(async (ctx) => {
  const timeoutMs = parseDuration(ctx.input('timeout'), { what: "input 'timeout'" });
  const concurrency = Number(ctx.input('concurrency'));
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new InputError("input 'concurrency' must be a positive whole number");
  const report = await runPreflight(await loadManifest(ctx.input('manifest')), { timeoutMs, concurrency });
  const failed = report.results.filter((r) => r.status !== 'ok' && r.status !== 'skipped');
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
});
