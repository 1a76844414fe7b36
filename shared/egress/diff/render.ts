/**
 * The egress diff as Markdown: the PR comment body and the job summary. Host names come from DNS
 * packets and TLS hellos anyone can send, so every one goes through shared/report/escape.ts.
 */
import { isIP } from 'node:net';
import { escapeHtml, escapeMarkdown, markdownCode, markdownCodeBlock } from '../../report/escape.ts';
import { markdownDetails, markdownTable } from '../../report/markdown.ts';
import { isManifestHost, proposeEntries, renderSnippet } from '../manifest/update.ts';
import type { BlockedConnection, ProcessInfo } from '../model/report.ts';
import type { EgressDiff, MergedEndpoint, UnusedEntry } from './diff.ts';

export type EgressPolicy = 'audit' | 'enforce';

export interface RenderOptions {
  policy: EgressPolicy;
  /** Shown in the verdict; the manifest path as the workflow names it. */
  manifest: string;
  /** Link to the run, for "full details in the job summary". */
  runUrl?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line a reviewer reads first. */
export function verdictLine(diff: EgressDiff, options: RenderOptions): string {
  const manifest = markdownCode(options.manifest);
  const seen = plural(diff.allowed.length + diff.new.length, 'endpoint');
  if (diff.new.length === 0) {
    return `✅ **telltale egress**: all ${seen} this run reached are allowed by ${manifest}.`;
  }
  const what = `${plural(diff.new.length, 'new endpoint')} not in ${manifest}`;
  return options.policy === 'enforce'
    ? `❌ **telltale egress**: ${what}; the job fails (policy \`enforce\`).`
    : `⚠️ **telltale egress**: ${what} (policy \`audit\`: reported, not failing).`;
}

const cellList = (items: readonly string[]) => (items.length ? items.map(escapeMarkdown).join(', ') : '—');
const portCell = (e: { port: number; transport: string }) => `${e.port}${e.transport === 'udp' ? '/udp' : ''}`;

function newTable(endpoints: readonly MergedEndpoint[]): string {
  return markdownTable(
    ['Host', 'Port', 'Protocol', 'Step', 'Named by'],
    endpoints.map((e) => [
      markdownCode(e.host) + (e.failed > 0 && e.failed >= e.connections ? ' (failed)' : ''),
      portCell(e),
      cellList(e.protocols),
      cellList(e.steps),
      cellList(e.namedBy),
    ]),
  );
}

function staleList(unused: readonly UnusedEntry[]): string {
  return unused
    .map((u) => {
      const name = markdownCode(u.host ?? u.cidr ?? '');
      const port = u.port === null ? 'any port' : `port ${escapeMarkdown(String(u.port))}`;
      const where = `\`allow[${u.index}]\`${u.line ? `, line ${u.line}` : ''}`;
      const reason = u.reason ? ` — ${escapeMarkdown(u.reason)}` : '';
      return `- ${name} ${port}${u.transport ? `/${u.transport}` : ''} (${where})${reason}`;
    })
    .join('\n');
}

function fullTable(diff: EgressDiff): string {
  const rows = [...diff.new, ...diff.allowed]
    .sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port)
    .map((e) => [
      markdownCode(e.host),
      portCell(e),
      cellList(e.protocols),
      cellList(e.namedBy),
      String(e.connections),
      String(e.failed),
      e.status === 'new'
        ? '**new**'
        : `allowed by ${markdownCode(e.entry.host ?? e.entry.cidr ?? '')}${e.via === 'dns' ? ' (DNS answer)' : ''}`,
    ]);
  return markdownTable(['Host', 'Port', 'Protocol', 'Named by', 'Connections', 'Failed', 'Status'], rows);
}

/** The PR comment / job summary body (without the sticky marker, which comments.ts adds). */
export function renderDiffMarkdown(diff: EgressDiff, options: RenderOptions): string {
  const parts: string[] = [verdictLine(diff, options)];
  if (diff.reports > 1) parts.push(`Merged from ${diff.reports} reports.`);
  if (diff.new.length) {
    parts.push(`#### New endpoints\n\n${newTable(diff.new)}`);
  }
  if (diff.unused.length) {
    parts.push(
      `#### Stale entries\n\nAllowed by the manifest but not used in this run. One run may not exercise every path ` +
        `(caches, retries, matrix legs), so check a few runs before removing an entry.\n\n${staleList(diff.unused)}`,
    );
  }
  const total = diff.new.length + diff.allowed.length;
  if (total) {
    parts.push(
      markdownDetails(
        escapeHtml(`All ${total} endpoints observed (${diff.allowed.length} allowed, ${diff.new.length} new)`),
        fullTable(diff),
      ),
    );
  }
  const proposals = proposeEntries(diff.new);
  if (proposals.length) {
    const leftOut = diff.new.filter((e) => !isIP(e.host) && !isManifestHost(e.host)).length;
    parts.push(
      `#### Allow them\n\nIf these endpoints are expected, add them under \`allow:\` in ${markdownCode(options.manifest)} ` +
        `(or run \`telltale egress diff --update\`):\n\n${markdownCodeBlock(renderSnippet(proposals), 'yaml')}` +
        (leftOut
          ? `\n\n${plural(leftOut, 'name')} that ${leftOut === 1 ? 'is' : 'are'} not a valid DNS name ${leftOut === 1 ? 'was' : 'were'} left out: look at ${leftOut === 1 ? 'it' : 'them'} before allowing anything.`
          : ''),
    );
  }
  if (options.runUrl) parts.push(`<sub>[Workflow run](${encodeURI(options.runUrl)})</sub>`);
  return `${parts.join('\n\n')}\n`;
}

/** `curl (pid 123, container 0123abcd4567)`, the process as a table cell. */
function processCell(processes: readonly ProcessInfo[] | undefined, unattributed = 0): string {
  const named = (processes ?? []).slice(0, 3).map((p) => {
    const exe = p.exe ? (p.exe.split('/').pop() ?? p.exe) : 'unknown';
    const where = [`pid ${p.pid}`, ...(p.container ? [`container ${p.container}`] : [])].join(', ');
    const cmdline = p.cmdline
      ? ` ${markdownCode(p.cmdline.length > 80 ? `${p.cmdline.slice(0, 79)}…` : p.cmdline)}`
      : '';
    // pid and container id are ours (digits, hex), the executable and command line are not.
    return `${markdownCode(exe)} (${where})${cmdline}`;
  });
  const more = (processes?.length ?? 0) - named.length;
  if (more > 0) named.push(`and ${more} more`);
  if (unattributed) named.push(`${unattributed} not attributed`);
  return named.join('<br>') || 'not attributed';
}

/** The manifest line that would allow a blocked connection next time (a name only when it is a valid one). */
export function allowLine(b: Pick<BlockedConnection, 'host' | 'namedBy' | 'address' | 'port' | 'transport'>): string {
  const target =
    b.namedBy === 'dns' && isManifestHost(b.host)
      ? `host: ${b.host}`
      : `cidr: ${b.address}/${isIP(b.address) === 6 ? 128 : 32}`;
  return `- { ${target}, ports: [${b.port}]${b.transport === 'udp' ? ', transport: udp' : ''} }`;
}

/**
 * Block mode's part of the comment: what the firewall refused, who tried, in which step, and the
 * one manifest line per destination that would allow it. Several addresses of one name are one row.
 */
export function renderBlockedMarkdown(blocked: readonly BlockedConnection[], manifest: string): string {
  if (!blocked.length) return '🛡️ **telltale egress** (policy `block`): nothing was blocked.\n';
  const rows = new Map<string, BlockedConnection[]>();
  for (const b of blocked) {
    const k = `${b.host}|${b.port}|${b.transport}`;
    rows.set(k, [...(rows.get(k) ?? []), b]);
  }
  const groups = [...rows.values()];
  const table = markdownTable(
    ['Host', 'Port', 'Step', 'Process', 'Attempts', 'From'],
    groups.map((g) => {
      const first = g[0]!;
      const processes = g.flatMap((b) => b.processes ?? []);
      return [
        markdownCode(first.host) + (first.namedBy === 'none' ? ' (no DNS name)' : ''),
        portCell(first),
        cellList([...new Set(g.flatMap((b) => b.steps ?? []))]),
        processCell(
          processes,
          g.reduce((n, b) => n + (b.unattributed ?? 0), 0),
        ),
        String(g.reduce((n, b) => n + b.attempts, 0)),
        g.some((b) => b.origin === 'forward') ? 'a container' : 'this host',
      ];
    }),
  );
  const lines = [...new Set(groups.map((g) => allowLine(g[0]!)))];
  return (
    `🛡️ **telltale egress** (policy \`block\`): ${plural(groups.length, 'destination')} refused — ` +
    `the connections failed at once and nothing was sent to ${groups.length === 1 ? 'it' : 'them'}.\n\n` +
    `#### Blocked\n\n${table}\n\n` +
    `If a blocked destination is expected, add its line under \`allow:\` in ${markdownCode(manifest)}:\n\n` +
    `${markdownCodeBlock(lines.join('\n'), 'yaml')}\n`
  );
}
