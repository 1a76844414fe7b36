/**
 * The report as GitHub Markdown: a job summary or the body of the nightly issue. It is meant to be
 * read in a minute: counts first, log health in one line (a quiet night with logging off is not a
 * quiet night), then one row per group of repeated findings (rule, principal, target) with how many
 * events and when, the worst first, capped with a count of what is left for the JSON. Every value
 * from the logs goes through escapeMarkdown / markdownCode.
 */
import { escapeMarkdown as esc, markdownCode as code } from '../../report/escape.ts';
import { markdownDetails, markdownTable, truncateMarkdown } from '../../report/markdown.ts';
import type { FindingGroup } from '../model/groups.ts';
import { LEVELS } from '../threat.ts';
import type { CloudTrailReport } from '../model/report.ts';

export interface MarkdownOptions {
  /** Rows (groups of findings) listed; the rest are counted by rule. Default 20: one screen. */
  maxFindings?: number;
  /** GitHub's comment and issue body limit is 65,536 characters. */
  limit?: number;
  title?: string;
}

export const ICON: Record<string, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦',
  informational: '⬜',
};

export function renderCloudTrailMarkdown(report: CloudTrailReport, options: MarkdownOptions = {}): string {
  const max = options.maxFindings ?? 20;
  const out: string[] = [];
  const { stats } = report;
  out.push(`## ${options.title ?? 'CloudTrail: risky changes'}`, '');
  const window = `${report.window.since ?? 'the beginning of the logs'} → ${report.window.until ?? 'now'}`;
  out.push(
    `Window ${esc(window)} · source ${code(report.source.location)}${
      report.source.regions?.length ? ` (${report.source.regions.length} region(s))` : ''
    } · ${stats.events} events from ${stats.files} ${report.source.kind === 'lookup' ? 'region lookup(s)' : 'file(s)'}${
      stats.duplicates ? ` · ${stats.duplicates} duplicate(s) dropped` : ''
    }${stats.malformed ? ` · **${stats.malformed} unreadable file(s)**` : ''}`,
    '',
  );
  // Rows per severity: what a person reads. Events are in brackets.
  const rows = new Map<string, number>();
  for (const g of report.groups) rows.set(g.severity, (rows.get(g.severity) ?? 0) + 1);
  out.push(
    `${LEVELS.slice()
      .reverse()
      .map((l) => `${ICON[l]} ${l} **${rows.get(l) ?? 0}**`)
      .join(' · ')} — ${report.groups.length} row(s) from ${stats.findings} event(s)`,
  );
  const extras: string[] = [];
  if (report.previous)
    extras.push(`🆕 **${report.previous.newGroups}** new since the last report (${code(report.previous.generatedAt)})`);
  const live = report.suppressions.filter((s) => !s.expired);
  const expired = report.suppressions.filter((s) => s.expired);
  if (stats.suppressed)
    extras.push(`🔕 ${stats.suppressed} event(s) suppressed by ${live.filter((s) => s.matched).length} entr(ies)`);
  if (expired.length) extras.push(`⚠️ **${expired.length} expired suppression(s)** (below)`);
  if (extras.length) out.push('', extras.join(' · '));
  for (const note of report.source.notes.slice(0, 5)) out.push('', `> ${esc(note)}`);

  out.push('', healthLine(report));
  if (report.malformedFiles.length) {
    out.push(
      '',
      markdownDetails(
        `⚠️ ${report.malformedFiles.length} unreadable file(s)`,
        markdownTable(
          ['File', 'Problem', 'Records read before it'],
          report.malformedFiles.slice(0, 50).map((m) => [code(m.file), esc(m.reason), String(m.records)]),
        ),
      ),
    );
  }

  out.push('', '### Findings', '');
  if (!report.groups.length) out.push('No rule matched an event in the window.');
  else {
    const shown = report.groups.slice(0, max);
    out.push(
      markdownTable(
        ['Severity', 'What', 'Who', 'Events', 'When (UTC)', 'Rule'],
        shown.map((g) => row(g)),
      ),
    );
    const rest = report.groups.slice(max);
    if (rest.length) {
      const byRule = new Map<string, number>();
      for (const g of rest) byRule.set(g.rule, (byRule.get(g.rule) ?? 0) + g.count);
      const top = [...byRule.entries()].sort((a, b) => b[1] - a[1]);
      out.push(
        '',
        `…and ${rest.length} more row(s), ${rest.reduce((n, g) => n + g.count, 0)} event(s), in the JSON report: ${top
          .slice(0, 5)
          .map(([rule, n]) => `${esc(rule)} ×${n}`)
          .join(', ')}${top.length > 5 ? ', …' : ''}.`,
      );
    }
  }

  const why = report.findings.filter((f) => f.modifiers.length).slice(0, 30);
  if (why.length) {
    out.push(
      '',
      markdownDetails(
        'Why these levels (modifiers, with the evidence used)',
        why
          .map(
            (f) =>
              `- ${code(f.eventId || f.eventName)} ${esc(f.rule)}: ${f.baseLevel}${f.modifiers
                .map((m) => ` ${m.step > 0 ? '+1' : m.step < 0 ? '−1' : '±0'} (${esc(m.reason)})`)
                .join('')} → **${f.severity}**`,
          )
          .join('\n'),
      ),
    );
  }
  if (report.suppressions.length) {
    out.push(
      '',
      markdownDetails(
        `Suppressions: ${live.length} live, ${expired.length} expired`,
        report.suppressions
          .map(
            (s) =>
              `- ${s.expired ? '⚠️ **expired** ' : ''}${code(s.rule)}${s.principal ? ` principal ${code(s.principal)}` : ''}${
                s.resource ? ` resource ${code(s.resource)}` : ''
              }: ${esc(s.reason)} — ${esc(s.owner)}, until ${code(s.expires)} (${code(s.at)}): ${
                s.expired ? `would have hidden ${s.matched} event(s), now reported` : `${s.matched} event(s) suppressed`
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

function healthLine(report: CloudTrailReport): string {
  const h = report.health;
  const parts: string[] = [];
  if (h.hours) {
    const what = h.basis === 'deliveries' ? 'log files delivered' : 'events returned';
    parts.push(
      h.silentHours
        ? `⚠️ ${h.silentHours} of ${h.hours} hour(s) with no ${what.split(' ')[0]} (${h.silent.slice(0, 6).map(code).join(', ')}${
            h.silentHours > 6 ? ', …' : ''
          })`
        : `✅ ${what} in every hour (${h.hours})`,
    );
  } else parts.push('no hours to examine (nothing delivered in the window)');
  const gappy = h.streams.filter((s) => s.silentHours > 0);
  if (h.streams.length)
    parts.push(`${h.streams.length} account/region stream(s)${gappy.length ? `, ${gappy.length} with gaps` : ''}`);
  if (h.trailChanges.length)
    parts.push(
      `⚠️ trail changes: ${h.trailChanges
        .slice(0, 3)
        .map((c) => `${code(c.eventName)} by ${esc(c.actor)}${c.outcome === 'failed' ? ' (failed)' : ''}`)
        .join(', ')}${h.trailChanges.length > 3 ? ', …' : ''}`,
    );
  return `**Log health:** ${parts.join(' · ')}`;
}

function when(g: FindingGroup): string {
  const t = (iso: string) => iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '');
  if (!g.firstSeen) return '';
  if (g.firstSeen === g.lastSeen) return code(t(g.firstSeen));
  const sameDay = g.firstSeen.slice(0, 10) === g.lastSeen.slice(0, 10);
  return code(`${t(g.firstSeen)} → ${sameDay ? t(g.lastSeen).slice(11) : t(g.lastSeen)}`);
}

function row(g: FindingGroup): string[] {
  const what = g.consoleUrl ? `[${esc(g.summary)}](${g.consoleUrl})` : esc(g.summary);
  const rule = `${esc(g.rule)}${g.attack.length ? ` · ${g.attack.slice(0, 2).join(', ')}` : ''}${
    g.ruleAuthor && g.ruleAuthor !== 'telltale' ? ` (by ${esc(g.ruleAuthor)})` : ''
  }`;
  return [
    `${g.new ? '🆕 ' : ''}${ICON[g.severity]} ${g.severity}${g.failed && !g.success ? ' · attempt' : ''}`,
    what,
    esc(g.actor.name),
    g.failed && g.success ? `${g.count} (${g.failed} failed)` : String(g.count),
    when(g),
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
