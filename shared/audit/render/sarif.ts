/**
 * SARIF 2.1.0 (OASIS), the subset GitHub code scanning reads: one rule per control (`meta.id` or
 * `<type>:<id>`, stable across runs), one result per failed or errored property, located at the
 * control's line in the controls file (the region runs to the failing property's line). Level from
 * `meta.impact` as InSpec grades it: ≥0.7 error, ≥0.4 warning, >0 note; no impact → error. A
 * control that could not be checked is level error whatever its impact, and is also listed as a
 * tool execution notification, with `executionSuccessful: false`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../../version.ts';
import { ruleId, type ControlResult } from '../model.ts';
import type { AuditReport } from './report.ts';

export function sarifLevel(impact: unknown): 'error' | 'warning' | 'note' {
  if (typeof impact !== 'number') return 'error';
  if (impact >= 0.7) return 'error';
  if (impact >= 0.4) return 'warning';
  return 'note';
}

/** security-severity (0–10) lets code scanning rank alerts as it does for CodeQL. */
function securitySeverity(impact: unknown): string | undefined {
  return typeof impact === 'number' ? (impact * 10).toFixed(1) : undefined;
}

/**
 * SARIF artifact URIs are relative to the repository root (the workspace, the working directory of
 * an action step), with forward slashes; an included gossfile keeps its own path.
 */
export function artifactUri(file: string, root = process.cwd()): string {
  const rel = path.isAbsolute(file) ? path.relative(root, file) : file;
  // Outside the workspace there is no repository path: an absolute file URI at least stays valid.
  if (rel.startsWith('..') || path.isAbsolute(rel)) return pathToFileURL(path.resolve(root, file)).href;
  return rel.replace(/\\/g, '/').replace(/^\.\//, '');
}

export function renderSarif(report: AuditReport, root = process.cwd()): string {
  const rules = new Map<string, { r: ControlResult; index: number }>();
  for (const r of report.results) {
    const id = ruleId(r);
    if (!rules.has(id)) rules.set(id, { r, index: rules.size });
  }
  const results = report.results
    .filter((r) => r.status === 'failed' || r.status === 'error')
    .map((r) => {
      const id = ruleId(r);
      const text =
        r.status === 'error'
          ? `${r.type} ${r.id}: ${r.property} could not be checked: ${r.reason ?? ''}`
          : `${r.type} ${r.id}: ${r.property} expected ${r.expected ?? ''}, got ${r.actual ?? ''}`;
      return {
        ruleId: id,
        ruleIndex: rules.get(id)!.index,
        // A control telltale could not check is an error whatever its impact: no verdict is no pass.
        level: r.status === 'error' ? ('error' as const) : sarifLevel(r.meta.impact),
        message: { text },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(r.controlPosition.file, root) },
              // From the control's key down to the failing attribute: code scanning shows the control.
              region: {
                startLine: r.controlPosition.line,
                startColumn: r.controlPosition.column,
                ...(r.position.line > r.controlPosition.line ? { endLine: r.position.line } : {}),
              },
            },
          },
        ],
        // Stable per control property and target, so re-runs update one alert instead of adding one.
        partialFingerprints: {
          'telltaleControl/v1': createHash('sha256')
            .update(`${id}\0${r.property}\0${report.target}`)
            .digest('hex')
            .slice(0, 32),
        },
        properties: { status: r.status, property: r.property, target: report.target },
      };
    });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'telltale audit',
            informationUri: 'https://github.com/telltale-dev/telltale',
            semanticVersion: VERSION,
            rules: [...rules.entries()].map(([id, { r }]) => {
              const sev = securitySeverity(r.meta.impact);
              return {
                id,
                name: `${r.type}:${r.id}`.replace(/[^A-Za-z0-9]+/g, '-'),
                shortDescription: { text: r.title ?? `${r.type} ${r.id}` },
                defaultConfiguration: { level: sarifLevel(r.meta.impact) },
                properties: {
                  ...(Array.isArray(r.meta.tags) ? { tags: r.meta.tags } : {}),
                  ...(sev ? { 'security-severity': sev } : {}),
                },
              };
            }),
          },
        },
        automationDetails: { id: `telltale-audit/${report.target}/` },
        // SARIF §3.20: what the tool could not do is a tool execution notification, not only a result.
        invocations: [
          {
            executionSuccessful: report.summary.errored === 0,
            toolExecutionNotifications: report.results
              .filter((r) => r.status === 'error')
              .map((r) => ({
                level: 'error',
                message: { text: `could not check ${r.type} ${r.id}: ${r.property}: ${r.reason ?? ''}` },
                descriptor: { id: 'could-not-check' },
                associatedRule: { id: ruleId(r) },
              })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
