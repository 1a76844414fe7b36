/**
 * Goss's `rspecish` format (outputs/rspecish.go): one character per check (`.` passed, `F` failed,
 * `S` skipped, `E` could not check), then the failures and skips in full, then the total duration and
 * "Count: N, Failed: N, Skipped: N" — Goss's count, which is of checks. Untrusted text is made visible.
 */
import { visibleControls } from '../../report/escape.ts';
import { gossTypeName } from './goss-names.ts';
import type { AuditReport } from './report.ts';

const CHAR = { passed: '.', failed: 'F', skipped: 'S', error: 'E' } as const;

export function renderRspecish(report: AuditReport): string {
  const safe = (s: string) => visibleControls(s);
  const line = report.results.map((r) => CHAR[r.status]).join('');
  const out: string[] = [line, ''];
  const notPassed = report.results.filter((r) => r.status !== 'passed');
  if (notPassed.length > 0) {
    out.push('Failures/Skipped:', '');
    for (const r of notPassed) {
      const head = `${gossTypeName(r.type)}: ${safe(r.id)}: ${r.property}:`;
      if (r.status === 'skipped') out.push(`${head} skipped${r.reason ? ` (${safe(r.reason)})` : ''}`, '');
      else if (r.status === 'error') out.push(head, `Error: ${safe(r.reason ?? '')}`, '');
      else out.push(head, 'Expected', `    ${safe(r.actual ?? '')}`, 'to', `    ${safe(r.expected ?? '')}`, '');
    }
  }
  const s = report.summary;
  out.push(`Total Duration: ${(s.durationMs / 1000).toFixed(3)}s`);
  out.push(`Count: ${report.results.length}, Failed: ${s.failed + s.errored}, Skipped: ${s.skipped}`);
  return `${out.join('\n')}\n`;
}
