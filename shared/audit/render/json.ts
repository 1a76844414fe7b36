/** The JSON report (CLI contract): `summary` {passed, failed, skipped, errored} and `results`. */
import type { AuditReport } from './report.ts';

export function renderJson(report: AuditReport): string {
  const { passed, failed, skipped, errored, durationMs } = report.summary;
  return `${JSON.stringify(
    {
      controls: report.controlsFile,
      target: report.target,
      summary: { passed, failed, skipped, errored, durationMs: Math.round(durationMs) },
      results: report.results.map((r) => ({
        type: r.type,
        id: r.id,
        property: r.property,
        status: r.status,
        expected: r.expected ?? null,
        actual: r.actual ?? null,
        ...(r.reason !== undefined ? { reason: r.reason } : {}),
        title: r.title ?? null,
        meta: r.meta,
        line: r.position.line,
      })),
    },
    null,
    2,
  )}\n`;
}
