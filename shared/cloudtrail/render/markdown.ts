/**
 * The report as GitHub Markdown: a job summary or the body of the nightly issue. Highest threat
 * first, grouped by actor; log health before findings (a quiet night with logging off is not a
 * quiet night). Every value from the logs goes through escapeMarkdown / markdownCode.
 */
import { escapeMarkdown as esc, markdownCode as code } from '../../report/escape.ts';
import { markdownDetails, markdownTable, truncateMarkdown } from '../../report/markdown.ts';
import type { Finding } from '../findings.ts';
import { LEVELS } from '../threat.ts';
import type { CloudTrailReport } from '../model/report.ts';

export interface MarkdownOptions {
  /** Findings listed in full; the rest are counted. */
  maxFindings?: number;
  /** GitHub's comment and issue body limit is 65,536 characters. */
  limit?: number;
  title?: string;
}

const ICON: Record<string, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦',
  informational: '⬜',
};

export function renderCloudTrailMarkdown(report: CloudTrailReport, options: MarkdownOptions = {}): string {
  const max = options.maxFindings ?? 200;
  const out: string[] = [];
  const { stats } = report;
  out.push(`## ${options.title ?? 'CloudTrail: risky changes'}`);
  out.push('');
  const window = `${report.window.since ?? 'the beginning of the logs'} → ${report.window.until ?? 'now'}`;
  out.push(
    `Window ${esc(window)} · source ${code(report.source.location)}${
      report.source.regions?.length ? ` (${report.source.regions.map(code).join(', ')})` : ''
    } · ${stats.events} events from ${stats.files} ${report.source.kind === 'lookup' ? 'region lookup(s)' : 'file(s)'}${
      stats.duplicates ? ` · ${stats.duplicates} duplicate(s) dropped` : ''
    }${stats.malformed ? ` · **${stats.malformed} unreadable file(s)**` : ''}`,
  );
  out.push('');
  out.push(
    LEVELS.slice()
      .reverse()
      .map((l) => `${ICON[l]} ${l} **${stats.bySeverity[l]}**`)
      .join(' · '),
  );
  for (const note of report.source.notes) out.push('', `> ${esc(note)}`);

  out.push('', '### Log health', '');
  const h = report.health;
  if (h.hours) {
    const what = h.basis === 'deliveries' ? 'no log file delivered' : 'no event returned';
    out.push(
      `- ${h.silentHours ? '⚠️ ' : ''}Hours with ${what}: **${h.silentHours}** of ${h.hours}${
        h.silent.length ? ` (${h.silent.map(code).join(', ')}${h.silentHours > h.silent.length ? ', …' : ''})` : ''
      }`,
    );
  } else {
    out.push('- No hours to examine (nothing was delivered in the window).');
  }
  const gappy = h.streams.filter((s) => s.silentHours > 0);
  if (gappy.length) {
    out.push(
      `- Streams with silent hours: ${gappy
        .slice(0, 20)
        .map((s) => `${code(`${s.account}/${s.region}`)} ${s.silentHours}h`)
        .join(', ')}${gappy.length > 20 ? ', …' : ''}`,
    );
  }
  if (h.trailChanges.length) {
    out.push(`- ⚠️ Trail configuration changes: ${h.trailChanges.length}`);
    for (const c of h.trailChanges.slice(0, 20)) {
      out.push(
        `  - ${code(c.eventName)} ${c.trail ? code(c.trail) : ''} by ${esc(c.actor)} at ${code(c.eventTime)} in ${code(c.region)}${
          c.outcome === 'failed' ? ' (failed)' : ''
        }`,
      );
    }
  } else {
    out.push('- No trail configuration changes seen.');
  }
  if (report.malformedFiles.length) {
    out.push('', `#### Unreadable files (${report.malformedFiles.length})`, '');
    out.push(
      markdownTable(
        ['File', 'Problem', 'Records read before it'],
        report.malformedFiles.slice(0, 50).map((m) => [code(m.file), esc(m.reason), String(m.records)]),
      ),
    );
  }

  out.push('', '### Findings', '');
  if (!report.findings.length) out.push('No rule matched an event in the window.');
  let listed = 0;
  for (const actor of report.actors) {
    if (listed >= max) break;
    const mine = report.findings.filter((f) => f.actor.key === actor.key);
    out.push(
      `#### ${ICON[actor.highest]} ${esc(actor.name)} · ${esc(actor.type)} · ${mine.length} finding(s)`,
      '',
      actor.arn ? `${code(actor.arn)}\n` : '',
    );
    const rows: string[][] = [];
    for (const f of mine) {
      if (listed >= max) break;
      listed++;
      rows.push(row(f));
    }
    out.push(markdownTable(['Severity', 'When (UTC)', 'What', 'Where', 'Rule'], rows), '');
  }
  if (report.findings.length > listed)
    out.push(`…and ${report.findings.length - listed} more finding(s) in the JSON report.`, '');

  const why = report.findings
    .slice(0, Math.min(listed, 50))
    .filter((f) => f.modifiers.length || Object.keys(f.details).length);
  if (why.length) {
    out.push(
      markdownDetails(
        'Why these levels (modifiers) and the decisive request fields',
        why
          .map(
            (f) =>
              `- ${code(f.eventId || f.eventName)} ${esc(f.rule)}: ${f.baseLevel}${f.modifiers
                .map((m) => ` ${m.step > 0 ? '+1' : m.step < 0 ? '−1' : '±0'} (${esc(m.reason)})`)
                .join('')} → **${f.severity}**${
                Object.keys(f.details).length
                  ? `; ${Object.entries(f.details)
                      .map(([k, v]) => `${code(k)} = ${code(v)}`)
                      .join(', ')}`
                  : ''
              }`,
          )
          .join('\n'),
      ),
    );
  }
  out.push('', rulesFooter(report));
  const text = `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
  return truncateMarkdown(
    text,
    options.limit ?? 65_000,
    '_(truncated: the full report is in the JSON and HTML artifacts)_',
  );
}

function row(f: Finding): string[] {
  const where = [f.region, f.sourceIPAddress, f.via].filter(Boolean).map(code).join(' ');
  const rule = `${esc(f.rule)}${f.ruleAuthor ? ` (by ${esc(f.ruleAuthor)})` : ''}`;
  return [
    `${ICON[f.severity]} ${f.severity}${f.outcome === 'failed' ? ' · attempt' : ''}`,
    code(f.eventTime.replace('T', ' ').replace(/Z$/, '')),
    `${esc(f.summary)}${f.count > 1 ? ` (×${f.count})` : ''}`,
    where,
    rule,
  ];
}

function rulesFooter(report: CloudTrailReport): string {
  const { loaded, problems, otherLogsource } = report.rules;
  const builtin = loaded.filter((r) => r.origin === 'builtin').length;
  const lines = [`${loaded.length} rule(s) ran (${builtin} built-in, ${loaded.length - builtin} from --rules).`];
  if (problems.length) {
    lines.push(
      '',
      markdownDetails(
        `⚠️ ${problems.length} rule problem(s): these rules did not run`,
        problems
          .map(
            (p) =>
              `- ${code(`${p.file}${p.line ? `:${p.line}` : ''}${p.column ? `:${p.column}` : ''}`)} ${esc(p.rule ?? '')} ${esc(p.message)}`,
          )
          .join('\n'),
      ),
    );
  }
  if (otherLogsource.length) lines.push('', `${otherLogsource.length} rule(s) for other log sources were skipped.`);
  const sigma = loaded.filter((r) => r.origin === 'custom' && r.findings > 0 && r.author);
  if (sigma.length) {
    lines.push(
      '',
      `Sigma rules with findings, by author (Detection Rule License): ${sigma.map((r) => `${esc(r.title)} by ${esc(r.author!)}`).join('; ')}.`,
    );
  }
  return lines.join('\n');
}
