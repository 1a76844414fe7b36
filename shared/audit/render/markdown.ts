/**
 * The job-summary Markdown (failures first, each untrusted value escaped) and the annotations on the
 * controls file. GitHub shows 10 annotations of each kind per step, so we emit at most that many and
 * say how many more there are instead of letting the runner drop them silently.
 */
import { escapeMarkdown, markdownCode } from '../../report/escape.ts';
import { markdownDetails, markdownTable, truncateMarkdown } from '../../report/markdown.ts';
import type { ControlResult } from '../model.ts';
import type { AuditReport } from './report.ts';

/** The step summary is capped at 1 MiB; stay well under it with room for other steps' output. */
const SUMMARY_LIMIT = 512 * 1024;
export const ANNOTATIONS_PER_STEP = 10;

const ICON = { passed: '✅', failed: '❌', skipped: '⏭️', error: '⚠️' } as const;

function row(r: ControlResult): string[] {
  const detail =
    r.status === 'failed'
      ? `expected ${markdownCode(r.expected ?? '')}, got ${markdownCode(r.actual ?? '')}`
      : escapeMarkdown(r.reason ?? r.expected ?? '');
  return [
    `${ICON[r.status]} ${r.status}`,
    escapeMarkdown(r.type),
    markdownCode(r.id),
    escapeMarkdown(r.property),
    detail,
    String(r.position.line),
  ];
}

export function renderMarkdown(report: AuditReport): string {
  const s = report.summary;
  const bad = report.results.filter((r) => r.status === 'failed' || r.status === 'error');
  const rest = report.results.filter((r) => r.status !== 'failed' && r.status !== 'error');
  const header = ['status', 'type', 'resource', 'property', 'detail', 'line'];
  const parts = [
    `### Audit of ${escapeMarkdown(report.target)}`,
    '',
    `${s.failed === 0 && s.errored === 0 ? '✅' : '❌'} **${s.passed} passed**, **${s.failed} failed**, ${s.skipped} skipped, ${s.errored} errors — controls ${markdownCode(report.controlsFile)}`,
    '',
  ];
  if (bad.length) parts.push('#### Failures', '', markdownTable(header, bad.map(row)), '');
  if (rest.length)
    parts.push(markdownDetails(`${rest.length} passed or skipped`, markdownTable(header, rest.map(row))), '');
  return truncateMarkdown(
    parts.join('\n'),
    SUMMARY_LIMIT,
    '_The summary was cut to fit GitHub\u2019s limit; the JSON and SARIF reports have every result._',
  );
}

export interface AuditAnnotation {
  level: 'error' | 'warning';
  message: string;
  title: string;
  file: string;
  line: number;
  column: number;
}

/** Annotations for failed controls, at most ANNOTATIONS_PER_STEP, plus how many were left out. */
export function auditAnnotations(report: AuditReport): { annotations: AuditAnnotation[]; omitted: number } {
  const bad = report.results.filter((r) => r.status === 'failed' || r.status === 'error');
  const annotations = bad.slice(0, ANNOTATIONS_PER_STEP).map((r) => ({
    level: r.status === 'failed' ? ('error' as const) : ('warning' as const),
    title: `${r.type} ${r.id}: ${r.property}`,
    message:
      r.status === 'failed'
        ? `expected ${r.expected ?? ''}, got ${r.actual ?? ''}`
        : `could not be checked: ${r.reason ?? ''}`,
    // An included gossfile's control is annotated in that file, not in the one that included it.
    file: r.position.file,
    line: r.position.line,
    column: r.position.column,
  }));
  return { annotations, omitted: Math.max(0, bad.length - annotations.length) };
}
