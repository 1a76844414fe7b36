/**
 * The report formats, by name, for `--format markdown,html,ocsf` and the action's `formats` input:
 * several formats from one scan. Each has a default file name for `--output DIR`; an item may name
 * its own path (`html:dashboard.html`).
 */
import { InputError } from '../../util/errors.ts';
import type { CloudTrailReport } from '../model/report.ts';
import { renderCloudTrailHtml } from './html.ts';
import { renderCloudTrailJson } from './json.ts';
import { renderCloudTrailMarkdown } from './markdown.ts';
import { renderCloudTrailOcsf } from './ocsf.ts';

export type ReportFormat = 'json' | 'markdown' | 'html' | 'ocsf';

export const REPORT_FORMATS: Record<ReportFormat, { file: string; render: (r: CloudTrailReport) => string }> = {
  json: { file: 'cloudtrail-report.json', render: renderCloudTrailJson },
  markdown: { file: 'cloudtrail-report.md', render: (r) => renderCloudTrailMarkdown(r) },
  html: { file: 'cloudtrail-dashboard.html', render: renderCloudTrailHtml },
  ocsf: { file: 'cloudtrail-findings.ocsf.json', render: renderCloudTrailOcsf },
};

export interface FormatRequest {
  format: ReportFormat;
  /** A path given with the format (`html:out.html`), else undefined. */
  path?: string;
}

export function parseFormats(text: string, field = '--format'): FormatRequest[] {
  const out: FormatRequest[] = [];
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = item.indexOf(':');
    const name = (at < 0 ? item : item.slice(0, at)).toLowerCase();
    const format = (name === 'md' ? 'markdown' : name) as ReportFormat;
    if (!Object.hasOwn(REPORT_FORMATS, format)) {
      throw new InputError(`unknown report format '${name}'`, {
        location: { field },
        hint: `one or more of ${Object.keys(REPORT_FORMATS).join(', ')}, separated by commas (a format may name its file: html:dash.html)`,
      });
    }
    if (out.some((f) => f.format === format)) continue;
    const path = at < 0 ? undefined : item.slice(at + 1).trim();
    out.push(path ? { format, path } : { format });
  }
  if (!out.length) throw new InputError('no report format given', { location: { field } });
  return out;
}
