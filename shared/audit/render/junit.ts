/**
 * JUnit XML in the shape test-report tools accept (the Ant/Surefire schema that
 * mikepenz/action-junit-report and dorny/test-reporter read): one testsuite per resource type,
 * one testcase per control property, named "<type> <id>: <property>" so a failure is findable
 * without opening the report (goss#962, #313).
 */
import { escapeXml } from '../../report/escape.ts';
import type { ControlResult } from '../model.ts';
import type { AuditReport } from './report.ts';

export function renderJunit(report: AuditReport): string {
  const byType = new Map<string, ControlResult[]>();
  for (const r of report.results) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  const s = report.summary;
  const total = report.results.length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="telltale audit" tests="${total}" failures="${s.failed}" errors="${s.errored}" skipped="${s.skipped}" time="${secs(s.durationMs)}">`,
  ];
  for (const [type, rs] of byType) {
    const count = (st: string) => rs.filter((r) => r.status === st).length;
    const time = rs.reduce((n, r) => n + r.durationMs, 0);
    lines.push(
      `  <testsuite name="${escapeXml(type)}" tests="${rs.length}" failures="${count('failed')}" errors="${count('error')}" skipped="${count('skipped')}" time="${secs(time)}">`,
    );
    for (const r of rs) {
      const name = escapeXml(`${r.type} ${r.id}: ${r.property}${r.title ? ` (${r.title})` : ''}`);
      const attrs = `name="${name}" classname="${escapeXml(`${r.type}.${r.id}`)}" file="${escapeXml(r.position.file)}" line="${r.position.line}" time="${secs(r.durationMs)}"`;
      if (r.status === 'passed') {
        lines.push(`    <testcase ${attrs}/>`);
        continue;
      }
      lines.push(`    <testcase ${attrs}>`);
      if (r.status === 'skipped') lines.push(`      <skipped message="${escapeXml(r.reason ?? '')}"/>`);
      else if (r.status === 'error') lines.push(`      <error message="${escapeXml(r.reason ?? '')}"/>`);
      else {
        const msg = `expected ${r.expected ?? ''}, got ${r.actual ?? ''}`;
        lines.push(
          `      <failure message="${escapeXml(msg)}" type="${escapeXml(r.property)}">${escapeXml(`expected: ${r.expected ?? ''}\n     got: ${r.actual ?? ''}`)}</failure>`,
        );
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

const secs = (ms: number) => (ms / 1000).toFixed(3);
