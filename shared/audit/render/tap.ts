/**
 * Goss's `tap` format (outputs/tap.go), the Test Anything Protocol (testanything.org, TAP 13):
 * a `1..N` plan, then `ok N - …` / `not ok N - …` per check, skips as `ok N - # SKIP …`.
 * A TAP line is one line: untrusted text has newlines and control characters made visible.
 */
import { visibleControls } from '../../report/escape.ts';
import { gossTypeName } from './goss-names.ts';
import type { AuditReport } from './report.ts';

export function renderTap(report: AuditReport): string {
  const one = (s: string) => visibleControls(s.replace(/\r?\n/g, '\\n'));
  const lines = [`1..${report.results.length}`];
  report.results.forEach((r, i) => {
    const n = i + 1;
    const head = `${gossTypeName(r.type)}: ${one(r.id)}: ${r.property}:`;
    if (r.status === 'passed') lines.push(`ok ${n} - ${head} matches expectation: ${one(r.expected ?? '')}`);
    else if (r.status === 'skipped') lines.push(`ok ${n} - # SKIP ${head} ${one(r.reason ?? 'skipped')}`);
    else if (r.status === 'error') lines.push(`not ok ${n} - ${head} could not check: ${one(r.reason ?? '')}`);
    else
      lines.push(`not ok ${n} - ${head} doesn't match, expect: ${one(r.expected ?? '')} found: ${one(r.actual ?? '')}`);
  });
  return `${lines.join('\n')}\n`;
}
