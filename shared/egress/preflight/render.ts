/** Preflight results as Markdown (job summary, terminal) and plain text. */
import { escapeMarkdown, markdownCode } from '../../report/escape.ts';
import { markdownTable } from '../../report/markdown.ts';
import type { PreflightReport } from './preflight.ts';

const ICON: Record<string, string> = { ok: '✅', skipped: '➖' };

export function renderPreflightMarkdown(report: PreflightReport): string {
  const failed = report.results.filter((r) => r.status !== 'ok' && r.status !== 'skipped');
  const checked = report.results.filter((r) => r.status !== 'skipped').length;
  const head = failed.length
    ? `❌ **telltale preflight**: ${failed.length} of ${checked} endpoints in ${markdownCode(report.manifest)} are not reachable from here.`
    : `✅ **telltale preflight**: all ${checked} checkable endpoints in ${markdownCode(report.manifest)} answered.`;
  const table = markdownTable(
    ['', 'Host', 'Port', 'Status', 'Detail'],
    report.results.map((r) => [
      ICON[r.status] ?? '❌',
      markdownCode(r.host),
      String(r.port || '—'),
      `\`${r.status}\``,
      escapeMarkdown(r.detail + (r.redirects.length ? ` → ${r.redirects.join(' → ')}` : '')),
    ]),
  );
  return `${head}\n\n${table}\n`;
}
