/**
 * The endpoint table, for a terminal (aligned text) and for the job summary (Markdown). Host names
 * come from DNS packets and TLS handshakes anyone can craft: Markdown goes through escape.ts, and
 * the terminal form makes control characters visible so a name cannot rewrite the screen.
 */
import type { EgressReport, Endpoint } from '../model/report.ts';
import { markdownCode, visibleControls } from '../../report/escape.ts';
import { markdownTable } from '../../report/markdown.ts';

/** "quic draft-29": a QUIC endpoint says which version it spoke (a name telltale makes, not input). */
function protocolText(e: Endpoint): string {
  return e.quicVersion ? `${e.protocol} ${e.quicVersion}` : e.protocol;
}

function failureText(e: Endpoint): string {
  return e.failed ? `${e.failed}/${e.connections} failed (${e.failures.join(', ')})` : '';
}

function addressText(e: Endpoint, format: (s: string) => string): string {
  const listed = e.addresses.map(format).join(' ');
  const more = e.addressesOmitted ? ` (+${e.addressesOmitted} more)` : '';
  const nat = e.natClients?.length ? ` (before NAT: ${e.natClients.map(format).join(' ')})` : '';
  return listed ? `${listed}${more}${nat}` : e.via ? `via ${format(e.via)}` : '';
}

function summaryLine(report: EgressReport): string {
  const failed = report.endpoints.filter((e) => e.failed).length;
  const parts = [
    `${report.endpoints.length} endpoint${report.endpoints.length === 1 ? '' : 's'}`,
    `${report.capture.packets} packets`,
  ];
  if (failed) parts.push(`${failed} with failed connections`);
  if (report.failedLookups.length) parts.push(`${report.failedLookups.length} failed DNS lookups`);
  if (report.lookedUp?.length) parts.push(`${report.lookedUp.length} names looked up, not contacted`);
  if (report.capture.dropped !== undefined) parts.push(`${report.capture.dropped} dropped by the kernel`);
  return parts.join(', ');
}

export function renderEndpointsText(report: EgressReport): string {
  const header = ['HOST', 'PORT', 'PROTO', 'NAMED BY', 'CONN', 'ADDRESSES', 'STEPS', 'FAILED'];
  const rows = report.endpoints.map((e) => [
    visibleControls(e.host),
    `${e.port}/${e.transport}`,
    protocolText(e),
    e.namedBy,
    String(e.connections),
    addressText(e, visibleControls),
    (e.steps ?? []).map(visibleControls).join(', '),
    failureText(e),
  ]);
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  for (const lookup of report.failedLookups) {
    out.push(
      `lookup failed: ${visibleControls(lookup.name)} ${lookup.type} -> ${lookup.rcode} (server ${lookup.server})`,
    );
  }
  for (const name of report.lookedUp ?? []) {
    const addresses = name.addresses.length ? ` -> ${name.addresses.map(visibleControls).join(' ')}` : '';
    out.push(`looked up, not contacted: ${visibleControls(name.name)} ${name.types.join('/')}${addresses}`);
  }
  for (const warning of report.warnings) out.push(`warning: ${visibleControls(warning)}`);
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

export function renderEndpointsMarkdown(report: EgressReport, title = 'Egress'): string {
  const rows = report.endpoints.map((e) => [
    markdownCode(e.host),
    `${e.port}/${e.transport}`,
    protocolText(e),
    e.namedBy,
    String(e.connections),
    addressText(e, markdownCode),
    (e.steps ?? []).map(markdownCode).join(', '),
    failureText(e) ? `⚠️ ${failureText(e)}` : '',
  ]);
  const parts = [
    `### ${title}: ${summaryLine(report)}`,
    '',
    markdownTable(['Host', 'Port', 'Protocol', 'Named by', 'Connections', 'Addresses', 'Steps', 'Failures'], rows),
  ];
  if (report.failedLookups.length) {
    parts.push(
      '',
      '#### Failed DNS lookups (attempted egress)',
      '',
      markdownTable(
        ['Name', 'Type', 'Result', 'Server'],
        report.failedLookups.map((l) => [markdownCode(l.name), l.type, l.rcode, markdownCode(l.server)]),
      ),
    );
  }
  if (report.lookedUp?.length) {
    parts.push(
      '',
      '#### Looked up, not contacted (the name reached the resolver; no connection used it)',
      '',
      markdownTable(
        ['Name', 'Types', 'Addresses', 'Server'],
        report.lookedUp.map((l) => [
          markdownCode(l.name),
          l.types.join(', '),
          l.addresses.map(markdownCode).join(' '),
          markdownCode(l.server),
        ]),
      ),
    );
  }
  if (report.warnings.length) parts.push('', ...report.warnings.map((w) => `> ⚠️ ${markdownCode(w)}`));
  return `${parts.join('\n')}\n`;
}
